package org.ganbench.eval;

import ai.djl.ndarray.NDArray;

/**
 * The log-sum-exp half of the Parzen window: for a block of scores {@code a_ij}, the maximum of each
 * row and {@code sum_j exp((a_ij - m_i) / sigma^2)} for every bandwidth. The matrix product that
 * gives the scores stays in {@link ParzenWindowEstimator}.
 *
 * <p>Two implementations compute the same sums. {@link VectorKernelSums} reads each block once and
 * fuses the subtraction, scaling, exp and sum per row on the JDK's vector API. It needs the
 * {@code jdk.incubator.vector} module, which {@code bin/gan-bench} and the build add. Without that
 * module, {@link TorchKernelSums} runs the same steps as separate PyTorch operations.
 */
interface KernelSums {

    /** Name of the module that {@link VectorKernelSums} needs at run time. */
    String VECTOR_MODULE = "jdk.incubator.vector";

    /**
     * Computes the row maxima and the kernel sums of one block of scores, stored in chunks of columns.
     *
     * @param scores a float32 array of shape {@code (chunks, rows, 1, chunkWidth)}, as
     *     {@link TileProducts#scores} returns. Column j of row i is element j % chunkWidth of chunk
     *     j / chunkWidth. This call may overwrite the array.
     * @param columns number of columns that hold scores; the rest of the last chunks is padding
     * @param inverseVariances {@code 1 / sigma_k^2} for each bandwidth
     * @return the maxima and sums, one per row and bandwidth
     */
    BlockKernelSums compute(NDArray scores, int columns, double[] inverseVariances);

    /**
     * Computes the row maxima and the kernel sums of a plain {@code rows x columns} block of scores.
     *
     * @param scores a {@code rows x columns} float32 array of scores, which this call may overwrite
     * @param inverseVariances {@code 1 / sigma_k^2} for each bandwidth
     * @return the maxima and sums, one per row and bandwidth
     */
    default BlockKernelSums compute(NDArray scores, double[] inverseVariances) {
        long rows = scores.getShape().get(0);
        long columns = scores.getShape().get(1);
        try (NDArray oneChunk = scores.reshape(1, rows, 1, columns)) {
            return compute(oneChunk, Math.toIntExact(columns), inverseVariances);
        }
    }

    /**
     * Tells whether {@code --add-modules jdk.incubator.vector} made the vector API available.
     *
     * @return true if the boot layer contains the module
     */
    static boolean vectorModulePresent() {
        return ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
    }
}
