package org.ganbench.eval;

import java.util.Arrays;

/**
 * Log-sum-exps of score rows that arrive one column tile at a time, merged as in the online softmax
 * (Milakov and Gimelshein, "Online normalizer calculation for softmax", 2018).
 *
 * <p>For each row it keeps the largest score seen so far, m, and for each bandwidth the sum
 * {@code sum_j exp((a_j - m) / sigma^2)} over the tiles seen so far. A new tile with maximum m' and
 * sums s' moves both sides to {@code M = max(m, m')}: the old sums are scaled by
 * {@code exp((m - M) / sigma^2)} and the tile's by {@code exp((m' - M) / sigma^2)}. The row's largest
 * term stays exactly 1, so every sum stays in [1, n].
 */
final class RowLogSumExps {

    private final double[] inverseVariances;
    private final float[] rowMaxima;
    private final double[][] kernelSums;
    private boolean empty = true;

    /**
     * Starts with no tiles: every maximum at -infinity and every sum at 0, so the first tile's scale
     * factors are 0 for the old sums and 1 for its own.
     *
     * @param rows number of rows
     * @param inverseVariances {@code 1 / sigma_k^2} for each bandwidth
     */
    RowLogSumExps(int rows, double[] inverseVariances) {
        this.inverseVariances = inverseVariances;
        this.rowMaxima = new float[rows];
        this.kernelSums = new double[inverseVariances.length][rows];
        Arrays.fill(rowMaxima, Float.NEGATIVE_INFINITY);
    }

    /**
     * Merges the maxima and sums of the next column tile.
     *
     * @param tile the tile's row maxima and its sums relative to them
     */
    void add(BlockKernelSums tile) {
        empty = false;
        for (int i = 0; i < rowMaxima.length; i++) {
            float tileMaximum = tile.rowMaxima()[i];
            float merged = Math.max(rowMaxima[i], tileMaximum);
            for (int k = 0; k < inverseVariances.length; k++) {
                double ownScale = Math.exp(((double) rowMaxima[i] - merged) * inverseVariances[k]);
                double tileScale = Math.exp(((double) tileMaximum - merged) * inverseVariances[k]);
                kernelSums[k][i] = kernelSums[k][i] * ownScale + tile.kernelSums()[k][i] * tileScale;
            }
            rowMaxima[i] = merged;
        }
    }

    /**
     * Returns the merged maxima and sums.
     *
     * @return the state after every tile added so far
     * @throws IllegalStateException if no tile was added
     */
    BlockKernelSums result() {
        if (empty) {
            throw new IllegalStateException("no score tile was added. Add at least one tile before reading the sums");
        }
        return new BlockKernelSums(rowMaxima, kernelSums);
    }
}
