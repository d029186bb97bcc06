package org.ganbench.eval;

import ai.djl.ndarray.NDArray;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Kernel sums fused into two passes over a block of scores, on the JDK's vector API.
 *
 * <p>As separate PyTorch operations, the log-sum-exp reads and writes each tile five times. In the
 * Parzen protocol at 10,000 x 10,000 those passes added about 40% to the time of the matrix products
 * (1.72 s against 1.21 s with one thread, docs/benchmarks.md of 2026-12-05). Here the scores are read
 * in place, through a buffer that shares the tensor's memory. {@link TileProducts} leaves them sample
 * by sample, each sample's scores against all points side by side, so both passes walk the samples in
 * order and keep one running value per point and bandwidth: the maximum, then the sums of exp. For a
 * block of 1,024 points and ten bandwidths those values take 44 KB, which stays in the core's cache.
 * On x86 the JDK computes exp with Intel's SVML routines.
 *
 * <p>NOTE: only x86-64 with AVX-512 was measured. Elsewhere the JDK may compute the vector exp lane by
 * lane, and this kernel could then be slower than {@link TorchKernelSums}.
 *
 * <p>Points are split over the threads of a {@link ParallelRanges}.
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

        // Scores from channels-last tiles hold one row of points per sample. This view orders them so, and
        // PyTorch then hands over its memory instead of a reordered copy.
        try (NDArray bySample = scores.transpose(0, 2, 3, 1)) {
            ByteBuffer values = bySample.toByteBuffer(true).order(ByteOrder.nativeOrder());
            float[] rowMaxima = new float[rows];
            double[][] kernelSums = new double[inverseVariances.length][rows];

            ranges.run(rows, (first, last) -> {
                PointStrip strip = new PointStrip(values, rows, first, last);
                strip.maxima(columns, rowMaxima);
                strip.kernelSums(columns, rowMaxima, inverseVariances, kernelSums);
            });
            return new BlockKernelSums(rowMaxima, kernelSums);
        }
    }

    /**
     * Points {@code first .. last - 1} of a block whose scores lie sample by sample: the score of
     * point i against sample j is float {@code j * rows + i}. Each pass walks the samples in order and
     * keeps one running value per point, a vector of points at a time.
     */
    private record PointStrip(ByteBuffer values, int rows, int first, int last) {

        /** Writes the largest score of each point over samples {@code 0 .. columns - 1}. */
        void maxima(int columns, float[] rowMaxima) {
            int vectorEnd = first + SPECIES.loopBound(last - first);
            Arrays.fill(rowMaxima, first, last, Float.NEGATIVE_INFINITY);

            for (int j = 0; j < columns; j++) {
                int sampleOffset = j * rows;
                for (int i = first; i < vectorEnd; i += LANES) {
                    FloatVector running = FloatVector.fromArray(SPECIES, rowMaxima, i);
                    larger(running, load(values, sampleOffset + i)).intoArray(rowMaxima, i);
                }
                for (int i = vectorEnd; i < last; i++) {
                    rowMaxima[i] = Math.max(rowMaxima[i], value(values, sampleOffset + i));
                }
            }
        }

        /**
         * Adds {@code exp(max((a_ij - m_i) / sigma_k^2, floor))} over samples {@code 0 .. columns - 1}
         * for each point i and bandwidth k. Terms collect in float32 for at most
         * {@link #TERMS_PER_PARTIAL_SUM} samples before they move to the double totals.
         */
        void kernelSums(int columns, float[] rowMaxima, double[] inverseVariances, double[][] kernelSums) {
            int width = last - first;
            int vectorEnd = first + SPECIES.loopBound(width);
            float[] partial = new float[inverseVariances.length * width];

            for (int start = 0; start < columns; start += TERMS_PER_PARTIAL_SUM) {
                int end = Math.min(start + TERMS_PER_PARTIAL_SUM, columns);
                for (int j = start; j < end; j++) {
                    addSample(j * rows, rowMaxima, inverseVariances, partial, vectorEnd);
                }

                for (int k = 0; k < inverseVariances.length; k++) {
                    for (int i = first; i < last; i++) {
                        kernelSums[k][i] += partial[k * width + i - first];
                    }
                }
                Arrays.fill(partial, 0f);
            }
        }

        private void addSample(int sampleOffset, float[] rowMaxima, double[] inverseVariances, float[] partial,
                int vectorEnd) {
            int width = last - first;
            for (int k = 0; k < inverseVariances.length; k++) {
                float inverseVariance = (float) inverseVariances[k];
                FloatVector scale = FloatVector.broadcast(SPECIES, inverseVariance);
                int partialOffset = k * width - first;

                for (int i = first; i < vectorEnd; i += LANES) {
                    FloatVector exponents = load(values, sampleOffset + i)
                            .sub(FloatVector.fromArray(SPECIES, rowMaxima, i))
                            .mul(scale);
                    FloatVector terms = exponents.max(EXPONENT_FLOOR).lanewise(VectorOperators.EXP);
                    FloatVector.fromArray(SPECIES, partial, partialOffset + i).add(terms)
                            .intoArray(partial, partialOffset + i);
                }
                for (int i = vectorEnd; i < last; i++) {
                    float exponent = (value(values, sampleOffset + i) - rowMaxima[i]) * inverseVariance;
                    partial[partialOffset + i] += (float) Math.exp(Math.max(exponent, EXPONENT_FLOOR));
                }
            }
        }
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
