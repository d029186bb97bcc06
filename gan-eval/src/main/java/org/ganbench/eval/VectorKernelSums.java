package org.ganbench.eval;

import ai.djl.ndarray.NDArray;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Kernel sums fused into one pass per row and bandwidth, on the JDK's vector API.
 *
 * <p>As separate PyTorch operations, the log-sum-exp reads and writes each tile five times. In the
 * Parzen protocol at 10,000 x 10,000 those passes added about 40% to the time of the matrix products
 * (1.72 s against 1.21 s with one thread, docs/benchmarks.md of 2026-12-05). Here each row of a tile
 * is read in place, through a buffer that shares the tensor's memory: once for its maximum and once
 * per bandwidth for its sum. A row of 2,500 scores is 10 KB, so the second and later reads come from
 * the core's cache. On x86 the JDK computes exp with Intel's SVML routines.
 *
 * <p>NOTE: only x86-64 with AVX-512 was measured. Elsewhere the JDK may compute the vector exp lane by
 * lane, and this kernel could then be slower than {@link TorchKernelSums}.
 *
 * <p>Rows are split over the threads of a {@link ParallelRanges}.
 */
final class VectorKernelSums implements KernelSums {

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    /**
     * Lowest exponent passed to exp. SVML's exp takes a slow path where float32 underflows (below
     * about -87), which made the sums over 10^8 uniform test scores take 0.49 s instead of 0.07 s.
     * Each clamped term grows by at most e^-80, about 2e-35, which cannot change a sum of at least 1.
     */
    private static final float EXPONENT_FLOOR = (float) TorchKernelSums.EXPONENT_FLOOR;

    /** Terms added in float32 lanes before the running total moves to double, to bound rounding error. */
    private static final int TERMS_PER_PARTIAL_SUM = 1024;

    private final ParallelRanges ranges;

    /**
     * Creates the kernel.
     *
     * @param ranges splits the rows of a tile over threads. The caller closes it.
     */
    VectorKernelSums(ParallelRanges ranges) {
        this.ranges = ranges;
    }

    @Override
    public BlockKernelSums compute(NDArray scores, int columns, double[] inverseVariances) {
        int rows = Math.toIntExact(scores.getShape().get(1));
        int chunkWidth = Math.toIntExact(scores.getShape().get(scores.getShape().dimension() - 1));
        ByteBuffer values = scores.toByteBuffer(true).order(ByteOrder.nativeOrder());

        float[] rowMaxima = new float[rows];
        double[][] kernelSums = new double[inverseVariances.length][rows];
        ranges.run(rows, (first, last) -> {
            for (int i = first; i < last; i++) {
                float maximum = Float.NEGATIVE_INFINITY;
                for (int chunk = 0; chunk * chunkWidth < columns; chunk++) {
                    int length = Math.min(chunkWidth, columns - chunk * chunkWidth);
                    maximum = Math.max(maximum, rowMaximum(values, (chunk * rows + i) * chunkWidth, length));
                }
                rowMaxima[i] = maximum;

                for (int k = 0; k < inverseVariances.length; k++) {
                    double sum = 0;
                    for (int chunk = 0; chunk * chunkWidth < columns; chunk++) {
                        int length = Math.min(chunkWidth, columns - chunk * chunkWidth);
                        sum += sumKernels(values, (chunk * rows + i) * chunkWidth, length, maximum,
                                (float) inverseVariances[k]);
                    }
                    kernelSums[k][i] = sum;
                }
            }
        });
        return new BlockKernelSums(rowMaxima, kernelSums);
    }

    /**
     * Returns the largest of {@code length} floats from float index {@code offset}.
     *
     * <p>Four running maxima keep four compare-and-blend chains in flight. With one chain each step
     * waits for the last, and the pass took 2.5 times as long (0.14 against 0.056 ns per score).
     */
    static float rowMaximum(ByteBuffer values, int offset, int length) {
        FloatVector first = FloatVector.broadcast(SPECIES, Float.NEGATIVE_INFINITY);
        FloatVector second = first;
        FloatVector third = first;
        FloatVector fourth = first;

        int unrolledEnd = length - length % (4 * LANES);
        for (int j = 0; j < unrolledEnd; j += 4 * LANES) {
            first = larger(first, load(values, offset + j));
            second = larger(second, load(values, offset + j + LANES));
            third = larger(third, load(values, offset + j + 2 * LANES));
            fourth = larger(fourth, load(values, offset + j + 3 * LANES));
        }

        float maximum = larger(larger(first, second), larger(third, fourth)).reduceLanes(VectorOperators.MAX);
        for (int j = unrolledEnd; j < length; j++) {
            maximum = Math.max(maximum, value(values, offset + j));
        }
        return maximum;
    }

    /** Returns {@code sum_j exp(max((a_j - maximum) * inverseVariance, floor))} over one row. */
    static double sumKernels(ByteBuffer values, int offset, int length, float maximum, float inverseVariance) {
        FloatVector shift = FloatVector.broadcast(SPECIES, maximum);
        FloatVector scale = FloatVector.broadcast(SPECIES, inverseVariance);
        int vectorEnd = SPECIES.loopBound(length);
        double total = 0;

        for (int start = 0; start < vectorEnd; start += TERMS_PER_PARTIAL_SUM) {
            int end = Math.min(start + TERMS_PER_PARTIAL_SUM, vectorEnd);
            FloatVector partial = FloatVector.zero(SPECIES);
            for (int j = start; j < end; j += LANES) {
                FloatVector exponents = load(values, offset + j).sub(shift).mul(scale);
                partial = partial.add(exponents.max(EXPONENT_FLOOR).lanewise(VectorOperators.EXP));
            }
            total += partial.reduceLanes(VectorOperators.ADD);
        }

        for (int j = vectorEnd; j < length; j++) {
            float exponent = (value(values, offset + j) - maximum) * inverseVariance;
            total += Math.exp(Math.max(exponent, EXPONENT_FLOOR));
        }
        return total;
    }

    private static FloatVector load(ByteBuffer values, int index) {
        return FloatVector.fromByteBuffer(SPECIES, values, Float.BYTES * index, ByteOrder.nativeOrder());
    }

    private static float value(ByteBuffer values, int index) {
        return values.getFloat(Float.BYTES * index);
    }

    /** Lane-wise maximum as compare and blend, cheaper than {@code max}, which also orders -0 and NaN. */
    private static FloatVector larger(FloatVector a, FloatVector b) {
        return a.blend(b, a.lt(b));
    }
}
