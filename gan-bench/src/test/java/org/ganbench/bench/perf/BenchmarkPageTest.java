package org.ganbench.bench.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BenchmarkPageTest {

    @Test
    void pageNamesCommandAndMachine() {
        String page = BenchmarkPage.render(ReportFixtures.report(), "");

        assertTrue(page.contains("    bin/gan-bench bench --peers peers\n"), page);
        assertTrue(page.contains("| CPU | AMD EPYC, 2 cores |"), page);
        assertTrue(page.contains("| numpy | 2.4.6 |"), page);
        assertTrue(page.contains("1-minute load average 0.40"), page);
        assertTrue(page.contains("full sizes: Parzen protocol on 10,000 samples"), page);
    }

    @Test
    void resultsRowShowsRatioAndGemmFraction() {
        String page = BenchmarkPage.render(ReportFixtures.report(), "");

        // numpy 1.5 s against our 1.0 s; 172.48 GFLOP / 1.5 s = 115.0 GFLOP/s, 56% of 205.
        assertTrue(page.contains("| | parzen_numpy.py --mode gemm | 1.50 | s | 1.50x | 115.0 | 56% |"), page);
    }

    @Test
    void resultsSectionPerThreadCount() {
        String page = BenchmarkPage.render(ReportFixtures.report(), "");

        assertTrue(page.contains("## Results with 2 threads"), page);
        assertTrue(page.contains("measured GEMM rate, 205.0 GFLOP/s"), page);
    }

    @Test
    void diagnosticsFollowTheirResults() {
        String page = BenchmarkPage.render(ReportFixtures.report(), "");

        assertTrue(page.contains("| parzen-products-only | ours | 0.900 | s | | 191.6 | 93% |"), page);
    }

    @Test
    void missedTargetShowsShortfallAndCause() {
        String page = BenchmarkPage.render(ReportFixtures.report(), "");

        assertTrue(page.contains("| **no** |"), page);
        // 30 it/s against the peer's 30: 1.1x needs 1.10x more speed.
        assertTrue(page.contains("- Training (training-simultaneous) >= 1.1x the PyTorch peer's it/s, 2 threads:"
                + " ours must get 1.10x faster"), page);
        assertTrue(page.contains("Cause: our forward products run at 0.80x the peer's rate"), page);
    }

    @Test
    void crossCheckStatesAgreement() {
        String page = BenchmarkPage.render(ReportFixtures.report(), "");

        assertTrue(page.contains("The two agree: the same sigma, and means within 0.001 nats."), page);
    }

    @Test
    void quickRunIsLabelled() {
        String quick = BenchmarkPage.render(ReportFixtures.report(BenchmarkSizes.quick()), "");
        String full = BenchmarkPage.render(ReportFixtures.report(), "");

        assertTrue(quick.contains("**Quick run: small sizes"), quick);
        assertFalse(full.contains("Quick run"), full);
    }

    @Test
    void analysisAfterMarkerIsKept() {
        String previous = "old generated text\n" + BenchmarkPage.ANALYSIS_MARKER + "\n## Analysis\n\nMKL is slower.\n";

        String page = BenchmarkPage.render(ReportFixtures.report(), previous);

        assertTrue(page.endsWith(BenchmarkPage.ANALYSIS_MARKER + "\n## Analysis\n\nMKL is slower.\n"), page);
        assertFalse(page.contains("old generated text"), page);
    }

    @Test
    void pageWithoutMarkerKeepsNothing() {
        assertEquals("", BenchmarkPage.keptAnalysis("# Some page\n"));
    }
}
