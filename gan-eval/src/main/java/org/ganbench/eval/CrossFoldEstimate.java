package org.ganbench.eval;

import java.util.List;
import java.util.Objects;

/**
 * A log-likelihood summarised over the folds of a data set, as Goodfellow et al. (2014) report
 * their Toronto Face Database results: the mean of the folds' mean test log-likelihoods, and the
 * standard error computed across the folds.
 *
 * <p>The standard error is the sample standard deviation of the fold means (divisor K - 1) over
 * sqrt(K). It measures how much the score moves from one split to another, so it is usually much
 * larger than the standard error over the test points of one fold.
 *
 * @param mean mean over the folds of each fold's mean test log-likelihood, in nats
 * @param standardError sample standard deviation of the fold means over sqrt(folds), in nats
 * @param folds number of folds, at least 2
 * @param testCount test points over all folds
 * @param medianSigma median of the folds' chosen bandwidths
 */
public record CrossFoldEstimate(double mean, double standardError, int folds, int testCount, double medianSigma) {

    /**
     * Validates the summary.
     *
     * @throws IllegalArgumentException if a value is not finite, the standard error is negative,
     *     fewer than 2 folds are given, or the bandwidth is not positive
     */
    public CrossFoldEstimate {
        if (!Double.isFinite(mean) || !Double.isFinite(standardError) || standardError < 0) {
            throw new IllegalArgumentException("Cross-fold estimate needs a finite mean and a finite, non-negative"
                    + " standard error, got " + mean + " +/- " + standardError);
        }
        if (folds < 2) {
            throw new IllegalArgumentException("A cross-fold standard error needs at least 2 folds, got " + folds);
        }
        if (testCount < folds) {
            throw new IllegalArgumentException("Expected at least one test point per fold, got " + testCount
                    + " test points for " + folds + " folds");
        }
        if (!(medianSigma > 0) || !Double.isFinite(medianSigma)) {
            throw new IllegalArgumentException("Median bandwidth must be finite and positive, got " + medianSigma);
        }
    }

    /**
     * Summarises the Parzen evaluations of every fold.
     *
     * @param perFold one evaluation per fold, each on that fold's own validation and test split
     * @return the mean over folds and the standard error across them
     * @throws IllegalArgumentException if fewer than 2 evaluations are given
     */
    public static CrossFoldEstimate of(List<ParzenRecord> perFold) {
        Objects.requireNonNull(perFold, "perFold");
        int folds = perFold.size();
        if (folds < 2) {
            throw new IllegalArgumentException("A cross-fold standard error needs at least 2 fold evaluations, got "
                    + folds + "; use the record's own standard error for a single test set");
        }

        double[] means = new double[folds];
        double[] sigmas = new double[folds];
        int testCount = 0;
        for (int fold = 0; fold < folds; fold++) {
            means[fold] = perFold.get(fold).meanLogLikelihood();
            sigmas[fold] = perFold.get(fold).chosenSigma();
            testCount += perFold.get(fold).testCount();
        }

        double mean = 0;
        for (double value : means) {
            mean += value;
        }
        mean /= folds;

        double squares = 0;
        for (double value : means) {
            squares += (value - mean) * (value - mean);
        }
        double standardError = Math.sqrt(squares / (folds - 1)) / Math.sqrt(folds);
        return new CrossFoldEstimate(mean, standardError, folds, testCount, median(sigmas));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
