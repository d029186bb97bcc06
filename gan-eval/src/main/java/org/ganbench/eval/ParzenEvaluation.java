package org.ganbench.eval;

import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parzen window protocol of Goodfellow et al. (2014), which chooses the bandwidth on a validation set
 * and then reports the mean test log-likelihood and its standard error under that bandwidth.
 *
 * <p>An instance stores only settings and can run any number of evaluations. Each evaluation copies
 * its samples into native memory and frees them before it returns.
 */
public final class ParzenEvaluation {

    private static final Logger LOG = LoggerFactory.getLogger(ParzenEvaluation.class);

    private final double[] sigmaGrid;
    private final int blockSize;
    private final boolean showProgressBar;

    /**
     * Creates an evaluation with the given settings.
     *
     * @param sigmaGrid candidate bandwidths, each positive and finite. The array is copied.
     * @param blockSize number of points scored per matrix product, at least 1
     * @param showProgressBar whether each pass over a point set shows a console progress bar
     * @throws NullPointerException if {@code sigmaGrid} is null
     * @throws IllegalArgumentException if the grid is empty or contains an invalid bandwidth, or if
     *     {@code blockSize} is not positive
     */
    public ParzenEvaluation(double[] sigmaGrid, int blockSize, boolean showProgressBar) {
        ParzenWindowEstimator.validateBandwidths(sigmaGrid);
        if (blockSize <= 0) {
            throw new IllegalArgumentException("invalid block size " + blockSize
                    + ". Pass a positive number of points per block, for example "
                    + ParzenWindowEstimator.DEFAULT_BLOCK_SIZE);
        }

        this.sigmaGrid = sigmaGrid.clone();
        this.blockSize = blockSize;
        this.showProgressBar = showProgressBar;
    }

    /**
     * Creates an evaluation with {@link BandwidthSelection#defaultGrid()}, the default block size and
     * no progress bar.
     *
     * @return an evaluation with the reference settings
     */
    public static ParzenEvaluation withDefaults() {
        return new ParzenEvaluation(
                BandwidthSelection.defaultGrid(), ParzenWindowEstimator.DEFAULT_BLOCK_SIZE, false);
    }

    /**
     * Selects the bandwidth on {@code validation}, then estimates the test log-likelihood.
     *
     * @param samples generator samples that form the kernel centres
     * @param validation validation points. The reference protocol uses the first 1,000 validation images.
     * @param validationSetName label of the validation set, copied into the record
     * @param test test points
     * @param testSetName label of the test set, copied into the record
     * @return the grid, the validation means, the chosen bandwidth, and the test estimate
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if a name is blank or a set's dimension differs from the samples'
     */
    public ParzenRecord evaluate(
            PointSet samples, PointSet validation, String validationSetName, PointSet test, String testSetName) {
        Objects.requireNonNull(samples, "samples must not be null. Pass the generator samples as a PointSet");
        Objects.requireNonNull(validation, "validation must not be null. Pass the validation points as a PointSet");
        Objects.requireNonNull(test, "test must not be null. Pass the test points as a PointSet");
        requireName(validationSetName, "validation");
        requireName(testSetName, "test");
        requireSameDimension(samples, validation, validationSetName);
        requireSameDimension(samples, test, testSetName);

        LOG.info("Parzen evaluation started: {} samples, {} points of '{}', {} points of '{}', dimension {}",
                samples.count(), validation.count(), validationSetName, test.count(), testSetName,
                samples.dimension());
        long start = System.nanoTime();

        BandwidthChoice choice;
        LogLikelihoodEstimate estimate;
        try (ParzenWindowEstimator estimator = new ParzenWindowEstimator(samples, blockSize, showProgressBar)) {
            choice = BandwidthSelection.select(estimator, validation, sigmaGrid);
            estimate = LogLikelihoodEstimate.of(estimator.logLikelihoods(test, choice.sigma()));
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        LOG.info("Parzen evaluation finished in {} s: sigma {}, mean log-likelihood of '{}' {} +- {} (standard error)",
                String.format("%.2f", seconds), choice.sigma(), testSetName, estimate.mean(),
                estimate.standardError());
        return new ParzenRecord(samples.count(), choice.grid(), choice.validationMeanLogLikelihood(),
                choice.sigma(), validationSetName, validation.count(), testSetName, test.count(), estimate.mean(),
                estimate.standardError(), seconds);
    }

    private static void requireName(String name, String role) {
        if (name == null) {
            throw new NullPointerException("the " + role + " set name must not be null. Pass a label for the record");
        }
        if (name.isBlank()) {
            throw new IllegalArgumentException(
                    "the " + role + " set name is blank. Pass a label such as the data set and split");
        }
    }

    private static void requireSameDimension(PointSet samples, PointSet points, String name) {
        if (points.dimension() != samples.dimension()) {
            throw new IllegalArgumentException("'" + name + "' has dimension " + points.dimension()
                    + " but the samples have dimension " + samples.dimension()
                    + ". Flatten both to the same number of features");
        }
    }
}
