package org.ganbench.bench.perf;

import org.ganbench.eval.PointSet;

/**
 * Uniform [0, 1) float32 point sets for the Parzen benchmark, drawn in the order that the numpy
 * peer's {@code --synthetic N_S N_X N_VALID D SEED} option draws them: samples, then test points,
 * then validation points, all from one {@code numpy.random.default_rng(SEED)} stream.
 *
 * <p>Uniform noise is a workload and a cross-check of two implementations, not a model of anything:
 * with 10,000 x 10,000 x 1,000 points of dimension 784 and seed 0, numpy's float32 protocol chooses
 * sigma = 0.359381 and reports a mean test log-likelihood of -358.3194 nats (standard error 0.090336).
 *
 * @param samples the kernel centres S
 * @param test the scored points X
 * @param validation the points that choose the bandwidth
 */
public record SyntheticParzenData(PointSet samples, PointSet test, PointSet validation) {

    /** Samples of the reference workload. */
    public static final int REFERENCE_SAMPLES = 10_000;
    /** Test points of the reference workload. */
    public static final int REFERENCE_TEST = 10_000;
    /** Validation points of the reference workload, as in the protocol of Goodfellow et al. (2014). */
    public static final int REFERENCE_VALIDATION = 1_000;
    /** Dimension of the reference workload, one MNIST image. */
    public static final int REFERENCE_DIMENSION = 784;

    /**
     * Draws the three sets.
     *
     * @param sampleCount number of samples, at least 1
     * @param testCount number of test points, at least 1
     * @param validationCount number of validation points, at least 1
     * @param dimension values per point, at least 1
     * @param seed numpy seed in [0, 2^32)
     * @return the sets, each row-major
     * @throws IllegalArgumentException if a count or the dimension is not positive, if a set would
     *     exceed 2^31 - 1 values, or if the seed is out of range
     */
    public static SyntheticParzenData uniform(int sampleCount, int testCount, int validationCount, int dimension,
                                              long seed) {
        NumpyPcg64 random = NumpyPcg64.seeded(seed);

        PointSet samples = draw(random, "sample", sampleCount, dimension);
        PointSet test = draw(random, "test", testCount, dimension);
        PointSet validation = draw(random, "validation", validationCount, dimension);
        return new SyntheticParzenData(samples, test, validation);
    }

    private static PointSet draw(NumpyPcg64 random, String role, int count, int dimension) {
        if (count <= 0 || dimension <= 0) {
            throw new IllegalArgumentException("invalid " + role + " shape " + count + " x " + dimension
                    + ". Pass a positive number of points and a positive dimension");
        }
        long length = (long) count * dimension;
        if (length > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("the " + role + " set of " + count + " x " + dimension + " = " + length
                    + " values does not fit in one Java array. Pass fewer points or a smaller dimension");
        }
        return new PointSet(random.nextFloats((int) length), count, dimension);
    }
}
