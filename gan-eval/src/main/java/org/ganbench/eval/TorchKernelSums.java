package org.ganbench.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;

/**
 * Kernel sums as separate PyTorch operations: row maximum, subtraction, clamp, scaling, exp and sum,
 * each a pass over the block. Used when the JVM lacks the vector module.
 */
final class TorchKernelSums implements KernelSums {

    /**
     * Lowest exponent passed to exp, because exp slows down where float32 underflows (below about -87).
     * With DJL 0.36.0 on PyTorch 2.7.1 (CPU), exp over 10^7 floats took about 25 ms for inputs in
     * [-80, 0] and 120 to 220 ms for inputs below -80. Measured on a 2-core AMD EPYC (Zen 4) virtual
     * machine. Each clamped term then grows by at most e^-80, about 2e-35, which cannot change a sum
     * that is at least 1.
     */
    static final double EXPONENT_FLOOR = -80;

    @Override
    public BlockKernelSums compute(NDArray scores, int columns, double[] inverseVariances) {
        long chunks = scores.getShape().get(0);
        long rows = scores.getShape().get(1);
        long chunkWidth = scores.getShape().get(3);

        // One row per point again, then the padding columns cut off.
        try (NDArray chunked = scores.reshape(chunks, rows, chunkWidth);
                NDArray rowsByChunk = chunked.transpose(1, 0, 2);
                NDArray byRow = rowsByChunk.reshape(rows, chunks * chunkWidth);
                NDArray valid = byRow.get(new NDIndex(":, :{}", columns))) {
            return computeRows(valid, inverseVariances);
        }
    }

    /** Computes the maxima and sums of a plain {@code rows x columns} block, overwriting it. */
    private static BlockKernelSums computeRows(NDArray scores, double[] inverseVariances) {
        try (NDArray rowMax = scores.max(new int[] {1}, true)) {
            NDArray shiftedScores = scores.subi(rowMax);
            double[][] kernelSums = new double[inverseVariances.length][];
            for (int k = 0; k < inverseVariances.length; k++) {
                kernelSums[k] = sumKernels(shiftedScores, inverseVariances[k]);
            }
            return new BlockKernelSums(rowMax.toFloatArray(), kernelSums);
        }
    }

    /** Sums {@code exp(shiftedScores / sigma^2)} over each row, freeing both temporaries before it returns. */
    private static double[] sumKernels(NDArray shiftedScores, double inverseVariance) {
        float scoreFloor = (float) (EXPONENT_FLOOR / inverseVariance);

        try (NDArray exponents = shiftedScores.maximum(scoreFloor)) {
            exponents.muli(inverseVariance);

            try (NDArray kernels = exponents.exp();
                    NDArray kernelSums = kernels.sum(new int[] {1})) {
                float[] sums = kernelSums.toFloatArray();
                double[] widened = new double[sums.length];
                for (int i = 0; i < sums.length; i++) {
                    widened[i] = sums[i];
                }
                return widened;
            }
        }
    }
}
