package org.ganbench.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RowLogSumExpsTest {

    private static final double[] INVERSE_VARIANCES = {4.0, 0.25};

    @Test
    void mergedTilesEqualOneTile() {
        float[] row = {0.5f, -2f, 3f, 1f, -0.25f, 2.5f};
        BlockKernelSums whole = tileOf(row, 0, row.length);

        // The later tile contains the row's maximum, so the first tile's sums must be scaled down.
        RowLogSumExps merged = new RowLogSumExps(1, INVERSE_VARIANCES);
        merged.add(tileOf(row, 0, 2));
        merged.add(tileOf(row, 2, 4));
        merged.add(tileOf(row, 4, 6));

        BlockKernelSums result = merged.result();
        assertEquals(3f, result.rowMaxima()[0]);
        for (int k = 0; k < INVERSE_VARIANCES.length; k++) {
            assertEquals(whole.kernelSums()[k][0], result.kernelSums()[k][0], 1e-12, "1/sigma^2 " + INVERSE_VARIANCES[k]);
        }
    }

    @Test
    void tileFarBelowTheMaximumAddsNothing() {
        double[] inverseVariances = {1e4};
        RowLogSumExps merged = new RowLogSumExps(1, inverseVariances);
        merged.add(tileOf(new float[] {5f}, 0, 1, inverseVariances));
        merged.add(tileOf(new float[] {-5f}, 0, 1, inverseVariances));

        assertEquals(1.0, merged.result().kernelSums()[0][0], 0.0);
    }

    @Test
    void resultBeforeAnyTileRejected() {
        RowLogSumExps merged = new RowLogSumExps(2, INVERSE_VARIANCES);

        IllegalStateException error = assertThrows(IllegalStateException.class, merged::result);
        assertEquals("no score tile was added. Add at least one tile before reading the sums", error.getMessage());
    }

    /** Builds the row maximum and exact sums of {@code row[from .. to - 1]}, as one tile of a one-row block. */
    private static BlockKernelSums tileOf(float[] row, int from, int to) {
        return tileOf(row, from, to, INVERSE_VARIANCES);
    }

    private static BlockKernelSums tileOf(float[] row, int from, int to, double[] inverseVariances) {
        float[] part = Arrays.copyOfRange(row, from, to);
        float maximum = Float.NEGATIVE_INFINITY;
        for (float score : part) {
            maximum = Math.max(maximum, score);
        }

        double[][] sums = new double[inverseVariances.length][1];
        for (int k = 0; k < inverseVariances.length; k++) {
            for (float score : part) {
                sums[k][0] += Math.exp((score - maximum) * inverseVariances[k]);
            }
        }
        return new BlockKernelSums(new float[] {maximum}, sums);
    }
}
