package org.ganbench.bench.perf;

import org.ganbench.bench.VersionProvider;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.ganbench.bench.report.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gan-bench bench}: measures our Parzen protocol, training step, sampling and matrix
 * product beside the Python peers on this machine, and writes {@code benchmarks.md} and
 * {@code benchmarks.json}.
 */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Benchmarks the Parzen evaluation and the GAN training step against the Python peers"
                + " (numpy, PyTorch) in one run, and writes benchmarks.md and benchmarks.json.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:success",
                "2:invalid command line or option value",
                "5:a peer program cannot run or failed (missing Python, numpy, PyTorch or OpenBLAS)",
                "1:internal failure (a bug: please report it with the log)"})
public final class BenchCommand implements Callable<Integer> {

    /** A peer program cannot run or failed. */
    public static final int EXIT_PEER = 5;

    private static final Logger LOG = LoggerFactory.getLogger(BenchCommand.class);

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--peers", required = true, paramLabel = "DIR",
            description = "Folder with the peer programs parzen_numpy.py, gan_torch.py and gemm_rate.py.")
    private Path peerDirectory;

    @Option(names = "--output-dir", paramLabel = "DIR",
            description = "Folder for benchmarks.md and benchmarks.json (default: docs, or target/bench-quick"
                    + " with --quick).")
    private Path outputDirectory;

    @Option(names = "--quick",
            description = "Small sizes and short runs that check the whole pipeline in a few minutes; the figures"
                    + " say nothing about speed.")
    private boolean quick;

    @Option(names = "--repetitions", paramLabel = "N",
            description = "Alternating repetitions of every timed workload (default: 3, or 2 with --quick).")
    private Integer repetitions;

    @Option(names = "--threads", paramLabel = "N", split = ",", defaultValue = "1,2",
            description = "BLAS and PyTorch thread counts, comma-separated; every program runs at each"
                    + " (default: ${DEFAULT-VALUE}).")
    private List<Integer> threadCounts;

    @Option(names = "--memory-iterations", paramLabel = "N", defaultValue = "10000",
            description = "Training iterations of the memory run, a multiple of 1000; ignored with --quick,"
                    + " which trains 200 (default: ${DEFAULT-VALUE}).")
    private int memoryIterations;

    @Option(names = "--broadcast-scale", paramLabel = "F", defaultValue = "10",
            description = "Run the slow broadcast peer on 1/F of the test and validation points and multiply"
                    + " its times by F; 1 runs the full size, minutes per pass (default: ${DEFAULT-VALUE}).")
    private int broadcastScale;

    @Option(names = "--max-load", paramLabel = "LOAD", defaultValue = "1.0",
            description = "Wait until the 1-minute load average is below LOAD before measuring"
                    + " (default: ${DEFAULT-VALUE}).")
    private double maxLoad;

    @Option(names = "--load-wait-minutes", paramLabel = "M", defaultValue = "20",
            description = "Maximum wait in minutes for a low load, checked every minute; then measure anyway"
                    + " (default: ${DEFAULT-VALUE}; 0 with --quick).")
    private int loadWaitMinutes;

    @Option(names = "--python", paramLabel = "EXE", defaultValue = "python3",
            description = "Python interpreter with numpy (default: ${DEFAULT-VALUE}).")
    private String numpyPython;

    @Option(names = "--torch-python", paramLabel = "EXE", defaultValue = "/usr/bin/python3",
            description = "Python interpreter with PyTorch (default: ${DEFAULT-VALUE}).")
    private String torchPython;

    @Option(names = "--torch-blas", paramLabel = "DIR", defaultValue = "/usr/lib/x86_64-linux-gnu/openblas-openmp",
            description = "OpenBLAS folder put first on LD_LIBRARY_PATH for PyTorch (default: ${DEFAULT-VALUE}).")
    private Path torchBlasDirectory;

    @Override
    public Integer call() throws IOException {
        int repetitionCount = repetitions != null ? repetitions : (quick ? 2 : 3);
        validateOptions(repetitionCount);
        BenchmarkSizes sizes = sizes();
        Path output = outputDirectory != null ? outputDirectory : Path.of(quick ? "target/bench-quick" : "docs");

        BenchmarkReport report;
        try {
            PeerPrograms peers = new PeerPrograms(peerDirectory, numpyPython, torchPython, torchBlasDirectory);
            peers.checkRunnable();
            double load = waitForLowLoad(quick ? 0 : loadWaitMinutes);
            report = new BenchmarkRun(sizes, threadCounts, repetitionCount, peers).measure(commandLine(), load);
        } catch (PeerProgramException e) {
            LOG.error("Benchmark stopped: {}", e.getMessage());
            return EXIT_PEER;
        }

        writeReport(report, output);
        return 0;
    }

    private BenchmarkSizes sizes() {
        if (quick) {
            return BenchmarkSizes.quick();
        }
        try {
            return BenchmarkSizes.full(memoryIterations, broadcastScale);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Invalid --memory-iterations "
                    + memoryIterations + " or --broadcast-scale " + broadcastScale + ": " + e.getMessage());
        }
    }

    private void validateOptions(int repetitionCount) {
        if (repetitionCount < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Invalid --repetitions " + repetitionCount + ": pass at least 1");
        }
        if (threadCounts.isEmpty() || threadCounts.stream().anyMatch(threads -> threads < 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Invalid --threads " + threadCounts + ": pass positive counts, for example 1,2");
        }
        if (!quick && memoryIterations % 1000 != 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Invalid --memory-iterations "
                    + memoryIterations + ": pass a positive multiple of 1000, for example 10000");
        }
        if (!Files.isDirectory(peerDirectory)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Peer folder '" + peerDirectory
                    + "' not found: pass the folder that holds parzen_numpy.py, gan_torch.py and gemm_rate.py");
        }
    }

    /** Waits, checking once a minute, until the 1-minute load average is below --max-load or time runs out. */
    private double waitForLowLoad(int minutes) {
        double load = MachineDescription.oneMinuteLoad();
        for (int minute = 0; minute < minutes && !(load < maxLoad); minute++) {
            LOG.info("1-minute load average is {}, waiting for it to fall below {} ({} of {} minutes)", load, maxLoad,
                    minute, minutes);
            try {
                Thread.sleep(Duration.ofMinutes(1).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a low load", e);
            }
            load = MachineDescription.oneMinuteLoad();
        }
        if (!(load < maxLoad)) {
            LOG.warn("1-minute load average is {}, not below {}; measuring anyway, so the figures may be low", load,
                    maxLoad);
        }
        return load;
    }

    private String commandLine() {
        return "bin/gan-bench " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
    }

    /**
     * Writes the page and the JSON file, each atomically. Both texts are rendered first, so a
     * rendering failure leaves both previous files in place.
     */
    private static void writeReport(BenchmarkReport report, Path output) throws IOException {
        Path page = output.resolve("benchmarks.md");
        Path json = output.resolve("benchmarks.json");
        String previous = Files.isRegularFile(page) ? Files.readString(page) : "";
        String pageText = BenchmarkPage.render(report, previous);
        String jsonText = BenchmarkJson.write(report);

        AtomicFiles.writeString(json, jsonText);
        AtomicFiles.writeString(page, pageText);
        LOG.info("Wrote {} and {}", page.toAbsolutePath(), json.toAbsolutePath());
    }
}
