package org.ganbench.models.reference;

import java.util.SplittableRandom;

/** Draws distinct rows of a row-major matrix uniformly without replacement. */
final class DistinctRows {

    private DistinctRows() {
    }

    /**
     * Draws {@code count} distinct indices of {@code [0, population)}, every subset and every
     * order equally likely, by the first {@code count} steps of a Fisher-Yates shuffle.
     *
     * @param population number of rows to draw from
     * @param count number of indices, at most {@code population}
     * @param random source of the draws
     * @return the indices in the order drawn
     */
    static int[] indices(int population, int count, SplittableRandom random) {
        int[] order = new int[population];
        for (int i = 0; i < population; i++) {
            order[i] = i;
        }
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(population - i);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        int[] drawn = new int[count];
        System.arraycopy(order, 0, drawn, 0, count);
        return drawn;
    }

    /**
     * Copies the given rows into a new row-major matrix.
     *
     * @param rows row-major source matrix
     * @param dimension values per row
     * @param indices rows to copy, in output order
     * @return row-major (indices.length, dimension)
     */
    static float[] copy(float[] rows, int dimension, int[] indices) {
        float[] copied = new float[indices.length * dimension];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(rows, indices[i] * dimension, copied, i * dimension, dimension);
        }
        return copied;
    }
}
