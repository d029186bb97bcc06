package org.ganbench.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ParzenWindowEstimatorTest {

    private static final double[] SIGMAS = {0.1, 0.2, 0.5, 1.0};

    @Test
    void matchesDirectIn784Dimensions() {
        Random random = new Random(7);
        PointSet samples = DirectParzen.uniform(random, 300, 784);
        PointSet points = DirectParzen.uniform(random, 200, 784);

        assertMatchesDirect(samples, points, SIGMAS);
    }

    @Test
    void matchesDirectInTwoDimensions() {
        Random random = new Random(11);
        PointSet samples = DirectParzen.uniform(random, 300, 2);
        PointSet points = DirectParzen.uniform(random, 200, 2);

        assertMatchesDirect(samples, points, SIGMAS);
    }

    @Test
    void matchesDirectFarFromSamples() {
        // Squared distances near 2 * 10^4 give exponents near -10^6 at sigma 0.1, so exp underflows
        // to 0 for every sample unless the log-sum-exp subtracts the maximum first.
        Random random = new Random(13);
        PointSet samples = DirectParzen.uniform(random, 50, 2);
        float[] farValues = new float[20];
        for (int i = 0; i < farValues.length; i++) {
            farValues[i] = 100f + random.nextFloat();
        }
        PointSet points = new PointSet(farValues, 10, 2);

        assertMatchesDirect(samples, points, SIGMAS);
    }

    @Test
    void matchesDirectAtExtremeSigmas() {
        Random random = new Random(31);
        PointSet samples = DirectParzen.uniform(random, 100, 2);
        PointSet points = DirectParzen.uniform(random, 50, 2);

        assertMatchesDirect(samples, points, new double[] {0.01, 100.0});
    }

    @Test
    void singleSampleClosedForm() {
        float[] sample = {0.25f, -1.5f, 3f};
        float[] point = {1.25f, 0.5f, 2.5f};
        double squaredDistance = 1.0 + 4.0 + 0.25;
        int d = 3;

        try (ParzenWindowEstimator estimator = new ParzenWindowEstimator(new PointSet(sample, 1, d))) {
            for (double sigma : SIGMAS) {
                double expected = -squaredDistance / (2 * sigma * sigma) - d * Math.log(sigma * Math.sqrt(2 * Math.PI));

                double actual = estimator.logLikelihoods(new PointSet(point, 1, d), sigma)[0];

                assertEquals(expected, actual, 1e-6 * Math.abs(expected), "sigma " + sigma);
            }
        }
    }

    @Test
    void pointOnSampleClosedForm() {
        // A point equal to the only sample has distance 0, so ll = -d log(sigma sqrt(2 pi)) even for a
        // tiny sigma that magnifies any rounding left in the distance.
        Random random = new Random(17);
        PointSet sample = DirectParzen.uniform(random, 1, 784);
        double sigma = 0.01;
        double expected = -784 * Math.log(sigma * Math.sqrt(2 * Math.PI));

        try (ParzenWindowEstimator estimator = new ParzenWindowEstimator(sample)) {
            double actual = estimator.logLikelihoods(sample, sigma)[0];

            assertTrue(actual <= expected + 1e-9, "ll " + actual + " exceeds the closed form " + expected);
            assertEquals(expected, actual, 1e-4 * Math.abs(expected));
        }
    }

    @Test
    void gridPassEqualsSinglePasses() {
        Random random = new Random(19);
        PointSet samples = DirectParzen.uniform(random, 200, 50);
        PointSet points = DirectParzen.uniform(random, 30, 50);
        double[] grid = BandwidthSelection.defaultGrid();

        try (ParzenWindowEstimator estimator = new ParzenWindowEstimator(samples, 8, false)) {
            double[][] together = estimator.logLikelihoods(points, grid);

            for (int k = 0; k < grid.length; k++) {
                double[] alone = estimator.logLikelihoods(points, grid[k]);
                for (int i = 0; i < alone.length; i++) {
                    assertEquals(alone[i], together[k][i], 1e-12 * Math.abs(alone[i]), "sigma " + grid[k] + ", point " + i);
                }
            }
        }
    }

    @Test
    void blockSizesAgree() {
        Random random = new Random(23);
        PointSet samples = DirectParzen.uniform(random, 300, 784);
        PointSet points = DirectParzen.uniform(random, 40, 784);

        double[][] reference;
        try (ParzenWindowEstimator estimator = new ParzenWindowEstimator(samples, 1000, false)) {
            reference = estimator.logLikelihoods(points, SIGMAS);
        }

        for (int blockSize : new int[] {1, 7, 41}) {
            try (ParzenWindowEstimator estimator = new ParzenWindowEstimator(samples, blockSize, false)) {
                double[][] actual = estimator.logLikelihoods(points, SIGMAS);

                for (int k = 0; k < SIGMAS.length; k++) {
                    for (int i = 0; i < points.count(); i++) {
                        double expected = reference[k][i];
                        assertEquals(expected, actual[k][i], 1e-6 * Math.abs(expected),
                                "block size " + blockSize + ", sigma " + SIGMAS[k] + ", point " + i);
                    }
                }
            }
        }
    }

    @Test
    void manyTilesMatchDirect() {
        // 6,000 samples make three column tiles of 2,000, whose sums RowLogSumExps merges.
        Random random = new Random(37);
        PointSet samples = DirectParzen.uniform(random, 2 * ParzenWindowEstimator.MAX_TILE_COLUMNS + 880, 5);
        PointSet points = DirectParzen.uniform(random, 30, 5);

        assertMatchesDirect(samples, points, SIGMAS);
    }

    @Test
    void fusedKernelAgreesWithPyTorchKernel() {
        Random random = new Random(41);
        PointSet samples = DirectParzen.uniform(random, 3000, 784);
        PointSet points = DirectParzen.uniform(random, 50, 784);
        double[] grid = BandwidthSelection.defaultGrid();

        double[][] torch;
        try (ParzenWindowEstimator estimator = new ParzenWindowEstimator(samples, 16, false, 1, false)) {
            torch = estimator.logLikelihoods(points, grid);
        }
        try (ParzenWindowEstimator estimator = new ParzenWindowEstimator(samples, 16, false, 2, true)) {
            double[][] fused = estimator.logLikelihoods(points, grid);

            for (int k = 0; k < grid.length; k++) {
                for (int i = 0; i < points.count(); i++) {
                    assertEquals(torch[k][i], fused[k][i], 1e-6 * Math.abs(torch[k][i]), "sigma " + grid[k] + ", point " + i);
                }
            }
        }
    }

    @Test
    void threadCountChangesResultsOnlyByRounding() {
        // Two threads split the points into other blocks and run each product on one core. The products
        // may then round differently from one thread's.
        Random random = new Random(43);
        PointSet samples = DirectParzen.uniform(random, 3000, 20);
        PointSet points = DirectParzen.uniform(random, 77, 20);

        double[][] oneThread;
        try (ParzenWindowEstimator estimator = new ParzenWindowEstimator(samples, 32, false, 1, true)) {
            oneThread = estimator.logLikelihoods(points, SIGMAS);
        }
        try (ParzenWindowEstimator estimator = new ParzenWindowEstimator(samples, 32, false, 2, true)) {
            double[][] twoThreads = estimator.logLikelihoods(points, SIGMAS);

            for (int k = 0; k < SIGMAS.length; k++) {
                for (int i = 0; i < points.count(); i++) {
                    assertEquals(oneThread[k][i], twoThreads[k][i], 1e-6 * Math.abs(oneThread[k][i]),
                            "sigma " + SIGMAS[k] + ", point " + i);
                }
            }
        }
    }

    @Test
    void moreThreadsThanBlocksStillScoreEveryPoint() {
        // 3 points in blocks of 2 make 3 blocks of 1 point, and 1 of the 4 threads finds no block left.
        Random random = new Random(47);
        PointSet samples = DirectParzen.uniform(random, 40, 5);
        PointSet points = DirectParzen.uniform(random, 3, 5);
        double[][] expected = DirectParzen.logLikelihoods(samples, points, SIGMAS);

        try (ParzenWindowEstimator estimator = new ParzenWindowEstimator(samples, 2, false, 4, true)) {
            double[][] actual = estimator.logLikelihoods(points, SIGMAS);

            for (int k = 0; k < SIGMAS.length; k++) {
                for (int i = 0; i < points.count(); i++) {
                    assertEquals(expected[k][i], actual[k][i], 1e-4 * Math.abs(expected[k][i]), "point " + i);
                }
            }
        }
    }

    @Test
    void parallelPassRestoresTorchThreads() throws InterruptedException {
        Random random = new Random(53);
        PointSet samples = DirectParzen.uniform(random, 200, 8);
        PointSet points = DirectParzen.uniform(random, 300, 8);

        try (ParzenWindowEstimator estimator = new ParzenWindowEstimator(samples, 16, false, 3, true)) {
            int callerBefore = TorchIntraOpThreads.current();
            int newThreadBefore = countOnNewThread();

            estimator.logLikelihoods(points, SIGMAS);

            assertEquals(callerBefore, TorchIntraOpThreads.current(), "calling thread");
            assertEquals(newThreadBefore, countOnNewThread(), "a thread that starts PyTorch work afterwards");
        }
    }

    @Test
    void progressBarPassMatchesQuietPass() {
        Random random = new Random(29);
        PointSet samples = DirectParzen.uniform(random, 20, 3);
        PointSet points = DirectParzen.uniform(random, 10, 3);

        double[] quiet;
        try (ParzenWindowEstimator estimator = new ParzenWindowEstimator(samples, 4, false)) {
            quiet = estimator.logLikelihoods(points, 0.3);
        }
        try (ParzenWindowEstimator estimator = new ParzenWindowEstimator(samples, 4, true)) {
            double[] withBar = estimator.logLikelihoods(points, 0.3);

            assertEquals(quiet.length, withBar.length);
            for (int i = 0; i < quiet.length; i++) {
                assertEquals(quiet[i], withBar[i], 0.0, "point " + i);
            }
        }
    }

    @Test
    void dimensionMismatchRejected() {
        PointSet samples = new PointSet(new float[6], 2, 3);
        PointSet points = new PointSet(new float[4], 2, 2);

        try (ParzenWindowEstimator estimator = new ParzenWindowEstimator(samples)) {
            IllegalArgumentException error =
                    assertThrows(IllegalArgumentException.class, () -> estimator.logLikelihoods(points, 0.5));

            assertTrue(error.getMessage().contains("dimension 2"), error.getMessage());
            assertTrue(error.getMessage().contains("dimension 3"), error.getMessage());
        }
    }

    @Test
    void invalidSigmaRejected() {
        PointSet samples = new PointSet(new float[6], 2, 3);

        try (ParzenWindowEstimator estimator = new ParzenWindowEstimator(samples)) {
            for (double sigma : new double[] {0.0, -0.5, Double.NaN, Double.POSITIVE_INFINITY}) {
                IllegalArgumentException error =
                        assertThrows(IllegalArgumentException.class, () -> estimator.logLikelihoods(samples, sigma));

                assertTrue(error.getMessage().contains("sigma = " + sigma), error.getMessage());
            }
        }
    }

    @Test
    void tinySigmaRejected() {
        PointSet samples = new PointSet(new float[6], 2, 3);

        try (ParzenWindowEstimator estimator = new ParzenWindowEstimator(samples)) {
            IllegalArgumentException error =
                    assertThrows(IllegalArgumentException.class, () -> estimator.logLikelihoods(samples, 1e-20));

            assertTrue(error.getMessage().contains("sigma = 1.0E-20"), error.getMessage());
            assertTrue(error.getMessage().contains("overflows float32"), error.getMessage());
        }
    }

    @Test
    void invalidSigmaInGridNamesIndex() {
        PointSet samples = new PointSet(new float[6], 2, 3);

        try (ParzenWindowEstimator estimator = new ParzenWindowEstimator(samples)) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> estimator.logLikelihoods(samples, new double[] {0.1, -2.0}));

            assertTrue(error.getMessage().contains("sigma = -2.0 at index 1"), error.getMessage());
        }
    }

    @Test
    void emptyGridRejected() {
        PointSet samples = new PointSet(new float[6], 2, 3);

        try (ParzenWindowEstimator estimator = new ParzenWindowEstimator(samples)) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> estimator.logLikelihoods(samples, new double[0]));

            assertTrue(error.getMessage().contains("grid is empty"), error.getMessage());
        }
    }

    @Test
    void nonPositiveBlockSizeRejected() {
        PointSet samples = new PointSet(new float[6], 2, 3);

        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> new ParzenWindowEstimator(samples, 0, false));

        assertTrue(error.getMessage().contains("block size 0"), error.getMessage());
    }

    @Test
    void closedEstimatorRejectsCalls() {
        PointSet samples = new PointSet(new float[6], 2, 3);
        ParzenWindowEstimator estimator = new ParzenWindowEstimator(samples);
        estimator.close();

        IllegalStateException error =
                assertThrows(IllegalStateException.class, () -> estimator.logLikelihoods(samples, 0.5));

        assertTrue(error.getMessage().contains("closed"), error.getMessage());
    }

    @Test
    void closeTwiceIsHarmless() {
        ParzenWindowEstimator estimator = new ParzenWindowEstimator(new PointSet(new float[6], 2, 3));

        estimator.close();
        estimator.close();

        assertThrows(IllegalStateException.class, () -> estimator.logLikelihoods(new PointSet(new float[3], 1, 3), 1.0));
    }

    /**
     * Asserts that every ll is within 1e-4 of the direct computation, relative to max(|ll|, 1). The
     * floor of 1 keeps points whose ll is close to 0, common in two dimensions, from turning float32
     * rounding into a large relative error.
     */
    /** PyTorch's thread count as seen by a thread that has not run an operation before. */
    private static int countOnNewThread() throws InterruptedException {
        int[] count = new int[1];
        Thread thread = new Thread(() -> count[0] = TorchIntraOpThreads.current());
        thread.start();
        thread.join();
        return count[0];
    }

    private static void assertMatchesDirect(PointSet samples, PointSet points, double[] sigmas) {
        double[][] expected = DirectParzen.logLikelihoods(samples, points, sigmas);

        double[][] actual;
        try (ParzenWindowEstimator estimator = new ParzenWindowEstimator(samples, 64, false)) {
            actual = estimator.logLikelihoods(points, sigmas);
        }

        for (int k = 0; k < sigmas.length; k++) {
            for (int i = 0; i < points.count(); i++) {
                double scale = Math.max(Math.abs(expected[k][i]), 1.0);
                assertEquals(expected[k][i], actual[k][i], 1e-4 * scale, "sigma " + sigmas[k] + ", point " + i);
            }
        }
    }
}
