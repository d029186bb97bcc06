package org.ganbench.bench.perf;

import java.util.Locale;

/**
 * Problem sizes and run lengths of one {@code gan-bench bench} run: the full sizes that the
 * performance targets refer to, or small ones that check the whole pipeline in a few minutes.
 *
 * @param name {@code full} or {@code quick}, as the report prints it
 * @param parzenSamples kernel centres of the Parzen workload
 * @param parzenTest test points of the Parzen workload
 * @param parzenValidation validation points that choose the Parzen bandwidth
 * @param gemmSize n of the n x n float32 matrix product that measures the GEMM rate
 * @param samplingCount generator samples drawn by the sampling workload
 * @param peerTrainingIterations timed iterations of the PyTorch training peer
 * @param peerTrainingWarmup untimed iterations before them
 * @param peerGemmRepetitions timed products of the GEMM peer
 * @param memoryIterations training iterations of the memory run, a multiple of
 *     {@code memoryReadingInterval} and of 50
 * @param memoryReadingInterval iterations between two resident-memory readings of the memory run
 * @param broadcastScale the broadcast Parzen peer scores 1 / broadcastScale of the points, and its
 *     times are multiplied by broadcastScale, because at full size it runs for minutes
 * @param shortJmhRuns whether our JMH benchmarks run one short warm-up and two short measurement
 *     iterations instead of the counts their annotations declare
 */
public record BenchmarkSizes(String name, int parzenSamples, int parzenTest, int parzenValidation, int gemmSize,
                             int samplingCount, int peerTrainingIterations, int peerTrainingWarmup,
                             int peerGemmRepetitions, int memoryIterations, int memoryReadingInterval,
                             int broadcastScale, boolean shortJmhRuns) {

    /** Dimension of every Parzen point: one 28 x 28 MNIST image. */
    public static final int PARZEN_DIMENSION = 784;
    /** Seed of the uniform Parzen data, as the numpy peer's {@code --synthetic ... SEED} takes it. */
    public static final long PARZEN_SEED = 0;
    /** Iterations per epoch of the training memory run: 5,000 examples in minibatches of 100. */
    public static final int MEMORY_ITERATIONS_PER_EPOCH = 50;

    /**
     * Validates the sizes.
     *
     * @throws IllegalArgumentException if a size is not positive, if the broadcast scale does not
     *     divide the Parzen point counts, or if the memory run's iteration count is not a multiple
     *     of the reading interval and of 50
     */
    public BenchmarkSizes {
        int[] positive = {parzenSamples, parzenTest, parzenValidation, gemmSize, samplingCount, peerTrainingIterations,
            peerGemmRepetitions, memoryIterations, memoryReadingInterval, broadcastScale};
        for (int value : positive) {
            if (value < 1) {
                throw new IllegalArgumentException("invalid benchmark size " + value + " in " + name
                        + ". Every count must be positive");
            }
        }
        if (parzenTest % broadcastScale != 0 || parzenValidation % broadcastScale != 0) {
            throw new IllegalArgumentException("invalid broadcast scale " + broadcastScale + ": it must divide the "
                    + parzenTest + " test and " + parzenValidation + " validation points");
        }
        if (memoryIterations % memoryReadingInterval != 0 || memoryIterations % MEMORY_ITERATIONS_PER_EPOCH != 0) {
            throw new IllegalArgumentException("invalid memory run of " + memoryIterations + " iterations: pass a"
                    + " multiple of " + MEMORY_ITERATIONS_PER_EPOCH + " and of the reading interval "
                    + memoryReadingInterval);
        }
    }

    /**
     * Returns the sizes that the performance targets refer to. The Parzen protocol runs on 10,000
     * samples, 10,000 test and 1,000 validation points, the GEMM multiplies 2000 x 2000 matrices,
     * and sampling draws 10,000 images. The peers run their default lengths.
     *
     * @param memoryIterations training iterations of the memory run, a positive multiple of 1,000
     * @param broadcastScale fraction of the points that the broadcast peer scores, 1 / broadcastScale
     * @return the full sizes
     * @throws IllegalArgumentException if an argument is invalid
     */
    public static BenchmarkSizes full(int memoryIterations, int broadcastScale) {
        return new BenchmarkSizes("full", 10_000, 10_000, 1_000, 2000, 10_000, 200, 20, 10, memoryIterations, 1_000,
                broadcastScale, false);
    }

    /**
     * Returns small sizes that run the whole pipeline in a few minutes. The Parzen protocol runs on
     * 2,000 samples, 2,000 test and 200 validation points, the GEMM multiplies 500 x 500 matrices,
     * sampling draws 1,000 images, the training peer times 30 iterations and the memory run trains
     * 200. Its figures are not speed measurements.
     *
     * @return the quick sizes
     */
    public static BenchmarkSizes quick() {
        return new BenchmarkSizes("quick", 2_000, 2_000, 200, 500, 1_000, 30, 5, 3, 200, 100, 10, true);
    }

    /**
     * Tells whether these are the sizes that the performance targets refer to.
     *
     * @return true for {@link #full}
     */
    public boolean isFull() {
        return name.equals("full");
    }

    /**
     * Returns the GEMM workload's shape as the matrix-product benchmark takes it.
     *
     * @return "n,n,n"
     */
    public String gemmShape() {
        return gemmSize + "," + gemmSize + "," + gemmSize;
    }

    /**
     * Describes the sizes in one sentence for the report.
     *
     * @return for example "Parzen protocol on 10,000 samples, 10,000 test and 1,000 validation points..."
     */
    public String describe() {
        return String.format(Locale.ROOT, "%s sizes: Parzen protocol on %,d samples, %,d test and %,d validation"
                        + " points of dimension %d; GEMM of two %d x %d matrices; %,d generator samples; training"
                        + " minibatches of 100; memory run of %,d training iterations.", name, parzenSamples,
                parzenTest, parzenValidation, PARZEN_DIMENSION, gemmSize, gemmSize, samplingCount, memoryIterations);
    }
}
