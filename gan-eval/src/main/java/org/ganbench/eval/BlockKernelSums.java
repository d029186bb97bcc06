package org.ganbench.eval;

/**
 * Row maxima and kernel sums of one block of Parzen scores.
 *
 * @param rowMaxima {@code m_i = max_j a_ij}, the score of the nearest sample for each point
 * @param kernelSums {@code kernelSums[k][i] = sum_j exp((a_ij - m_i) / sigma_k^2)}, each in [1, n]
 */
record BlockKernelSums(float[] rowMaxima, double[][] kernelSums) {
}
