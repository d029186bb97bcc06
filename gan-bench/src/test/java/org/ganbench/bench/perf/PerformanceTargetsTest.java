package org.ganbench.bench.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PerformanceTargetsTest {

    private static final List<Integer> THREADS = List.of(ReportFixtures.THREADS);

    private static List<TargetCheck> check(double parzenSeconds, double simultaneous, double peakMib, double lastMib) {
        return PerformanceTargets.check(ReportFixtures.workloads(parzenSeconds, simultaneous, 30),
                ReportFixtures.diagnostics(), THREADS, ReportFixtures.memory(peakMib, lastMib));
    }

    @Test
    void eightTargetsInPageOrder() {
        List<TargetCheck> checks = check(1.0, 40, 1000, 700);

        assertEquals(8, checks.size());
        assertTrue(checks.get(0).target().contains("faster than numpy"), checks.get(0).target());
        assertTrue(checks.get(6).target().contains("flat"), checks.get(6).target());
        assertEquals(ReportFixtures.THREADS, checks.get(0).threads());
    }

    @Test
    void fastParzenMeetsNumpyAndGemmTargets() {
        // 172.48 GFLOP in 1.0 s is 84% of 205 GFLOP/s.
        List<TargetCheck> checks = check(1.0, 40, 1000, 700);

        assertTrue(checks.get(0).met(), checks.get(0).measured());
        assertTrue(checks.get(1).met(), checks.get(1).measured());
        assertTrue(checks.get(2).met(), checks.get(2).measured());
        assertEquals("", checks.get(1).shortfall());
        assertEquals("", checks.get(1).reason());
    }

    @Test
    void slowParzenMissesGemmFraction() {
        // 172.48 GFLOP in 1.4 s is 60% of 205 GFLOP/s, though still faster than numpy's 1.5 s.
        List<TargetCheck> checks = check(1.4, 40, 1000, 700);

        assertTrue(checks.get(0).met(), checks.get(0).measured());
        assertFalse(checks.get(1).met(), checks.get(1).measured());
        assertTrue(checks.get(1).measured().startsWith("60%"), checks.get(1).measured());
    }

    @Test
    void gemmMissStatesFactorAndCause() {
        // 60.1% against 75%: ours must get 0.75 / 0.601 = 1.25x faster.
        TargetCheck gemm = check(1.4, 40, 1000, 700).get(1);

        assertTrue(gemm.shortfall().startsWith("ours must get 1.25x faster (20% short"), gemm.shortfall());
        assertTrue(gemm.reason().startsWith("the matrix products alone take 0.900 s"), gemm.reason());
        assertTrue(gemm.reason().endsWith("take the other 0.500 s"), gemm.reason());
    }

    @Test
    void parzenAsSlowAsNumpyMisses() {
        assertFalse(check(1.5, 40, 1000, 700).get(0).met());
    }

    @Test
    void trainingBelowTenPercentMisses() {
        List<TargetCheck> checks = check(1.0, 32, 1000, 700);

        assertFalse(checks.get(3).met(), checks.get(3).measured());
        assertTrue(checks.get(4).met(), checks.get(4).measured());
    }

    @Test
    void trainingMissNamesSecondForwardPass() {
        TargetCheck simultaneous = check(1.0, 32, 1000, 700).get(3);

        assertTrue(simultaneous.reason().contains("0.80x the peer's rate"), simultaneous.reason());
        assertTrue(simultaneous.reason().contains("D's input gradient on the data, 0.246 GFLOP or 8.7%"),
                simultaneous.reason());
    }

    @Test
    void exactlyTenPercentFasterMeetsTarget() {
        assertTrue(check(1.0, 33, 1000, 700).get(3).met());
    }

    @Test
    void missWithoutDiagnosticsHasNoCause() {
        List<TargetCheck> checks = PerformanceTargets.check(ReportFixtures.workloads(1.4, 40, 30), List.of(), THREADS,
                ReportFixtures.memory(1000, 700));

        assertFalse(checks.get(1).met());
        assertEquals("", checks.get(1).reason());
    }

    @Test
    void parzenPeakAboveLimitMisses() {
        TargetCheck peak = check(1.0, 40, 1500, 700).get(5);

        assertFalse(peak.met());
        assertEquals("69 MiB over the limit", peak.shortfall());
    }

    @Test
    void trainingGrowthAboveAllowanceMisses() {
        List<TargetCheck> checks = check(1.0, 40, 1000, 740);

        assertFalse(checks.get(6).met(), checks.get(6).measured());
        assertTrue(checks.get(6).measured().contains("+40.0 MiB"), checks.get(6).measured());
        assertEquals("8.0 MiB more growth than allowed", checks.get(6).shortfall());
    }

    @Test
    void settledGrowthMeasuredFromIterationThousand() {
        // Readings: 700 MiB after iteration 1, 705 after 1,000, then the last one.
        List<TargetCheck> checks = check(1.0, 40, 1000, 725);

        assertFalse(checks.get(7).met(), checks.get(7).measured());
        assertTrue(checks.get(7).measured().startsWith("+20.0 MiB from iteration 1000"), checks.get(7).measured());
    }

    @Test
    void growthJustAboveAllowanceShowsTwoDecimals() {
        // 16.02 MiB from iteration 1,000 would print as +16.0 against an allowance of 16 with one decimal.
        TargetCheck settled = check(1.0, 40, 1000, 721.02).get(7);

        assertFalse(settled.met());
        assertTrue(settled.measured().startsWith("+16.02 MiB from iteration 1000"), settled.measured());
        assertEquals("0.02 MiB more growth than allowed", settled.shortfall());
    }

    @Test
    void smallSettledGrowthMeetsTarget() {
        assertTrue(check(1.0, 40, 1000, 710).get(7).met());
    }

    @Test
    void shortMemoryRunHasNoSettledCheck() {
        BenchmarkReport.MemoryFigures shortRun = new BenchmarkReport.MemoryFigures(ReportFixtures.THREADS, 1000, 900,
                "SIMULTANEOUS", List.of(new BenchmarkReport.RssReading(1, 700), new BenchmarkReport.RssReading(200, 720)),
                9);

        List<TargetCheck> checks = PerformanceTargets.check(ReportFixtures.workloads(1.0, 40, 30), List.of(), THREADS,
                shortRun);

        assertEquals(7, checks.size());
        assertTrue(checks.get(6).target().contains("flat over 200 iterations"), checks.get(6).target());
    }

    @Test
    void missingTrainingPeerRejected() {
        WorkloadResult lonely = new WorkloadResult(Workloads.TRAINING_SIMULTANEOUS, ReportFixtures.THREADS, "x",
                Unit.ITERATIONS_PER_SECOND, Samples.of(1), List.of(), 2.8);
        List<WorkloadResult> workloads = List.of(ReportFixtures.gemm(), ReportFixtures.parzen(1.0), lonely,
                ReportFixtures.training(Workloads.TRAINING_ALTERNATING, 30, 25));

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> PerformanceTargets.check(workloads, List.of(), THREADS, ReportFixtures.memory(1000, 700)));
        assertTrue(error.getMessage().contains("training-simultaneous at 2 threads has no PyTorch peer"),
                error.getMessage());
    }

    @Test
    void missingThreadCountRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> PerformanceTargets.check(ReportFixtures.workloads(1.0, 40, 30), List.of(), List.of(1),
                        ReportFixtures.memory(1000, 700)));
        assertTrue(error.getMessage().contains("no workload parzen-protocol at 1 threads"), error.getMessage());
    }
}
