package org.ganbench.eval;

import java.util.Arrays;

/**
 * Outcome of a bandwidth search: the grid, the mean validation log-likelihood of each grid value,
 * and the chosen bandwidth.
 *
 * <p>The arrays are copied on construction and on access, so the record stays immutable.
 *
 * @param grid the bandwidths tried, in the caller's order
 * @param validationMeanLogLikelihood mean validation log-likelihood in nats of {@code grid[k]}
 * @param sigma the chosen bandwidth, an element of {@code grid}
 */
public record BandwidthChoice(double[] grid, double[] validationMeanLogLikelihood, double sigma) {

    /**
     * Validates and copies the arrays.
     *
     * @throws NullPointerException if an array is null
     * @throws IllegalArgumentException if the grid is empty, the arrays differ in length, or
     *     {@code sigma} is not in the grid
     */
    public BandwidthChoice {
        grid = grid.clone();
        validationMeanLogLikelihood = validationMeanLogLikelihood.clone();

        if (grid.length == 0) {
            throw new IllegalArgumentException("the bandwidth grid is empty. Pass at least one sigma");
        }
        if (validationMeanLogLikelihood.length != grid.length) {
            throw new IllegalArgumentException("got " + validationMeanLogLikelihood.length
                    + " validation log-likelihoods for " + grid.length + " bandwidths. Pass one per grid value");
        }

        double chosen = sigma;
        if (Arrays.stream(grid).noneMatch(value -> value == chosen)) {
            throw new IllegalArgumentException("chosen sigma " + sigma + " is not in the grid "
                    + Arrays.toString(grid) + ". Pick one of the grid values");
        }
    }

    /**
     * Returns a copy of the grid.
     *
     * @return the bandwidths tried
     */
    @Override
    public double[] grid() {
        return grid.clone();
    }

    /**
     * Returns a copy of the validation means.
     *
     * @return mean validation log-likelihood of each grid value, in nats
     */
    @Override
    public double[] validationMeanLogLikelihood() {
        return validationMeanLogLikelihood.clone();
    }

    /** Compares the arrays element by element, unlike the default record equality on arrays. */
    @Override
    public boolean equals(Object other) {
        return other instanceof BandwidthChoice that
                && Arrays.equals(grid, that.grid)
                && Arrays.equals(validationMeanLogLikelihood, that.validationMeanLogLikelihood)
                && Double.compare(sigma, that.sigma) == 0;
    }

    /** Hashes the array contents, consistent with {@link #equals(Object)}. */
    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(grid) + Arrays.hashCode(validationMeanLogLikelihood))
                + Double.hashCode(sigma);
    }

    /** Lists the array contents, unlike the default record string that prints array identities. */
    @Override
    public String toString() {
        return "BandwidthChoice[grid=" + Arrays.toString(grid) + ", validationMeanLogLikelihood="
                + Arrays.toString(validationMeanLogLikelihood) + ", sigma=" + sigma + "]";
    }
}
