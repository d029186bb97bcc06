package org.ganbench.core;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ShuffledMinibatchesTest {

    /** Row r of the data is (r, -r), so each row's index can be read back from a minibatch. */
    private static float[] indexedRows(int count) {
        float[] data = new float[count * 2];
        for (int r = 0; r < count; r++) {
            data[2 * r] = r;
            data[2 * r + 1] = -r;
        }
        return data;
    }

    private static List<Integer> visitedRows(ShuffledMinibatches minibatches) {
        List<Integer> rows = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager()) {
            while (minibatches.hasNext()) {
                float[] values = minibatches.next(manager).toFloatArray();
                for (int i = 0; i < values.length; i += 2) {
                    rows.add((int) values[i]);
                }
            }
        }
        return rows;
    }

    @Test
    void epochVisitsEachRowOnce() {
        List<Integer> rows = visitedRows(ShuffledMinibatches.forEpoch(indexedRows(30), 2, 10, 1, 1));
        Set<Integer> distinct = new HashSet<>(rows);

        assertEquals(30, rows.size());
        assertEquals(30, distinct.size());
    }

    @Test
    void partialMinibatchIsDropped() {
        ShuffledMinibatches minibatches = ShuffledMinibatches.forEpoch(indexedRows(25), 2, 10, 1, 1);

        assertEquals(2, minibatches.minibatchCount());
        assertEquals(20, visitedRows(minibatches).size());
    }

    @Test
    void sameSeedAndEpochGiveSameOrder() {
        assertEquals(visitedRows(ShuffledMinibatches.forEpoch(indexedRows(30), 2, 5, 4, 2)),
                visitedRows(ShuffledMinibatches.forEpoch(indexedRows(30), 2, 5, 4, 2)));
    }

    @Test
    void epochsGetDifferentOrders() {
        assertNotEquals(visitedRows(ShuffledMinibatches.forEpoch(indexedRows(30), 2, 5, 4, 1)),
                visitedRows(ShuffledMinibatches.forEpoch(indexedRows(30), 2, 5, 4, 2)));
    }

    @Test
    void minibatchHasBatchShape() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray minibatch = ShuffledMinibatches.forEpoch(indexedRows(30), 2, 10, 1, 1).next(manager);

            assertEquals(new Shape(10, 2), minibatch.getShape());
        }
    }

    @Test
    void nextAfterLastMinibatchThrows() {
        ShuffledMinibatches minibatches = ShuffledMinibatches.forEpoch(indexedRows(10), 2, 10, 1, 1);
        visitedRows(minibatches);

        assertFalse(minibatches.hasNext());
        try (NDManager manager = NDManager.newBaseManager()) {
            assertThrows(NoSuchElementException.class, () -> minibatches.next(manager));
        }
    }

    @Test
    void oversizedMinibatchIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> ShuffledMinibatches.forEpoch(indexedRows(5), 2, 10, 1, 1));
    }

    @Test
    void partialRowsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> ShuffledMinibatches.rowCount(new float[7], 2));
    }
}
