package org.ganbench.eval;

import java.util.Arrays;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bandwidth selection for the Parzen window by maximum mean log-likelihood on a validation set.
 *
 * <p>The default grid and the rule follow {@code parzen_ll.py} by Goodfellow et al.
 * (github.com/goodfeli/adversarial): ten bandwidths from {@code numpy.logspace(-1, 0, 10)}, scored
 * on the first 1,000 validation images, and the bandwidth with the highest mean wins.
 */
public final class BandwidthSelection {

    /** Number of bandwidths in {@link #defaultGrid()}. */
    public static final int DEFAULT_GRID_SIZE = 10;

    private static final Logger LOG = LoggerFactory.getLogger(BandwidthSelection.class);

    private BandwidthSelection() {
    }

    /**
     * Returns ten bandwidths log-spaced from 0.1 to 1.0, {@code 10^linspace(-1, 0, 10)}, in ascending
     * order. The values suit data scaled to [0, 1] such as MNIST pixels.
     *
     * @return a new array, {@code [0.1, 0.129..., ..., 0.774..., 1.0]}
     */
    public static double[] defaultGrid() {
        double[] grid = new double[DEFAULT_GRID_SIZE];
        int last = DEFAULT_GRID_SIZE - 1;
        for (int k = 0; k < DEFAULT_GRID_SIZE; k++) {
            // The exponent runs from -1 to 0 and is exactly 0 for the last value, so the grid ends at 1.0.
            double exponent = (double) (k - last) / last;
            grid[k] = Math.pow(10, exponent);
        }
        return grid;
    }

    /**
     * Scores every grid bandwidth on the validation points in one pass and picks the one with the
     * highest mean log-likelihood. Ties go to the smallest bandwidth, which matches
     * {@code numpy.argmax} on an ascending grid.
     *
     * @param estimator Parzen window on the generator samples
     * @param validation validation points, for example the first 1,000 validation images
     * @param grid candidate bandwidths, each positive and finite
     * @return the grid, the mean validation log-likelihood of each value, and the chosen bandwidth
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the grid is empty or contains an invalid bandwidth, or if the
     *     validation dimension differs from the samples'
     * @throws IllegalStateException if the estimator is closed
     */
    public static BandwidthChoice select(ParzenWindowEstimator estimator, PointSet validation, double[] grid) {
        Objects.requireNonNull(estimator, "estimator must not be null. Pass a Parzen window on the samples");

        double[][] logLikelihoods = estimator.logLikelihoods(validation, grid);

        double[] means = new double[grid.length];
        for (int k = 0; k < grid.length; k++) {
            means[k] = LogLikelihoodEstimate.of(logLikelihoods[k]).mean();
        }
        int best = indexOfBest(grid, means);

        LOG.debug("Validation mean log-likelihood per sigma {}: {}", Arrays.toString(grid), Arrays.toString(means));
        LOG.info("Selected sigma {} with mean validation log-likelihood {} over {} points", grid[best], means[best],
                validation.count());
        return new BandwidthChoice(grid, means, grid[best]);
    }

    /**
     * Finds the bandwidth with the highest mean log-likelihood, the smallest bandwidth among ties.
     *
     * @param grid candidate bandwidths in any order
     * @param means mean validation log-likelihood of each bandwidth
     * @return the index of the chosen bandwidth in {@code grid}
     */
    static int indexOfBest(double[] grid, double[] means) {
        int best = 0;
        for (int k = 1; k < grid.length; k++) {
            boolean higher = means[k] > means[best];
            boolean tiedAndSmaller = means[k] == means[best] && grid[k] < grid[best];
            if (higher || tiedAndSmaller) {
                best = k;
            }
        }
        return best;
    }
}
