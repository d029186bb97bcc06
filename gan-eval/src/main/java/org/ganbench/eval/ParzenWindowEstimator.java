package org.ganbench.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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
 * <p>Distances to all n samples enter through float32 matrix products of each block of
 * {@code blockSize} points (see {@link AugmentedMatrices}) with one column tile of samples at a time.
 * {@link KernelSums} turns each tile of scores into row maxima and kernel sums, and
 * {@link RowLogSumExps} merges the tiles. The products run as 1 x 1 convolutions ({@link TileProducts}).
 * With more than one thread, each thread scores whole blocks on its own, with PyTorch limited to that
 * thread. Each thread holds the scores of one block against one tile at a time, at most
 * {@code 4 * blockSize * MAX_TILE_COLUMNS} bytes (8 MB at the defaults), and the PyTorch fallback adds
 * at most two tile-sized temporaries. The samples stay resident in this estimator's {@link NDManager}
 * until {@link #close()}. Each log-sum-exp subtracts the row
 * maximum first and the final terms are added in double, so every log-likelihood is finite for
 * finite points and any sigma that passes validation.
 *
 * <p>Instances are not thread-safe.
 */
public final class ParzenWindowEstimator implements AutoCloseable {

    /**
     * Points per block when the caller does not choose. A block is multiplied with one column tile of
     * samples at a time, so each product gives at most 1,024 x 2,048 scores, 8 MB. Scoring 10,240
     * points against 10,000 samples (d = 785 with the augmented column, one thread) ran at 150 to 157
     * GFLOP/s in blocks of 1,024 points and tiles of 2,500 samples, against 133 to 149 GFLOP/s in
     * blocks of 512 points and one tile of 10,000. The likely reason: each product packs its tile anew,
     * and larger blocks pack each tile fewer times. Measured with DJL 0.36.0 on PyTorch 2.7.1 (CPU) on a 2-core Intel
     * Xeon virtual machine, 2026-12-05.
     */
    public static final int DEFAULT_BLOCK_SIZE = 1024;

    /**
     * Largest number of samples per column tile. Measured on a 2-core AMD EPYC virtual machine with one
     * thread (DJL 0.36.0 on PyTorch 2.7.1, 2026-12-05, 08:09 to 08:11 UTC): products of 1,000 x 785
     * points with 785 x 2,000 samples ran at 110 to 112 GFLOP/s. With 2,500 samples they ran at 102 to
     * 107, and with 10,000 at 98. With 2 threads the protocol on 10,000 samples took 0.94 to 1.11 s in
     * 5 tiles of 2,000 and 1.12 to 1.24 s in 4 tiles of 2,500 (08:12 UTC).
     */
    public static final int MAX_TILE_COLUMNS = 2048;

    private static final Logger LOG = LoggerFactory.getLogger(ParzenWindowEstimator.class);

    /** Whether the slower log-sum-exp has been logged, so the message appears once per JVM. */
    private static final AtomicBoolean FALLBACK_REPORTED = new AtomicBoolean();

    /**
     * Smallest accepted bandwidth. Below about 5.4e-20, 1 / sigma^2 exceeds the largest float32 and
     * the scaled scores would turn into NaN.
     */
    public static final double MIN_SIGMA = 1e-19;

    /** Points per vector of the kernel sums with AVX-512. */
    private static final int ROW_ALIGNMENT = 16;

    private static final double LOG_SQRT_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    private final int sampleCount;
    private final int dimension;
    private final int blockSize;
    private final boolean showProgressBar;

    private final int threads;
    private final ParallelRanges ranges;
    private final KernelSums kernelSums;
    private final NDManager manager;
    private final double[] sampleMean;
    private final List<NDArray> sampleTiles;
    /** Samples in each tile; the rest of a tile's last chunk is padding. */
    private final int[] tileColumns;
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
        this(samples, blockSize, showProgressBar, ParallelRanges.configuredThreads(), KernelSums.vectorModulePresent());
    }

    /**
     * Creates an estimator with a chosen thread count and log-sum-exp, so tests can compare them.
     *
     * @param threads threads that score blocks, at least 1. With 1, PyTorch keeps its own thread count
     *     for the products; with more, each thread limits PyTorch to itself.
     * @param fused whether to use {@link VectorKernelSums}, which needs the vector module, or
     *     {@link TorchKernelSums}
     */
    ParzenWindowEstimator(PointSet samples, int blockSize, boolean showProgressBar, int threads, boolean fused) {
        Objects.requireNonNull(samples, "samples must not be null. Pass the generator samples as a PointSet");
        if (blockSize <= 0) {
            throw new IllegalArgumentException("invalid block size " + blockSize
                    + ". Pass a positive number of points per block, for example " + DEFAULT_BLOCK_SIZE);
        }

        this.sampleCount = samples.count();
        this.dimension = samples.dimension();
        this.blockSize = blockSize;
        this.showProgressBar = showProgressBar;

        if (!fused && FALLBACK_REPORTED.compareAndSet(false, true)) {
            LOG.info("The JVM lacks the {} module, so the Parzen window sums its kernels with separate PyTorch"
                    + " operations, which give the same numbers more slowly. Add --add-modules={} to the java"
                    + " command for the fused kernel", KernelSums.VECTOR_MODULE, KernelSums.VECTOR_MODULE);
        }
        this.threads = threads;
        this.ranges = new ParallelRanges(threads);
        this.kernelSums = fused ? new VectorKernelSums(ParallelRanges.SERIAL) : new TorchKernelSums();
        this.manager = NDManager.newBaseManager();
        try {
            this.sampleMean = AugmentedMatrices.mean(samples);
            this.tileColumns = tileColumns(sampleCount);
            this.sampleTiles = sampleTiles(samples);
        } catch (RuntimeException e) {
            manager.close();
            ranges.close();
            throw e;
        }
        LOG.debug("Parzen window estimator holds {} samples of dimension {} in {} tiles, block size {}, {} threads, {}",
                sampleCount, dimension, sampleTiles.size(), blockSize, threads, kernelSums.getClass().getSimpleName());
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
        int blockCount = blockCount(points.count());
        double[][] logLikelihoods = new double[sigmas.length][points.count()];

        try (ProgressBar progressBar = openProgressBar(blockCount)) {
            Runnable scoreBlocks = blockScorer(points, blockCount, sigmas, logLikelihoods, progressBar);
            if (threads == 1) {
                scoreBlocks.run();
            } else {
                // PyTorch's own threads would split each product, then spin while they wait for the next one
                // and compete for the cores with the kernel sums. Whole blocks per thread, each product on one
                // core, keep every core on one job.
                int restoreTo = TorchIntraOpThreads.current();
                ranges.run(threads, (firstWorker, lastWorker) ->
                        TorchIntraOpThreads.runSingleThreaded(restoreTo, scoreBlocks));
            }
        }

        LOG.debug("Scored {} points against {} samples for {} bandwidths in {} blocks, {} ms", points.count(),
                sampleCount, sigmas.length, blockCount, (System.nanoTime() - start) / 1_000_000);
        return logLikelihoods;
    }

    /**
     * Splits {@code count} points into blocks of at most {@link #blockSize} points, as equal in size as
     * possible, and into a multiple of the thread count where there are enough points.
     */
    private int blockCount(int count) {
        int blocks = (count + blockSize - 1) / blockSize;
        int perThread = (blocks + threads - 1) / threads;
        return Math.min(count, perThread * threads);
    }

    /**
     * Returns work that takes blocks from a shared counter until none are left, so that threads which
     * run it side by side share the blocks.
     */
    private Runnable blockScorer(PointSet points, int blockCount, double[] sigmas, double[][] logLikelihoods,
            ProgressBar progressBar) {
        AtomicInteger nextBlock = new AtomicInteger();
        return () -> {
            for (int block = nextBlock.getAndIncrement(); block < blockCount; block = nextBlock.getAndIncrement()) {
                int first = (int) ((long) block * points.count() / blockCount);
                int last = (int) ((long) (block + 1) * points.count() / blockCount);
                scoreBlock(points, first, last - first, sigmas, logLikelihoods);

                if (progressBar != null) {
                    progressBar.step();
                }
            }
        };
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
            ranges.close();
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
        // Zero rows fill the block to whole vectors of points for the kernel sums. Their sums are dropped.
        int paddedRows = (rows + ROW_ALIGNMENT - 1) / ROW_ALIGNMENT * ROW_ALIGNMENT;
        AugmentedMatrices.PointBlock block = AugmentedMatrices.pointBlock(points, first, rows, paddedRows, sampleMean);

        double[] inverseVariances = new double[sigmas.length];
        for (int k = 0; k < sigmas.length; k++) {
            inverseVariances[k] = 1.0 / (sigmas[k] * sigmas[k]);
        }

        RowLogSumExps merged = new RowLogSumExps(paddedRows, inverseVariances);
        try (NDManager blockManager = manager.newSubManager()) {
            NDArray blockArray = blockManager.create(block.values(), new Shape(paddedRows, dimension + 1));
            // Each tile's scores are summed and freed before the next product, so the allocator hands the
            // next product the same, already mapped memory.
            for (int tile = 0; tile < sampleTiles.size(); tile++) {
                try (NDArray scores = TileProducts.scores(blockArray, sampleTiles.get(tile))) {
                    merged.add(kernelSums.compute(scores, tileColumns[tile], inverseVariances));
                }
            }
        }
        BlockKernelSums sums = merged.result();

        for (int k = 0; k < sigmas.length; k++) {
            double logNormalizer = Math.log(sampleCount) + dimension * (Math.log(sigmas[k]) + LOG_SQRT_TWO_PI);
            for (int i = 0; i < rows; i++) {
                // Rounding can push the distance of a point that coincides with a sample slightly below 0.
                double nearestSquaredDistance = Math.max(0.0, block.squaredNorms()[i] - 2.0 * sums.rowMaxima()[i]);
                logLikelihoods[k][first + i] = -0.5 * nearestSquaredDistance * inverseVariances[k]
                        + Math.log(sums.kernelSums()[k][i])
                        - logNormalizer;
            }
        }
    }

    /** Splits n samples into tiles of at most {@link #MAX_TILE_COLUMNS}, as equal in width as possible. */
    private static int[] tileColumns(int sampleCount) {
        int tileCount = (sampleCount + MAX_TILE_COLUMNS - 1) / MAX_TILE_COLUMNS;
        int[] columns = new int[tileCount];
        for (int tile = 0; tile < tileCount; tile++) {
            columns[tile] = (int) ((long) (tile + 1) * sampleCount / tileCount - (long) tile * sampleCount / tileCount);
        }
        return columns;
    }

    /**
     * Lays out the samples as the tiles of {@link #tileColumns}, in the chunks of {@link TileProducts},
     * each copied to native memory.
     */
    private List<NDArray> sampleTiles(PointSet samples) {
        int tileCount = tileColumns.length;
        int[] firstColumns = new int[tileCount + 1];
        for (int tile = 0; tile < tileCount; tile++) {
            firstColumns[tile + 1] = firstColumns[tile] + tileColumns[tile];
        }

        float[][] values = new float[tileCount][];
        ranges.run(tileCount, (firstTile, lastTile) -> {
            for (int tile = firstTile; tile < lastTile; tile++) {
                int columns = firstColumns[tile + 1] - firstColumns[tile];
                values[tile] = AugmentedMatrices.chunkedSampleTile(samples, sampleMean, firstColumns[tile], columns);
            }
        });

        List<NDArray> tiles = new ArrayList<>(tileCount);
        for (int tile = 0; tile < tileCount; tile++) {
            int columns = firstColumns[tile + 1] - firstColumns[tile];
            NDArray stored = manager.create(values[tile], TileProducts.storageShape(dimension + 1, columns));
            tiles.add(TileProducts.asImages(stored));
        }
        return List.copyOf(tiles);
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
