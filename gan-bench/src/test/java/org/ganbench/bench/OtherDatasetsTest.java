package org.ganbench.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.MatlabType;
import us.hebi.matlab.mat.types.Matrix;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code reproduce} on the data sets other than MNIST, end to end with tiny settings: TFD on a file
 * written here in the layout of {@code TFD_48x48.mat}, and the real ORL faces and CIFAR-10 from the
 * shared data folder beside the project when it is present.
 */
class OtherDatasetsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Returns a path below the shared data folder beside the project root, which may not exist. */
    private static Path sharedData(String relative) {
        Path projectRoot = Path.of("").toAbsolutePath().getParent();
        return projectRoot.resolveSibling("shared").resolve("data").resolve(relative);
    }

    @Test
    void tfdRunsFivefoldProtocol(@TempDir Path folder) throws IOException {
        Path data = Files.createDirectories(folder.resolve("tfd"));
        writeTfdFile(data.resolve("TFD_48x48.mat"), 150, 100);
        Path output = folder.resolve("run");

        int exitCode = GanBench.execute("reproduce", "--dataset", "tfd", "--data-dir", data.toString(),
                "--models", "gan,training-data", "--epochs", "1", "--samples", "60", "-o", output.toString());

        assertEquals(0, exitCode);
        JsonNode result = JSON.readTree(output.resolve("result.json").toFile());
        assertEquals("TFD", result.get("dataset").asText());
        JsonNode gan = result.get("rows").get(0);
        assertEquals("Adversarial nets", gan.get("model").asText());
        assertEquals(5, gan.get("folds").size());
        assertTrue(gan.get("parzen").isNull(), "a five-fold row has no single-test-set record");
        for (int k = 0; k < 5; k++) {
            JsonNode fold = gan.get("folds").get(k);
            assertEquals(20, fold.get("testCount").asInt(), "fold " + k);
            assertEquals(20, fold.get("validationCount").asInt(), "fold " + k);
            assertTrue(fold.get("testSetName").asText().contains("fold " + k), fold.get("testSetName").asText());
        }
        assertEquals(100, gan.get("crossFold").get("testCount").asInt());
        assertTrue(Files.isRegularFile(output.resolve("interpolation.png")), "Figure 3 missing");
        assertTrue(Files.isRegularFile(output.resolve("epochs-fold4.jsonl")), "per-fold epoch log missing");

        String table = Files.readString(output.resolve("table1.md"));
        assertTrue(table.contains("# Table 1: Parzen-window log-likelihood on TFD"), table);
        assertTrue(table.contains("| DBN | 1909 ± 66 | not run |"), table);
        assertTrue(table.contains("(median of 5 folds)"), table);
        assertTrue(table.contains("standard deviation of those 5 means over sqrt(5)"), table);
    }

    @Test
    void crossFoldErrorMatchesFoldMeans(@TempDir Path folder) throws IOException {
        Path data = Files.createDirectories(folder.resolve("tfd"));
        writeTfdFile(data.resolve("TFD_48x48.mat"), 0, 100);
        Path output = folder.resolve("run");

        assertEquals(0, GanBench.execute("reproduce", "--dataset", "tfd", "--data-dir", data.toString(),
                "--models", "training-data", "--samples", "40", "-o", output.toString()));

        JsonNode row = JSON.readTree(output.resolve("result.json").toFile()).get("rows").get(0);
        double[] means = new double[5];
        double mean = 0;
        for (int k = 0; k < 5; k++) {
            means[k] = row.get("folds").get(k).get("meanLogLikelihood").asDouble();
            mean += means[k] / 5;
        }
        double squares = 0;
        for (double value : means) {
            squares += (value - mean) * (value - mean);
        }
        assertEquals(mean, row.get("crossFold").get("mean").asDouble(), 1e-9);
        assertEquals(Math.sqrt(squares / 4) / Math.sqrt(5), row.get("crossFold").get("standardError").asDouble(), 1e-9);
    }

    @Test
    void trainLimitAboveFoldIsUsageError(@TempDir Path folder) throws IOException {
        Path data = Files.createDirectories(folder.resolve("tfd"));
        // 100 labelled images: each fold trains on 60 of them.
        writeTfdFile(data.resolve("TFD_48x48.mat"), 0, 100);
        Path output = folder.resolve("run");

        int exitCode = GanBench.execute("reproduce", "--dataset", "tfd", "--data-dir", data.toString(),
                "--models", "training-data", "--train-limit", "128", "--samples", "40", "-o", output.toString());

        assertEquals(GanBench.EXIT_USAGE, exitCode);
        String failure = Files.readString(output.resolve("failure.json"));
        assertTrue(failure.contains("Invalid value 128 for --train-limit: the training set of fold 0 of --dataset tfd"
                + " has only 60 images"), failure);
        assertTrue(failure.contains("rerun with --train-limit 60 or less, or 0 to train on every image"), failure);
        assertFalse(Files.exists(output.resolve("result.json")), "no result after an invalid option");
    }

    @Test
    void tfdWithoutDataDirectoryIsUsageError(@TempDir Path folder) {
        int exitCode = GanBench.execute("reproduce", "--dataset", "tfd", "--models", "gan",
                "-o", folder.resolve("run").toString());

        assertEquals(GanBench.EXIT_USAGE, exitCode);
        assertFalse(Files.exists(folder.resolve("run")), "the options are checked before anything is written");
    }

    @Test
    void tfdMissingFileIsDataError(@TempDir Path folder) throws IOException {
        Path empty = Files.createDirectories(folder.resolve("empty"));

        int exitCode = GanBench.execute("reproduce", "--dataset", "tfd", "--data-dir", empty.toString(),
                "--models", "gan", "-o", folder.resolve("run").toString());

        assertEquals(3, exitCode);
        assertFalse(Files.exists(folder.resolve("run").resolve("checkpoints")), "nothing to resume after a data error");
    }

    @Test
    void rerunAfterDataErrorNeedsNoResume(@TempDir Path folder) throws IOException {
        Path data = Files.createDirectories(folder.resolve("tfd"));
        String output = folder.resolve("run").toString();
        assertEquals(3, GanBench.execute("reproduce", "--dataset", "tfd", "--data-dir", data.toString(),
                "--models", "training-data", "-o", output));
        writeTfdFile(data.resolve("TFD_48x48.mat"), 0, 100);

        int exitCode = GanBench.execute("reproduce", "--dataset", "tfd", "--data-dir", data.toString(),
                "--models", "training-data", "--samples", "40", "-o", output);

        assertEquals(0, exitCode);
    }

    @Test
    void orlFolderWithoutFacesIsDataError(@TempDir Path folder) throws IOException {
        Path empty = Files.createDirectories(folder.resolve("faces"));

        int exitCode = GanBench.execute("reproduce", "--dataset", "orl", "--data-dir", empty.toString(),
                "--models", "training-data", "-o", folder.resolve("run").toString());

        assertEquals(3, exitCode);
        assertFalse(Files.exists(folder.resolve("run").resolve("result.json")));
    }

    @Test
    void parentFolderGetsHint(@TempDir Path folder) throws IOException {
        Files.createDirectories(folder.resolve("faces").resolve("orl").resolve("s1"));
        Path output = folder.resolve("run");

        int exitCode = GanBench.execute("reproduce", "--dataset", "orl", "--data-dir",
                folder.resolve("faces").toString(), "--models", "training-data", "-o", output.toString());

        assertEquals(3, exitCode);
        String failure = Files.readString(output.resolve("failure.json"));
        assertTrue(failure.contains("subfolder orl"), failure);
    }

    @Test
    void convolutionalRowRejectedOnMnist() {
        assertEquals(2, GanBench.execute("reproduce", "--dataset", "mnist", "--models", "gan-conv"));
    }

    @Test
    void baselineRejectedOnCifar() {
        assertEquals(2, GanBench.execute("reproduce", "--dataset", "cifar10", "--models", "dbn"));
    }

    @Test
    void orlRowsAreLabelledAsOrl(@TempDir Path folder) throws IOException {
        Path orl = sharedData("faces/orl");
        assumeTrue(Files.isDirectory(orl), "the ORL folder " + orl + " is absent, so the real faces are not run");
        Path output = folder.resolve("run");

        int exitCode = GanBench.execute("reproduce", "--dataset", "orl", "--data-dir", orl.toString(),
                "--models", "training-data,kmeans", "--samples", "100", "-o", output.toString());

        assertEquals(0, exitCode);
        JsonNode result = JSON.readTree(output.resolve("result.json").toFile());
        assertEquals("ORL faces (48x48, TFD protocol)", result.get("dataset").asText());
        JsonNode kMeans = result.get("rows").get(1);
        assertEquals("k-means", kMeans.get("model").asText());
        // 280 training faces per fold, one centroid per five of them, so 56 distinct samples.
        assertEquals(56, kMeans.get("folds").get(0).get("sampleCount").asInt());
        assertEquals(80, kMeans.get("folds").get(0).get("testCount").asInt());

        String table = Files.readString(output.resolve("table1.md"));
        assertTrue(table.contains("# Table 1: Parzen-window log-likelihood on ORL faces"), table);
        assertFalse(table.contains("1909"), "no TFD paper value may sit beside ORL rows:\n" + table);
        BufferedImage grid = ImageIO.read(output.resolve("samples-training-data.png").toFile());
        assertNotNull(grid);
        assertTrue(grid.getWidth() > grid.getHeight(), "the nearest-neighbour column widens the grid");
    }

    @Test
    void cifarWritesSamplesWithoutTable(@TempDir Path folder) throws IOException {
        Path cifar = sharedData("cifar10");
        assumeTrue(Files.isRegularFile(cifar.resolve("cifar-10-binary.tar.gz")),
                "the CIFAR-10 archive in " + cifar + " is absent, so the real images are not run");
        Path output = folder.resolve("run");

        int exitCode = GanBench.execute("reproduce", "--dataset", "cifar10", "--data-dir", cifar.toString(),
                "--train-limit", "300", "--epochs", "1", "--samples", "100", "-o", output.toString());

        assertEquals(0, exitCode);
        for (String name : new String[] {"samples.png", "samples-gan-conv.png", "interpolation.png",
            "interpolation-gan-conv.png", "result.json"}) {
            assertTrue(Files.isRegularFile(output.resolve(name)), name + " missing");
        }
        assertFalse(Files.exists(output.resolve("table1.md")), "the paper scores no model on CIFAR-10");
        JsonNode rows = JSON.readTree(output.resolve("result.json").toFile()).get("rows");
        assertEquals("Adversarial nets (fully connected)", rows.get(0).get("model").asText());
        assertEquals("Adversarial nets (convolutional)", rows.get(1).get("model").asText());
        assertTrue(rows.get(0).get("parzen").isNull(), "no Parzen record on CIFAR-10");
        assertTrue(rows.get(0).get("crossFold").isNull(), "no cross-fold record on CIFAR-10");
    }

    /**
     * Writes a file in the layout of TFD_48x48.mat: {@code unlabelled} images unlabelled in every
     * fold, then {@code labelled} images where image j is a test image of fold j mod 5, a
     * validation image of fold (j - 1) mod 5 and a training image of the other three. Faces are
     * smooth random blobs, so the Parzen scores are finite and differ between folds.
     */
    private static void writeTfdFile(Path file, int unlabelled, int labelled) throws IOException {
        int count = unlabelled + labelled;
        int size = 48;
        SplittableRandom random = new SplittableRandom(7);
        Matrix images = Mat5.newMatrix(new int[] {count, size, size}, MatlabType.UInt8);
        for (int n = 0; n < count; n++) {
            double centreRow = 14 + random.nextInt(20);
            double centreColumn = 14 + random.nextInt(20);
            for (int r = 0; r < size; r++) {
                for (int c = 0; c < size; c++) {
                    double distance = Math.hypot(r - centreRow, c - centreColumn);
                    int value = (int) Math.round(255 * Math.exp(-distance * distance / 200));
                    // MATLAB stores N x 48 x 48 column-major: element (n, r, c) at n + N * (r + 48 * c).
                    images.setInt(n + count * (r + size * c), value);
                }
            }
        }

        Matrix folds = Mat5.newMatrix(count, 5);
        Matrix expressions = Mat5.newMatrix(count, 1);
        Matrix identities = Mat5.newMatrix(count, 1);
        for (int n = 0; n < count; n++) {
            int j = n - unlabelled;
            for (int k = 0; k < 5; k++) {
                int role = 0;
                if (j >= 0) {
                    role = j % 5 == k ? 3 : j % 5 == (k + 1) % 5 ? 2 : 1;
                }
                folds.setDouble(n + count * k, role);
            }
            expressions.setDouble(n, j >= 0 ? j % 7 + 1 : -1);
            identities.setDouble(n, n);
        }

        MatFile mat = Mat5.newMatFile().addArray("images", images).addArray("folds", folds)
                .addArray("labs_ex", expressions).addArray("labs_id", identities);
        Mat5.writeToFile(mat, file.toFile());
    }
}
