package org.ganbench.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Objects;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gaussian Parzen window density on a fixed set of samples, evaluated with DJL.
 *
 * <p>The log-likelihood of a point x in R^d under samples s_1..s_n and bandwidth sigma is
 *
 * <pre>
 *   ll(x) = log( (1/n) sum_j exp(-||x - s_j||^2 / (2 sigma^2)) ) - d log(sigma sqrt(2 pi))
 * </pre>
 *
 * as in Goodfellow et al., "Generative Adversarial Nets" (2014), after Breuleux, Bengio and Vincent (2011).
 *
 * <p>Distances to all n samples enter through one float32 matrix product per block of
 * {@code blockSize} points (see {@link AugmentedMatrices}). A block-sized temporary takes
 * {@code 4 * blockSize * n} bytes, and at most three are alive at once. The samples stay resident in
 * this estimator's {@link NDManager} until {@link #close()}. Each log-sum-exp subtracts the row
 * maximum first and the final terms are added in double, so every log-likelihood is finite for
 * finite points and any sigma that passes validation.
 *
 * <p>Instances are not thread-safe.
 */
public final class ParzenWindowEstimator implements AutoCloseable {

    /**
     * Points per block when the caller does not choose: 256 points x 10,000 samples is 10 MB per
     * temporary. Larger blocks were slower: scoring 10,000 test points against 10,000 samples
     * (d = 784, one thread) took 1.2 to 1.3 s in blocks of 256 points and 1.4 to 1.7 s in blocks of
     * 1,024, with DJL 0.36.0 on PyTorch 2.7.1 (CPU) on a 2-core Intel Xeon virtual machine. The likely
     * cause is glibc, which maps every allocation above 32 MiB afresh, so the 40 MB temporaries of the
     * larger blocks fault their pages in on each first touch.
     */
    public static final int DEFAULT_BLOCK_SIZE = 256;

    private static final Logger LOG = LoggerFactory.getLogger(ParzenWindowEstimator.class);

    /**
     * Smallest accepted bandwidth. Below about 5.4e-20, 1 / sigma^2 exceeds the largest float32 and
     * the scaled scores would turn into NaN.
     */
    public static final double MIN_SIGMA = 1e-19;

    /**
     * Lowest exponent passed to exp, because exp slows down where float32 underflows (below about -87).
     * With DJL 0.36.0 on PyTorch 2.7.1 (CPU), exp over 10^7 floats took about 25 ms for inputs in
     * [-80, 0] and 120 to 220 ms for inputs below -80. Measured on a 2-core AMD EPYC (Zen 4) virtual
     * machine.
     */
    private static final double EXPONENT_FLOOR = -80;

    private static final double LOG_SQRT_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    private final int sampleCount;
    private final int dimension;
    private final int blockSize;
    private final boolean showProgressBar;

    private final NDManager manager;
    private final double[] sampleMean;
    private final NDArray augmentedSamplesTransposed;
    private boolean closed;

    /**
     * Creates an estimator with the default block size and no progress bar.
     *
     * @param samples the kernel centres, for example 10,000 generator samples
     * @throws NullPointerException if {@code samples} is null
     */
    public ParzenWindowEstimator(PointSet samples) {
        this(samples, DEFAULT_BLOCK_SIZE, false);
    }

    /**
     * Creates an estimator and copies the samples into native memory.
     *
     * @param samples the kernel centres, for example 10,000 generator samples
     * @param blockSize number of points scored per matrix product, at least 1. Memory grows with
     *     {@code blockSize * samples.count()}.
     * @param showProgressBar whether each pass shows a console progress bar over its blocks, on
     *     standard error
     * @throws NullPointerException if {@code samples} is null
     * @throws IllegalArgumentException if {@code blockSize} is not positive
     */
    public ParzenWindowEstimator(PointSet samples, int blockSize, boolean showProgressBar) {
        Objects.requireNonNull(samples, "samples must not be null. Pass the generator samples as a PointSet");
        if (blockSize <= 0) {
            throw new IllegalArgumentException("invalid block size " + blockSize
                    + ". Pass a positive number of points per block, for example " + DEFAULT_BLOCK_SIZE);
        }

        this.sampleCount = samples.count();
        this.dimension = samples.dimension();
        this.blockSize = blockSize;
        this.showProgressBar = showProgressBar;

        this.manager = NDManager.newBaseManager();
        try {
            this.sampleMean = AugmentedMatrices.mean(samples);
            float[] augmented = AugmentedMatrices.samplesTransposed(samples, sampleMean);
            this.augmentedSamplesTransposed = manager.create(augmented, new Shape(dimension + 1L, sampleCount));
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
        LOG.debug("Parzen window estimator holds {} samples of dimension {}, block size {}", sampleCount, dimension,
                blockSize);
    }

    /**
     * Computes the log-likelihood of every point under one bandwidth.
     *
     * @param points points with the samples' dimension
     * @param sigma bandwidth, the standard deviation of each Gaussian kernel, positive and finite
     * @return {@code ll[i]} for point {@code i}, in nats
     * @throws NullPointerException if {@code points} is null
     * @throws IllegalArgumentException if the dimensions differ or {@code sigma} is invalid
     * @throws IllegalStateException if the estimator is closed
     */
    public double[] logLikelihoods(PointSet points, double sigma) {
        return logLikelihoods(points, new double[] {sigma})[0];
    }

    /**
     * Computes the log-likelihood of every point under each bandwidth, in one pass over the points.
     *
     * <p>Each block's distances are computed once and reused for every bandwidth, so a grid of ten
     * costs one matrix product per block, not ten.
     *
     * @param points points with the samples' dimension
     * @param sigmas bandwidths, each positive and finite, at least one
     * @return {@code ll[k][i]} for bandwidth {@code sigmas[k]} and point {@code i}, in nats
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the dimensions differ, {@code sigmas} is empty, or a sigma is
     *     invalid
     * @throws IllegalStateException if the estimator is closed
     */
    public double[][] logLikelihoods(PointSet points, double[] sigmas) {
        Objects.requireNonNull(points, "points must not be null. Pass the points to score as a PointSet");
        requireOpen();
        requireSameDimension(points);
        validateBandwidths(sigmas);

        long start = System.nanoTime();
        int blockCount = (points.count() + blockSize - 1) / blockSize;
        double[][] logLikelihoods = new double[sigmas.length][points.count()];

        try (ProgressBar progressBar = openProgressBar(blockCount)) {
            for (int first = 0; first < points.count(); first += blockSize) {
                int rows = Math.min(blockSize, points.count() - first);
                scoreBlock(points, first, rows, sigmas, logLikelihoods);

                if (progressBar != null) {
                    progressBar.step();
                }
            }
        }

        LOG.debug("Scored {} points against {} samples for {} bandwidths in {} blocks, {} ms", points.count(),
                sampleCount, sigmas.length, blockCount, (System.nanoTime() - start) / 1_000_000);
        return logLikelihoods;
    }

    /**
     * Returns the number of samples n.
     *
     * @return n, at least 1
     */
    public int sampleCount() {
        return sampleCount;
    }

    /**
     * Returns the dimension d of the samples.
     *
     * @return d, at least 1
     */
    public int dimension() {
        return dimension;
    }

    /**
     * Returns the number of points per block.
     *
     * @return the block size, at least 1
     */
    public int blockSize() {
        return blockSize;
    }

    /** Frees the native memory of the samples. Later calls to {@code logLikelihoods} raise. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            manager.close();
        }
    }

    /**
     * Checks that every sigma is a usable bandwidth.
     *
     * @param sigmas the bandwidths to check
     * @throws NullPointerException if {@code sigmas} is null
     * @throws IllegalArgumentException if {@code sigmas} is empty or contains a value that is not
     *     finite or is below {@link #MIN_SIGMA}
     */
    static void validateBandwidths(double[] sigmas) {
        Objects.requireNonNull(sigmas, "sigmas must not be null. Pass at least one bandwidth");
        if (sigmas.length == 0) {
            throw new IllegalArgumentException(
                    "the bandwidth grid is empty. Pass at least one sigma, for example BandwidthSelection.defaultGrid()");
        }
        for (int k = 0; k < sigmas.length; k++) {
            if (!(sigmas[k] > 0) || !Double.isFinite(sigmas[k])) {
                throw new IllegalArgumentException("invalid bandwidth sigma = " + sigmas[k] + " at index " + k
                        + ". Pass a positive finite standard deviation, for example 0.1");
            }
            if (sigmas[k] < MIN_SIGMA) {
                throw new IllegalArgumentException("invalid bandwidth sigma = " + sigmas[k] + " at index " + k
                        + ", because 1 / sigma^2 overflows float32. Pass a sigma of at least " + MIN_SIGMA);
            }
        }
    }

    /**
     * Scores points {@code first .. first + rows - 1} and writes {@code logLikelihoods[k][first + i]}.
     *
     * <p>Here x and s are centred on the sample mean, which leaves every distance unchanged. One matrix
     * product of {@code [x, 1]} with {@code [s, -||s||^2 / 2]} gives the scores
     * {@code a_j = x.s_j - ||s_j||^2 / 2 = (||x||^2 - ||x - s_j||^2) / 2}, so the largest score marks the
     * nearest sample and {@code -||x - s_j||^2 / (2 sigma^2) = (a_j - ||x||^2 / 2) / sigma^2}. With the
     * row maximum m and the nearest squared distance {@code D = ||x||^2 - 2m}, clamped at 0, the
     * log-sum-exp is {@code -D / (2 sigma^2) + log sum_j exp((a_j - m) / sigma^2)}. Every exponent is at
     * most 0 and one equals 0, so each sum lies in [1, n] for every sigma.
     */
    private void scoreBlock(PointSet points, int first, int rows, double[] sigmas, double[][] logLikelihoods) {
        AugmentedMatrices.PointBlock block = AugmentedMatrices.pointBlock(points, first, rows, sampleMean);

        try (NDManager blockManager = manager.newSubManager()) {
            NDArray blockArray = blockManager.create(block.values(), new Shape(rows, dimension + 1));
            NDArray scores = blockArray.matMul(augmentedSamplesTransposed);
            NDArray rowMax = scores.max(new int[] {1}, true);
            float[] rowMaxValues = rowMax.toFloatArray();
            NDArray shiftedScores = scores.subi(rowMax);

            for (int k = 0; k < sigmas.length; k++) {
                double sigma = sigmas[k];
                double inverseVariance = 1.0 / (sigma * sigma);
                double logNormalizer = Math.log(sampleCount) + dimension * (Math.log(sigma) + LOG_SQRT_TWO_PI);
                float[] kernelSums = sumKernels(shiftedScores, inverseVariance);

                for (int i = 0; i < rows; i++) {
                    // Rounding can push the distance of a point that coincides with a sample slightly below 0.
                    double nearestSquaredDistance = Math.max(0.0, block.squaredNorms()[i] - 2.0 * rowMaxValues[i]);
                    logLikelihoods[k][first + i] = -0.5 * nearestSquaredDistance * inverseVariance
                            + Math.log(kernelSums[i])
                            - logNormalizer;
                }
            }
        }
    }

    /**
     * Sums {@code exp(shiftedScores / sigma^2)} over each row, leaving {@code shiftedScores} unchanged
     * for the next bandwidth, and frees both block-sized temporaries before it returns.
     *
     * <p>Exponents are clamped at {@link #EXPONENT_FLOOR} first. Each clamped term then grows by at
     * most e^-80, about 2e-35, which cannot change a float32 sum that is at least 1.
     */
    private static float[] sumKernels(NDArray shiftedScores, double inverseVariance) {
        float scoreFloor = (float) (EXPONENT_FLOOR / inverseVariance);

        try (NDArray exponents = shiftedScores.maximum(scoreFloor)) {
            exponents.muli(inverseVariance);

            try (NDArray kernels = exponents.exp();
                    NDArray kernelSums = kernels.sum(new int[] {1})) {
                return kernelSums.toFloatArray();
            }
        }
    }

    private ProgressBar openProgressBar(int blockCount) {
        if (!showProgressBar) {
            return null;
        }
        return new ProgressBarBuilder()
                .setTaskName("Parzen window")
                .setInitialMax(blockCount)
                .setUnit(" blocks", 1)
                .build();
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException(
                    "the Parzen window estimator is closed. Create a new one from the samples");
        }
    }

    private void requireSameDimension(PointSet points) {
        if (points.dimension() != dimension) {
            throw new IllegalArgumentException("points have dimension " + points.dimension()
                    + " but the samples have dimension " + dimension
                    + ". Flatten points and samples to the same number of features");
        }
    }
}
