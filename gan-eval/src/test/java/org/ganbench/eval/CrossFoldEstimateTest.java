package org.ganbench.eval;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CrossFoldEstimateTest {

    private static ParzenRecord fold(double mean, double standardError, double sigma, int testCount) {
        return new ParzenRecord(100, new double[] {sigma}, new double[] {mean}, sigma, "validation", 10, "test",
                testCount, mean, standardError, 0.1);
    }

    @Test
    void fiveFoldsMatchHandComputation() {
        // Fold means 10, 12, 14, 16, 18: mean 14, sample variance 10, standard error sqrt(10 / 5).
        List<ParzenRecord> folds = new ArrayList<>();
        double[] sigmas = {0.3, 0.1, 0.5, 0.2, 0.4};
        for (int k = 0; k < 5; k++) {
            folds.add(fold(10 + 2 * k, 0.01, sigmas[k], 80));
        }

        CrossFoldEstimate estimate = CrossFoldEstimate.of(folds);

        assertEquals(14.0, estimate.mean(), 1e-12);
        assertEquals(Math.sqrt(2.0), estimate.standardError(), 1e-12);
        assertEquals(5, estimate.folds());
        assertEquals(400, estimate.testCount());
        assertEquals(0.3, estimate.medianSigma(), 1e-12);
    }

    @Test
    void errorIgnoresWithinFoldErrors() {
        CrossFoldEstimate small = CrossFoldEstimate.of(List.of(fold(5, 0.1, 0.2, 10), fold(7, 0.1, 0.2, 10)));
        CrossFoldEstimate large = CrossFoldEstimate.of(List.of(fold(5, 9.0, 0.2, 10), fold(7, 9.0, 0.2, 10)));

        assertEquals(1.0, small.standardError(), 1e-12);
        assertEquals(small.standardError(), large.standardError(), 1e-12);
    }

    @Test
    void evenFoldCountAveragesMiddleSigmas() {
        CrossFoldEstimate estimate = CrossFoldEstimate.of(List.of(fold(1, 0, 0.1, 5), fold(1, 0, 0.4, 5),
                fold(1, 0, 0.2, 5), fold(1, 0, 0.3, 5)));

        assertEquals(0.25, estimate.medianSigma(), 1e-12);
        assertEquals(0.0, estimate.standardError(), 0.0);
    }

    @Test
    void singleFoldRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> CrossFoldEstimate.of(List.of(fold(1, 0, 0.1, 5))));
        assertEquals(true, error.getMessage().contains("got 1"), error.getMessage());
    }

    @Test
    void nonFiniteFoldMeanRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> CrossFoldEstimate.of(List.of(fold(Double.NaN, 0, 0.1, 5), fold(1, 0, 0.1, 5))));
    }
}
