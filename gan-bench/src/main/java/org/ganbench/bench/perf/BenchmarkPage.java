package org.ganbench.bench.perf;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Renders a {@link BenchmarkReport} as the markdown page {@code benchmarks.md}.
 *
 * <p>Everything above {@link #ANALYSIS_MARKER} is generated. Text below the marker is written by
 * people who read the figures, and {@link #render} copies it from the previous page unchanged.
 */
public final class BenchmarkPage {

    /** Line that separates the generated part of the page from the hand-written analysis. */
    public static final String ANALYSIS_MARKER =
            "<!-- Generated above; the analysis below is written by hand and kept by 'gan-bench bench'. -->";

    private BenchmarkPage() {
    }

    /**
     * Renders the page.
     *
     * @param report the measurements
     * @param previousPage the page this one replaces, or an empty string; its analysis is kept
     * @return the markdown text
     */
    public static String render(BenchmarkReport report, String previousPage) {
        StringBuilder page = new StringBuilder();
        header(page, report);
        for (int threads : report.threadCounts()) {
            results(page, report, threads);
        }
        workloadDescriptions(page, report);
        targets(page, report);
        crossCheck(page, report);
        memory(page, report);
        method(page, report);

        page.append(ANALYSIS_MARKER).append('\n');
        page.append(keptAnalysis(previousPage));
        return page.toString();
    }

    /**
     * Returns the hand-written part of a page: everything after {@link #ANALYSIS_MARKER}.
     *
     * @param previousPage a page written by {@link #render}, or any text
     * @return the text after the marker, or an empty string when there is no marker
     */
    static String keptAnalysis(String previousPage) {
        int marker = previousPage.indexOf(ANALYSIS_MARKER);
        if (marker < 0) {
            return "";
        }
        String rest = previousPage.substring(marker + ANALYSIS_MARKER.length());
        return rest.startsWith("\n") ? rest.substring(1) : rest;
    }

    private static void header(StringBuilder page, BenchmarkReport report) {
        MachineDescription machine = report.machine();
        page.append("# Performance benchmarks\n\n");
        if (!report.sizes().isFull()) {
            page.append("**Quick run: small sizes and short runs that check the benchmark pipeline. These figures say\n")
                    .append("nothing about speed and cannot be compared with a full run or with the targets.**\n\n");
        }
        page.append("Our Parzen evaluation and GAN training beside the Python implementations that researchers use,\n")
                .append("measured in one run on one machine. `gan-bench bench` wrote this page and `benchmarks.json`;\n")
                .append("only the analysis at the end is written by hand.\n\n");
        page.append("Command, run from ").append(report.startedAt()).append(" to ").append(report.finishedAt())
                .append(":\n\n");
        page.append("    ").append(report.command()).append("\n\n");
        page.append(report.sizes().describe()).append("\n\n");

        page.append("| machine | |\n|---|---|\n");
        page.append("| CPU | ").append(machine.cpuModel()).append(", ").append(machine.cores()).append(" cores |\n");
        page.append("| memory | ").append(format("%.1f GiB", machine.memoryGib())).append(" |\n");
        page.append("| system | ").append(machine.kernel()).append(" |\n");
        page.append("| Java | ").append(machine.java()).append(" |\n");
        for (Map.Entry<String, String> version : new TreeMap<>(report.versions()).entrySet()) {
            page.append("| ").append(version.getKey()).append(" | ").append(version.getValue()).append(" |\n");
        }
        page.append("| threads | ").append(joined(report.threadCounts()))
                .append(": each comparison gives every program the same number of BLAS and PyTorch threads |\n");
        page.append("| load | 1-minute load average ").append(format("%.2f", report.loadAtStart()))
                .append(" when the measurements started |\n\n");
    }

    private static void results(StringBuilder page, BenchmarkReport report, int threads) {
        double gemmRate = report.measuredGemmGflops(threads);
        page.append("## Results with ").append(threads).append(threads == 1 ? " thread" : " threads").append("\n\n");
        page.append("Medians of ").append(report.repetitions())
                .append(" repetitions that alternate between our program and the peers, with min-max in brackets.\n")
                .append("\"Ours vs peer\" above 1 means ours is faster. GFLOP/s counts matrix-product work only; the\n")
                .append("last column divides it by the measured GEMM rate, ").append(format("%.1f", gemmRate))
                .append(" GFLOP/s (numpy's OpenBLAS, float32).\n\n");
        table(page, BenchmarkReport.atThreads(report.workloads(), threads), gemmRate);

        List<WorkloadResult> diagnostics = BenchmarkReport.atThreads(report.diagnostics(), threads);
        if (!diagnostics.isEmpty()) {
            page.append("Diagnostics, measured once after the repetitions to explain the figures above:\n\n");
            table(page, diagnostics, gemmRate);
        }
    }

    private static void table(StringBuilder page, List<WorkloadResult> workloads, double gemmRate) {
        page.append("| workload | program | median | unit | ours vs peer | GFLOP/s | of GEMM rate |\n");
        page.append("|---|---|---:|---|---:|---:|---:|\n");

        for (WorkloadResult workload : workloads) {
            page.append("| ").append(workload.name()).append(" | ours | ").append(figure(workload.ours()))
                    .append(" | ").append(workload.unit().symbol()).append(" | | ");
            appendRate(page, workload.oursGflops(), gemmRate);
            for (PeerFigure peer : workload.peers()) {
                page.append("| | ").append(peer.name()).append(" | ").append(figure(peer.samples()))
                        .append(" | ").append(workload.unit().symbol()).append(" | ")
                        .append(format("%.2fx", workload.speedupOver(peer))).append(" | ");
                appendRate(page, workload.peerGflops(peer), gemmRate);
            }
        }
        page.append('\n');
    }

    /** Describes each workload and diagnostic once, with the notes of its peers. */
    private static void workloadDescriptions(StringBuilder page, BenchmarkReport report) {
        Map<String, WorkloadResult> first = new LinkedHashMap<>();
        for (WorkloadResult result : report.workloads()) {
            first.putIfAbsent(result.name(), result);
        }
        for (WorkloadResult result : report.diagnostics()) {
            first.putIfAbsent(result.name(), result);
        }

        page.append("## Workloads\n\n");
        for (WorkloadResult workload : first.values()) {
            page.append("- **").append(workload.name()).append("**: ").append(workload.description());
            if (!Double.isNaN(workload.gflopPerOperation())) {
                page.append(format(" Counted work: %.3f GFLOP per operation.", workload.gflopPerOperation()));
            }
            page.append('\n');
            for (PeerFigure peer : workload.peers()) {
                if (!peer.note().isEmpty()) {
                    page.append("  `").append(peer.name()).append("`: ").append(peer.note()).append('\n');
                }
            }
        }
        page.append('\n');
    }

    private static void targets(StringBuilder page, BenchmarkReport report) {
        page.append("## Targets\n\n");
        page.append("| target | threads | measured | met |\n|---|---:|---|---|\n");
        for (TargetCheck check : report.targets()) {
            page.append("| ").append(check.target()).append(" | ").append(check.threads()).append(" | ")
                    .append(check.measured()).append(" | ").append(check.met() ? "yes" : "**no**").append(" |\n");
        }
        page.append('\n');

        List<TargetCheck> missed = report.targets().stream().filter(check -> !check.met()).toList();
        if (missed.isEmpty()) {
            return;
        }
        page.append("Missed targets, by how much and why:\n\n");
        for (TargetCheck check : missed) {
            page.append("- ").append(check.target()).append(", ").append(check.threads())
                    .append(check.threads() == 1 ? " thread: " : " threads: ").append(check.shortfall());
            page.append(check.reason().isEmpty()
                    ? ". The benchmark has no diagnostic for the cause."
                    : ". Cause: " + check.reason() + ".");
            page.append('\n');
        }
        page.append('\n');
    }

    private static void crossCheck(StringBuilder page, BenchmarkReport report) {
        BenchmarkReport.ParzenCrossCheck check = report.crossCheck();
        page.append("## Parzen cross-check\n\n");
        page.append("Both implementations score the same float32 arrays (numpy's `default_rng(0)` stream, which\n")
                .append("`NumpyPcg64` reproduces bit for bit), so their results must agree up to float32 rounding.\n\n");
        page.append("| program | sigma | mean log-likelihood (nats) | standard error |\n|---|---:|---:|---:|\n");
        page.append(format("| ours | %.6f | %.4f | %.6f |\n",
                check.oursSigma(), check.oursMean(), check.oursStandardError()));
        page.append(format("| %s | %.6f | %.4f | %.6f |\n\n", Workloads.NUMPY_PARZEN_PEER,
                check.peerSigma(), check.peerMean(), check.peerStandardError()));
        page.append(check.agrees()
                ? format("The two agree: the same sigma, and means within %s nats.\n\n",
                        BenchmarkReport.ParzenCrossCheck.MEAN_TOLERANCE)
                : format("**The two disagree** (different sigma, or means more than %s nats apart), so their"
                        + " times do not measure the same computation.\n\n",
                        BenchmarkReport.ParzenCrossCheck.MEAN_TOLERANCE));
    }

    private static void memory(StringBuilder page, BenchmarkReport report) {
        BenchmarkReport.MemoryFigures memory = report.memory();
        page.append("## Memory\n\n");
        page.append("Measured with ").append(memory.threads()).append(memory.threads() == 1 ? " thread" : " threads")
                .append(".\n\n");
        page.append(format("- Parzen protocol, peak resident memory: ours %.0f MiB (VmHWM of a JVM that runs the"
                        + " protocol once, JVM and libtorch included); numpy gemm peer %.0f MiB (`getrusage` of the"
                        + " finished program, Python included).\n",
                memory.parzenPeakOursMib(), memory.parzenPeakNumpyMib()));
        page.append(format("- Training (%s, %d iterations in %.0f s), resident memory (VmRSS) of the JVM with a fixed,"
                        + " pre-touched 1 GiB heap:\n\n", memory.trainingMode().toLowerCase(Locale.ROOT),
                memory.lastReading().iteration(), memory.trainingSeconds()));
        page.append("| after iteration | VmRSS (MiB) |\n|---:|---:|\n");
        for (BenchmarkReport.RssReading reading : memory.trainingReadings()) {
            page.append(format("| %d | %.1f |\n", reading.iteration(), reading.residentMib()));
        }
        page.append('\n');
    }

    private static void method(StringBuilder page, BenchmarkReport report) {
        page.append("## How the figures were taken\n\n");
        page.append("- Our figures come from JMH 1.37 benchmarks in `org.ganbench.bench.jmh`, one forked JVM per\n")
                .append(report.sizes().shortJmhRuns()
                        ? "  measurement with one 1 s warm-up and two 1 s measurement iterations.\n"
                        : "  measurement with the warm-up and measurement iterations that each class declares.\n");
        page.append("- The peers print one JSON line each; the page uses `cv_seconds + test_seconds`\n")
                .append("  (`parzen_numpy.py`), `iters_per_sec` (`gan_torch.py`, ")
                .append(report.sizes().peerTrainingWarmup()).append(" untimed then ")
                .append(report.sizes().peerTrainingIterations()).append(" timed iterations)\n")
                .append("  and `gflops_median` (`gemm_rate.py`, ").append(report.sizes().peerGemmRepetitions())
                .append(" timed products).\n");
        page.append("- Each repetition runs our benchmark and the peer of every workload back to back, and the order\n")
                .append("  flips between repetitions, so slow drifts of the machine hit both sides alike.\n\n");
    }

    private static void appendRate(StringBuilder page, OptionalDouble gflops, double gemmGflops) {
        if (gflops.isPresent()) {
            page.append(format("%.1f | %.0f%% |\n", gflops.getAsDouble(), 100 * gflops.getAsDouble() / gemmGflops));
        } else {
            page.append(" | |\n");
        }
    }

    private static String figure(Samples samples) {
        if (samples.count() == 1) {
            return format("%.3g", samples.median());
        }
        return format("%.3g (%.3g-%.3g)", samples.median(), samples.min(), samples.max());
    }

    private static String joined(List<Integer> values) {
        return String.join(" and ", values.stream().map(String::valueOf).toList());
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}
