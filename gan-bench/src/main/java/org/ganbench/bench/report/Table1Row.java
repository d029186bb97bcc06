package org.ganbench.bench.report;

import java.util.Objects;

/**
 * One measured Parzen-window log-likelihood result of this run, a row of our Table 1.
 *
 * @param model model name, equal to a {@link PaperTable1} name (ignoring case) to share its row
 * @param dataset data set name, for example {@link PaperTable1#MNIST}
 * @param meanLogLikelihood mean log-likelihood of the test images in nats
 * @param standardError standard error of that mean over test images, in nats
 * @param sigma Parzen window bandwidth, the Gaussian kernel's standard deviation in the units of the
 *     pixel values
 * @param sampleCount number of generated samples that the Parzen window is fitted to
 * @param testCount number of test images that the log-likelihood is averaged over, over all folds
 * @param folds 1 for a single test set, whose standard error is over its images. Otherwise the
 *     number of folds: the mean is then over the folds' means, the standard error is across the
 *     folds, and sigma is the median of the folds' bandwidths
 * @param note free-text remark shown under the table, empty for none; null becomes empty
 */
public record Table1Row(
        String model,
        String dataset,
        double meanLogLikelihood,
        double standardError,
        double sigma,
        int sampleCount,
        int testCount,
        int folds,
        String note) {

    /**
     * Creates the row of a single test set.
     *
     * @param model model name
     * @param dataset data set name
     * @param meanLogLikelihood mean log-likelihood of the test images in nats
     * @param standardError standard error over the test images, in nats
     * @param sigma Parzen window bandwidth
     * @param sampleCount generated samples
     * @param testCount test images
     * @param note free-text remark, empty or null for none
     */
    public Table1Row(String model, String dataset, double meanLogLikelihood, double standardError, double sigma,
                     int sampleCount, int testCount, String note) {
        this(model, dataset, meanLogLikelihood, standardError, sigma, sampleCount, testCount, 1, note);
    }

    /**
     * Validates the row and replaces a null note with an empty one.
     *
     * @throws IllegalArgumentException if a name is blank, the mean or standard error is not
     *     finite, the standard error is negative, sigma is not finite and positive, or a count is
     *     below 1
     */
    public Table1Row {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(dataset, "dataset");
        if (model.isBlank() || dataset.isBlank()) {
            throw new IllegalArgumentException("Table 1 row needs a model and a data set name, got model '"
                    + model + "' and data set '" + dataset + "'.");
        }
        if (!Double.isFinite(meanLogLikelihood)) {
            throw new IllegalArgumentException("Mean log-likelihood of " + model + " on " + dataset + " is "
                    + meanLogLikelihood + "; the Parzen evaluation failed, so rerun it before reporting.");
        }
        if (!Double.isFinite(standardError) || standardError < 0.0) {
            throw new IllegalArgumentException("Standard error of " + model + " on " + dataset + " is "
                    + standardError + ", but it must be finite and at least 0.");
        }
        if (!Double.isFinite(sigma) || sigma <= 0.0) {
            throw new IllegalArgumentException("Parzen sigma of " + model + " on " + dataset + " is " + sigma
                    + ", but the bandwidth must be finite and positive.");
        }
        if (sampleCount < 1 || testCount < 1) {
            throw new IllegalArgumentException("Sample and test counts of " + model + " on " + dataset
                    + " must be at least 1, got " + sampleCount + " samples and " + testCount + " test images.");
        }
        if (folds < 1) {
            throw new IllegalArgumentException("Fold count of " + model + " on " + dataset + " must be at least 1,"
                    + " got " + folds + "; use 1 for a single test set.");
        }
        note = note == null ? "" : note;
    }
}
