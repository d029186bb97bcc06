package org.ganbench.bench.perf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small, hand-made benchmark results for the report tests, at one thread count. */
final class ReportFixtures {

    static final int THREADS = 2;

    private ReportFixtures() {
    }

    static WorkloadResult gemm() {
        return new WorkloadResult(Workloads.GEMM, THREADS, "one 2000 x 2000 product.", Unit.GFLOPS,
                Samples.of(180, 170, 190),
                List.of(new PeerFigure(Workloads.NUMPY_GEMM_PEER, Samples.of(200, 210, 205), "")), 16.0);
    }

    static WorkloadResult parzen(double oursSeconds) {
        return new WorkloadResult(Workloads.PARZEN, THREADS, "the protocol.", Unit.SECONDS, Samples.of(oursSeconds),
                List.of(new PeerFigure(Workloads.NUMPY_PARZEN_PEER, Samples.of(1.5), ""),
                        new PeerFigure(Workloads.BROADCAST_PARZEN_PEER, Samples.of(200.0), "scaled by 10")),
                172.48);
    }

    static WorkloadResult training(String name, double ours, double peer) {
        return new WorkloadResult(name, THREADS, "one iteration.", Unit.ITERATIONS_PER_SECOND, Samples.of(ours),
                List.of(new PeerFigure("gan_torch.py", Samples.of(peer), "")), 2.821);
    }

    static List<WorkloadResult> workloads(double parzenSeconds, double simultaneous, double alternating) {
        return List.of(gemm(), parzen(parzenSeconds), training(Workloads.TRAINING_SIMULTANEOUS, simultaneous, 30),
                training(Workloads.TRAINING_ALTERNATING, alternating, 25));
    }

    /** Returns the products-only diagnostic at 0.9 s and one training product at 0.8x the peer's rate. */
    static List<WorkloadResult> diagnostics() {
        List<WorkloadResult> diagnostics = new ArrayList<>();
        diagnostics.add(new WorkloadResult(Workloads.PARZEN_PRODUCTS, THREADS, "products.", Unit.SECONDS,
                Samples.of(0.9), List.of(), 172.48));
        diagnostics.add(new WorkloadResult(Workloads.PRODUCT_PREFIX + "100x784x1200", THREADS, "a product.",
                Unit.GFLOPS, Samples.of(80), List.of(new PeerFigure(Workloads.TORCH_PRODUCT_PEER, Samples.of(100), "")),
                0.188));
        return diagnostics;
    }

    static BenchmarkReport.MemoryFigures memory(double parzenPeakMib, double lastTrainingMib) {
        return new BenchmarkReport.MemoryFigures(THREADS, parzenPeakMib, 900, "SIMULTANEOUS",
                List.of(new BenchmarkReport.RssReading(1, 700), new BenchmarkReport.RssReading(1000, 705),
                        new BenchmarkReport.RssReading(2000, lastTrainingMib)),
                80);
    }

    static BenchmarkReport report() {
        return report(BenchmarkSizes.full(10_000, 10));
    }

    static BenchmarkReport report(BenchmarkSizes sizes) {
        List<WorkloadResult> workloads = workloads(1.0, 30, 24);
        List<WorkloadResult> diagnostics = diagnostics();
        BenchmarkReport.MemoryFigures memory = memory(1100, 706);
        return new BenchmarkReport("bin/gan-bench bench --peers peers", sizes, "2026-12-04T22:00:00Z",
                "2026-12-04T22:20:00Z", 0.4, List.of(THREADS), 3,
                new MachineDescription("AMD EPYC", 2, 23.4, "Linux 6.1", "17.0.15 (Debian)"),
                Map.of("numpy", "2.4.6"), workloads, diagnostics,
                new BenchmarkReport.ParzenCrossCheck(0.359381, -358.3191, 0.0903, 0.359381, -358.3194, 0.090336),
                memory,
                PerformanceTargets.check(workloads, diagnostics, List.of(THREADS), memory));
    }
}
