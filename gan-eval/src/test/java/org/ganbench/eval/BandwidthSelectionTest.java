package org.ganbench.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BandwidthSelectionTest {

    private static final int DIMENSION = 2;
    private static final int SAMPLE_COUNT = 5000;
    private static final int VALIDATION_COUNT = 1000;

    @Test
    void defaultGridIsLogSpaced() {
        double[] grid = BandwidthSelection.defaultGrid();

        assertEquals(10, grid.length);
        assertEquals(0.1, grid[0], 1e-15);
        assertEquals(1.0, grid[9], 0.0);
        for (int k = 1; k < grid.length; k++) {
            assertEquals(Math.pow(10, 1.0 / 9), grid[k] / grid[k - 1], 1e-12, "ratio at index " + k);
        }
    }

    @Test
    void interiorOptimumMatchesDirect() {
        // Scott's rule of thumb, n^(-1/(d + 4)) tau, gives 5000^(-1/6) = 0.24 for N(0, I) in
        // 2 dimensions, well inside [0.1, 1].
        BandwidthChoice choice = selectOnGaussian(1.0, 31);

        assertTrue(choice.sigma() > 0.1, "sigma " + choice.sigma() + " is the smallest grid value");
        assertTrue(choice.sigma() < 1.0, "sigma " + choice.sigma() + " is the largest grid value");
    }

    @Test
    void narrowDataPicksSmallestSigma() {
        BandwidthChoice choice = selectOnGaussian(0.01, 37);

        assertEquals(0.1, choice.sigma(), 1e-15);
    }

    @Test
    void wideDataPicksLargestSigma() {
        BandwidthChoice choice = selectOnGaussian(20.0, 41);

        assertEquals(1.0, choice.sigma(), 0.0);
    }

    @Test
    void gridOrderDoesNotMatter() {
        Random random = new Random(43);
        PointSet samples = DirectParzen.gaussian(random, 2000, DIMENSION, 1.0);
        PointSet validation = DirectParzen.gaussian(random, 500, DIMENSION, 1.0);
        double[] ascending = BandwidthSelection.defaultGrid();
        double[] shuffled = {ascending[4], ascending[9], ascending[0], ascending[7], ascending[2], ascending[5],
                ascending[1], ascending[8], ascending[3], ascending[6]};

        try (ParzenWindowEstimator estimator = new ParzenWindowEstimator(samples)) {
            double fromAscending = BandwidthSelection.select(estimator, validation, ascending).sigma();
            double fromShuffled = BandwidthSelection.select(estimator, validation, shuffled).sigma();

            assertEquals(fromAscending, fromShuffled, 0.0);
        }
    }

    @Test
    void tieGoesToSmallestSigma() {
        double[] grid = {0.5, 0.2, 0.8, 0.3};
        double[] means = {-1.0, -2.0, -1.0, -1.0};

        int best = BandwidthSelection.indexOfBest(grid, means);

        assertEquals(3, best);
    }

    @Test
    void emptyGridRejected() {
        PointSet samples = new PointSet(new float[4], 2, 2);

        try (ParzenWindowEstimator estimator = new ParzenWindowEstimator(samples)) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> BandwidthSelection.select(estimator, samples, new double[0]));

            assertTrue(error.getMessage().contains("grid is empty"), error.getMessage());
        }
    }

    @Test
    void zeroSigmaInGridRejected() {
        PointSet samples = new PointSet(new float[4], 2, 2);

        try (ParzenWindowEstimator estimator = new ParzenWindowEstimator(samples)) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> BandwidthSelection.select(estimator, samples, new double[] {0.1, 0.0}));

            assertTrue(error.getMessage().contains("sigma = 0.0 at index 1"), error.getMessage());
        }
    }

    /**
     * Draws samples and validation points from N(0, tau^2 I), runs the selection, and checks it against
     * the direct double-precision means: same means, and the chosen sigma is their argmax.
     */
    private static BandwidthChoice selectOnGaussian(double tau, long seed) {
        Random random = new Random(seed);
        PointSet samples = DirectParzen.gaussian(random, SAMPLE_COUNT, DIMENSION, tau);
        PointSet validation = DirectParzen.gaussian(random, VALIDATION_COUNT, DIMENSION, tau);
        double[] grid = BandwidthSelection.defaultGrid();
        double[] directMeans = DirectParzen.rowMeans(DirectParzen.logLikelihoods(samples, validation, grid));

        BandwidthChoice choice;
        try (ParzenWindowEstimator estimator = new ParzenWindowEstimator(samples)) {
            choice = BandwidthSelection.select(estimator, validation, grid);
        }

        assertArrayEquals(grid, choice.grid(), 0.0);
        for (int k = 0; k < grid.length; k++) {
            double tolerance = 1e-5 * Math.max(1.0, Math.abs(directMeans[k]));
            assertEquals(directMeans[k], choice.validationMeanLogLikelihood()[k], tolerance, "sigma " + grid[k]);
        }
        assertEquals(grid[DirectParzen.argMax(directMeans)], choice.sigma(), 0.0,
                "direct means " + java.util.Arrays.toString(directMeans));
        return choice;
    }
}
