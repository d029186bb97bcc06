package org.ganbench.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.junit.jupiter.api.Test;

class LogLikelihoodEstimateTest {

    @Test
    void standardErrorMatchesCommonsMath() {
        Random random = new Random(3);
        double[] logLikelihoods = new double[1001];
        for (int i = 0; i < logLikelihoods.length; i++) {
            logLikelihoods[i] = 225 + 50 * random.nextGaussian();
        }
        // isBiasCorrected = false selects the population standard deviation, numpy's std() with ddof=0.
        double populationStd = new StandardDeviation(false).evaluate(logLikelihoods);

        LogLikelihoodEstimate estimate = LogLikelihoodEstimate.of(logLikelihoods);

        assertEquals(new Mean().evaluate(logLikelihoods), estimate.mean(), 1e-12 * Math.abs(estimate.mean()));
        assertEquals(populationStd / Math.sqrt(1001), estimate.standardError(), 1e-12 * estimate.standardError());
        assertEquals(1001, estimate.count());
    }

    @Test
    void populationNotSampleStd() {
        // Values 1 and 3: population std 1, sample std sqrt(2).
        LogLikelihoodEstimate estimate = LogLikelihoodEstimate.of(new double[] {1.0, 3.0});

        assertEquals(2.0, estimate.mean(), 0.0);
        assertEquals(1.0 / Math.sqrt(2), estimate.standardError(), 1e-15);
    }

    @Test
    void largeOffsetKeepsPrecision() {
        // A one-pass sum of squares would lose the spread of 1e-3 against a mean of 1e8.
        double[] logLikelihoods = {1e8 - 1e-3, 1e8 + 1e-3, 1e8 - 1e-3, 1e8 + 1e-3};

        LogLikelihoodEstimate estimate = LogLikelihoodEstimate.of(logLikelihoods);

        assertEquals(1e-3 / 2, estimate.standardError(), 1e-8);
    }

    @Test
    void singleValueHasZeroError() {
        LogLikelihoodEstimate estimate = LogLikelihoodEstimate.of(new double[] {-42.5});

        assertEquals(-42.5, estimate.mean(), 0.0);
        assertEquals(0.0, estimate.standardError(), 0.0);
    }

    @Test
    void emptyInputRejected() {
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> LogLikelihoodEstimate.of(new double[0]));

        assertTrue(error.getMessage().contains("at least one value"), error.getMessage());
    }

    @Test
    void nanRejectedWithIndex() {
        IllegalArgumentException error = assertThrows(
                IllegalArgumentException.class, () -> LogLikelihoodEstimate.of(new double[] {1.0, Double.NaN}));

        assertTrue(error.getMessage().contains("NaN at index 1"), error.getMessage());
    }

    @Test
    void negativeStandardErrorRejected() {
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> new LogLikelihoodEstimate(0.0, -1.0, 5));

        assertTrue(error.getMessage().contains("standard error -1.0"), error.getMessage());
    }
}
