package org.ganbench.bench.perf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.ganbench.bench.jmh.MatrixProductBenchmark;
import org.ganbench.core.UpdateMode;
import org.ganbench.eval.ParzenWindowEstimator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures every workload of the benchmark, ours and the peers', at each thread count, and
 * assembles the report. Each repetition runs our benchmark and the peer of a workload back to back
 * and flips their order between repetitions, so slow drifts of the machine hit both sides alike.
 */
final class BenchmarkRun {

    private static final Logger LOG = LoggerFactory.getLogger(BenchmarkRun.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PROBE_TIMEOUT = Duration.ofHours(2);
    /** Forward products of the training step at minibatch 100: D's first layer, G's middle and last layers. */
    private static final List<String> TRAINING_PRODUCTS = List.of("100,784,1200", "100,1200,1200", "100,1200,784");

    private final BenchmarkSizes sizes;
    private final List<Integer> threadCounts;
    private final int repetitions;
    private final OurBenchmarks ours;
    private final PeerPrograms peers;
    private final Map<String, String> versions = new LinkedHashMap<>();

    /**
     * Prepares a run.
     *
     * @param sizes problem sizes and run lengths
     * @param threadCounts thread counts to compare at, each at least 1
     * @param repetitions alternating repetitions of every timed workload, at least 1
     * @param peers the peer programs, already checked with {@link PeerPrograms#checkRunnable()}
     */
    BenchmarkRun(BenchmarkSizes sizes, List<Integer> threadCounts, int repetitions, PeerPrograms peers) {
        this.sizes = sizes;
        this.threadCounts = List.copyOf(threadCounts);
        this.repetitions = repetitions;
        this.ours = new OurBenchmarks(sizes);
        this.peers = peers;
    }

    /**
     * Measures everything and builds the report.
     *
     * @param command the command line, copied into the report
     * @param load the 1-minute load average before the first measurement
     * @return the report
     * @throws PeerProgramException if a peer fails
     * @throws IllegalStateException if one of our benchmarks or probes fails
     */
    BenchmarkReport measure(String command, double load) {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        LOG.info("Benchmark started: {} sizes, {} repetitions, threads {}, 1-minute load {}", sizes.name(),
                repetitions, threadCounts, load);

        PeerFigure broadcast = measureBroadcast();
        List<WorkloadResult> workloads = new ArrayList<>();
        List<WorkloadResult> diagnostics = new ArrayList<>();
        Map<Integer, TimedFigures> timedByThreads = new LinkedHashMap<>();
        for (int threads : threadCounts) {
            TimedFigures timed = measureTimed(threads);
            timedByThreads.put(threads, timed);
            workloads.addAll(assemble(timed, broadcast, threads));
            diagnostics.addAll(measureDiagnostics(threads));
        }

        int memoryThreads = Collections.max(threadCounts);
        LOG.info("Measuring the Parzen protocol's peak memory with {} threads", memoryThreads);
        JsonNode parzenProbe = runProbe(ParzenMemoryProbe.class, List.of("-Xmx4g"), List.of(
                Integer.toString(sizes.parzenSamples()), Integer.toString(sizes.parzenTest()),
                Integer.toString(sizes.parzenValidation())), memoryThreads);
        versions.put("DJL", field(parzenProbe, "djl") + ", PyTorch " + field(parzenProbe, "pytorch") + " (CPU)");
        BenchmarkReport.MemoryFigures memory = measureMemory(parzenProbe, memoryThreads);
        BenchmarkReport.ParzenCrossCheck crossCheck = crossCheck(parzenProbe, timedByThreads.get(memoryThreads));

        List<TargetCheck> targets = PerformanceTargets.check(workloads, diagnostics, threadCounts, memory);
        Instant finish = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        LOG.info("Benchmark measurements finished in {} s", Duration.between(start, finish).toSeconds());
        return new BenchmarkReport(command, sizes, start.toString(), finish.toString(), load, threadCounts,
                repetitions, MachineDescription.current(), versions, workloads, diagnostics, crossCheck, memory,
                targets);
    }

    /** Figures of the workloads timed in every repetition at one thread count, by key. */
    private record TimedFigures(Map<String, List<Double>> figures) {

        void add(String key, double value) {
            figures.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }

        Samples get(String key) {
            return new Samples(figures.get(key));
        }
    }

    private TimedFigures measureTimed(int threads) {
        TimedFigures timed = new TimedFigures(new LinkedHashMap<>());

        for (int repetition = 1; repetition <= repetitions; repetition++) {
            LOG.info("Repetition {} of {} with {} threads", repetition, repetitions, threads);
            // Odd repetitions run ours first, even ones the peers first.
            boolean oursFirst = repetition % 2 == 1;

            List<Runnable> gemm = List.of(
                    () -> timed.add("gemm.ours", ours.matrixProductGflops(sizes.gemmShape(), threads)),
                    () -> measureGemmPeers(timed, threads));
            List<Runnable> parzen = List.of(
                    () -> timed.add("parzen.ours", ours.parzenSeconds(threads)),
                    () -> measureNumpyParzen(timed, threads));
            List<Runnable> simultaneous = trainingPair(timed, UpdateMode.SIMULTANEOUS, threads);
            List<Runnable> alternating = trainingPair(timed, UpdateMode.ALTERNATING, threads);

            for (List<Runnable> pair : List.of(gemm, parzen, simultaneous, alternating)) {
                pair.get(oursFirst ? 0 : 1).run();
                pair.get(oursFirst ? 1 : 0).run();
            }
            timed.add("sampling.ours", ours.samplingMilliseconds(threads));
        }
        return timed;
    }

    private void measureGemmPeers(TimedFigures timed, int threads) {
        JsonNode numpy = peers.gemm("numpy", threads, sizes);
        timed.add("gemm.numpy", number(numpy, "gflops_median"));
        versions.put("numpy", field(numpy, "version"));

        JsonNode torch = peers.gemm("torch", threads, sizes);
        timed.add("gemm.torch", number(torch, "gflops_median"));
        versions.put("PyTorch (peer)", field(torch, "version") + ", BLAS " + libraries(torch.get("blas")));
    }

    private void measureNumpyParzen(TimedFigures timed, int threads) {
        JsonNode result = peers.parzen("gemm", threads, sizes, List.of());
        timed.add("parzen.numpy", number(result, "cv_seconds") + number(result, "test_seconds"));
        timed.add("parzen.numpy.sigma", number(result, "sigma"));
        timed.add("parzen.numpy.mean", number(result, "mean_ll"));
        timed.add("parzen.numpy.se", number(result, "se"));
        versions.put("numpy BLAS", "OpenBLAS, core " + field(result, "blas_core"));
    }

    /** Our training benchmark and the PyTorch peer in one update mode, in that order. */
    private List<Runnable> trainingPair(TimedFigures timed, UpdateMode mode, int threads) {
        String name = mode.name().toLowerCase(Locale.ROOT);
        return List.of(
                () -> timed.add("train." + name + ".ours", ours.trainingIterationsPerSecond(mode, threads)),
                () -> timed.add("train." + name + ".torch",
                        number(peers.gan(name, threads, sizes), "iters_per_sec")));
    }

    /**
     * Runs the broadcast form once, on a fraction of the points. Its arithmetic runs in numpy's
     * elementwise loops, which use one thread, so one figure serves every thread count.
     */
    private PeerFigure measureBroadcast() {
        int scale = sizes.broadcastScale();
        int validation = sizes.parzenValidation() / scale;
        int test = sizes.parzenTest() / scale;
        LOG.info("Running the broadcast peer once on {} validation and {} test points", validation, test);

        JsonNode result = peers.parzen("broadcast", Collections.max(threadCounts), sizes,
                List.of("--max-valid", Integer.toString(validation), "--max-test", Integer.toString(test)));
        double selection = number(result, "cv_seconds");
        double testPass = number(result, "test_seconds");
        String note = scale == 1
                ? "one run at full size, reused for every thread count"
                : format("one run on %d validation and %d test points (selection %.1f s, test pass %.1f s), times"
                        + " multiplied by %d because both passes take time in proportion to their points. The run is"
                        + " reused for every thread count, because numpy's elementwise loops use one thread",
                        validation, test, selection, testPass, scale);
        return new PeerFigure(Workloads.BROADCAST_PARZEN_PEER, Samples.of(scale * (selection + testPass)), note);
    }

    private List<WorkloadResult> assemble(TimedFigures timed, PeerFigure broadcast, int threads) {
        WorkloadResult gemm = new WorkloadResult(Workloads.GEMM, threads,
                format("one float32 product of two %d x %d matrices; ours runs through DJL, so it measures the"
                        + " matrix library inside libtorch.", sizes.gemmSize(), sizes.gemmSize()),
                Unit.GFLOPS, timed.get("gemm.ours"),
                List.of(new PeerFigure(Workloads.NUMPY_GEMM_PEER, timed.get("gemm.numpy"), ""),
                        new PeerFigure(Workloads.TORCH_GEMM_PEER, timed.get("gemm.torch"), "")),
                FlopCounts.matrixProductGflop(sizes.gemmSize()));
        WorkloadResult parzen = new WorkloadResult(Workloads.PARZEN, threads,
                format("bandwidth selection over 10 sigmas on %,d validation points, then the log-likelihood of %,d"
                                + " test points, against %,d samples of dimension %d (uniform [0, 1) float32 data,"
                                + " seed %d).", sizes.parzenValidation(), sizes.parzenTest(), sizes.parzenSamples(),
                        BenchmarkSizes.PARZEN_DIMENSION, BenchmarkSizes.PARZEN_SEED),
                Unit.SECONDS, timed.get("parzen.ours"),
                List.of(new PeerFigure(Workloads.NUMPY_PARZEN_PEER, timed.get("parzen.numpy"), ""), broadcast),
                parzenGflop());
        WorkloadResult simultaneous = new WorkloadResult(Workloads.TRAINING_SIMULTANEOUS, threads,
                format("one iteration of the paper's MNIST GAN, minibatch 100, both networks updated from one step"
                        + " as in the authors' released code. The count is the peer's work. Our step also computes"
                        + " D's input gradient on the data (%.3f GFLOP more).", FlopCounts.simultaneousExtraGflop()),
                Unit.ITERATIONS_PER_SECOND, timed.get("train.simultaneous.ours"),
                List.of(new PeerFigure(Workloads.TORCH_TRAINING_PEER + "simultaneous",
                        timed.get("train.simultaneous.torch"), "")),
                FlopCounts.simultaneousIterationGflop());
        WorkloadResult alternating = new WorkloadResult(Workloads.TRAINING_ALTERNATING, threads,
                "one iteration of Algorithm 1 with k = 1: a discriminator step, then a generator step on fresh noise.",
                Unit.ITERATIONS_PER_SECOND, timed.get("train.alternating.ours"),
                List.of(new PeerFigure(Workloads.TORCH_TRAINING_PEER + "alternating",
                        timed.get("train.alternating.torch"), "")),
                FlopCounts.alternatingIterationGflop());
        WorkloadResult sampling = new WorkloadResult(Workloads.SAMPLING, threads,
                format("drawing %,d samples from the paper's MNIST generator in minibatches of 1,000 (no peer).",
                        sizes.samplingCount()),
                Unit.MILLISECONDS, timed.get("sampling.ours"), List.of(), Double.NaN);
        return List.of(gemm, parzen, simultaneous, alternating, sampling);
    }

    /** Measures, once per thread count, what the page needs to explain its figures. */
    private List<WorkloadResult> measureDiagnostics(int threads) {
        List<WorkloadResult> diagnostics = new ArrayList<>();

        LOG.info("Timing the Parzen protocol's matrix products alone with {} threads", threads);
        diagnostics.add(new WorkloadResult(Workloads.PARZEN_PRODUCTS, threads,
                format("the Parzen protocol's matrix products alone, as 1 x 1 convolutions of blocks of %,d points"
                        + " with tiles of at most %,d samples, on PyTorch's threads, counted as d = 784 like the"
                        + " protocol. The rest of the protocol's time is the log-sum-exp and the data layout.",
                        ParzenWindowEstimator.DEFAULT_BLOCK_SIZE,
                        ParzenWindowEstimator.MAX_TILE_COLUMNS),
                Unit.SECONDS, Samples.of(ours.parzenProductsSeconds(threads)), List.of(), parzenGflop()));

        LOG.info("Measuring the training step's product shapes with {} threads", threads);
        JsonNode torchRates = peers.torchProductRates(TRAINING_PRODUCTS, threads);
        for (String shape : TRAINING_PRODUCTS) {
            long[] dimensions = MatrixProductBenchmark.parseShape(shape);
            diagnostics.add(new WorkloadResult(Workloads.PRODUCT_PREFIX + shape.replace(',', 'x'), threads,
                    "one float32 (" + dimensions[0] + " x " + dimensions[1] + ") times (" + dimensions[1] + " x "
                            + dimensions[2] + ") product, a forward product of the training step. Ours runs"
                            + " forward through the dense layer with its parameters detached, a 1 x 1 convolution"
                            + " with the bias added; the step's backward products are not timed here. The peer's"
                            + " is a plain matrix product.",
                    Unit.GFLOPS, Samples.of(ours.denseProductGflops(shape, threads)),
                    List.of(new PeerFigure(Workloads.TORCH_PRODUCT_PEER, Samples.of(torchRates.get(shape).asDouble()),
                            "median of 50 products in the training peer's interpreter and BLAS")),
                    2.0 * dimensions[0] * dimensions[1] * dimensions[2] / 1e9));
        }
        return diagnostics;
    }

    private BenchmarkReport.MemoryFigures measureMemory(JsonNode parzenProbe, int threads) {
        double numpyPeak = peers.parzenPeakResidentMib(threads, sizes);

        LOG.info("Measuring training memory over {} iterations with {} threads", sizes.memoryIterations(), threads);
        JsonNode training = runProbe(TrainingMemoryProbe.class,
                List.of("-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"),
                List.of(Integer.toString(sizes.memoryIterations()), UpdateMode.SIMULTANEOUS.name(),
                        Integer.toString(sizes.memoryReadingInterval())), threads);
        List<BenchmarkReport.RssReading> readings = new ArrayList<>();
        for (JsonNode reading : training.get("readings")) {
            readings.add(new BenchmarkReport.RssReading(reading.get("iteration").asInt(),
                    reading.get("rss_mib").asDouble()));
        }
        return new BenchmarkReport.MemoryFigures(threads, number(parzenProbe, "peak_rss_mib"), numpyPeak,
                field(training, "update"), readings, number(training, "seconds"));
    }

    private static BenchmarkReport.ParzenCrossCheck crossCheck(JsonNode parzenProbe, TimedFigures numpy) {
        return new BenchmarkReport.ParzenCrossCheck(number(parzenProbe, "sigma"), number(parzenProbe, "mean_ll"),
                number(parzenProbe, "se"), numpy.get("parzen.numpy.sigma").median(),
                numpy.get("parzen.numpy.mean").median(), numpy.get("parzen.numpy.se").median());
    }

    /** Runs one of our probes in a JVM of its own, so its memory figures belong to it alone. */
    private static JsonNode runProbe(Class<?> probe, List<String> heapOptions, List<String> arguments, int threads) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(OurBenchmarks.forkOptions(threads).stream().filter(option -> !option.startsWith("-Xm")).toList());
        command.addAll(heapOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(probe.getName());
        command.addAll(arguments);

        String label = probe.getSimpleName();
        String line = ChildProcess.run(label, command, Map.of(), PROBE_TIMEOUT).lastJsonLine(label);
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(label + " printed a line that is not valid JSON", e);
        }
    }

    private double parzenGflop() {
        return FlopCounts.parzenProtocolGflop(sizes.parzenSamples(), sizes.parzenTest(), sizes.parzenValidation(),
                BenchmarkSizes.PARZEN_DIMENSION);
    }

    private static double number(JsonNode result, String name) {
        return PeerPrograms.requireField(result.path("tool").asText("a probe"), result, name).asDouble();
    }

    private static String field(JsonNode result, String name) {
        return PeerPrograms.requireField(result.path("tool").asText("a probe"), result, name).asText();
    }

    /** Joins the libraries a peer reports, for example its BLAS, each as folder/file. */
    private static String libraries(JsonNode paths) {
        if (paths == null || !paths.isArray()) {
            return "unknown";
        }
        return String.join(", ", StreamSupport.stream(paths.spliterator(), false)
                .map(path -> Path.of(path.asText()))
                .map(path -> path.getParent() == null
                        ? path.toString()
                        : path.getParent().getFileName() + "/" + path.getFileName())
                .toList());
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}
