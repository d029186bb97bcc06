package org.ganbench.models.cae;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChainStartPoolTest {

    private static final int DIMENSION = 3;

    /** Row r is (r, r, r). */
    private static float[] constantRows(int count) {
        float[] data = new float[count * DIMENSION];
        for (int i = 0; i < data.length; i++) {
            data[i] = i / DIMENSION;
        }
        return data;
    }

    @Test
    void picksAreTrainingRows() {
        ChainStartPool pool = ChainStartPool.draw(constantRows(50), DIMENSION, 10, 1);
        float[] starts = pool.pick(4, 2);

        assertEquals(10, pool.size());
        assertEquals(4 * DIMENSION, starts.length);
        for (int k = 0; k < 4; k++) {
            float[] row = Arrays.copyOfRange(starts, k * DIMENSION, (k + 1) * DIMENSION);
            assertEquals(row[0], row[1], Arrays.toString(row));
            assertEquals(row[0], row[2], Arrays.toString(row));
            assertTrue(row[0] >= 0, Arrays.toString(row));
            assertTrue(row[0] < 50, Arrays.toString(row));
        }
    }

    @Test
    void sameSeedGivesSamePicks() {
        ChainStartPool pool = ChainStartPool.draw(constantRows(50), DIMENSION, 10, 1);

        assertArrayEquals(pool.pick(5, 3), pool.pick(5, 3));
    }

    @Test
    void zeroChainsAreRejected() {
        ChainStartPool pool = ChainStartPool.draw(constantRows(5), DIMENSION, 2, 1);

        assertThrows(IllegalArgumentException.class, () -> pool.pick(0, 1));
    }
}
