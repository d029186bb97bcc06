package org.ganbench.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PointSetTest {

    @Test
    void nanRejectedWithPosition() {
        float[] values = {0f, 1f, 2f, 3f, Float.NaN, 5f};

        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> new PointSet(values, 2, 3));

        assertTrue(error.getMessage().contains("NaN at point 1, feature 1"), error.getMessage());
    }

    @Test
    void infinityRejected() {
        float[] values = {Float.NEGATIVE_INFINITY, 1f};

        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> new PointSet(values, 1, 2));

        assertTrue(error.getMessage().contains("-Infinity at point 0, feature 0"), error.getMessage());
    }

    @Test
    void emptySetRejected() {
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> new PointSet(new float[0], 0, 784));

        assertTrue(error.getMessage().contains("point count 0"), error.getMessage());
    }

    @Test
    void zeroDimensionRejected() {
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> new PointSet(new float[0], 3, 0));

        assertTrue(error.getMessage().contains("dimension 0"), error.getMessage());
    }

    @Test
    void lengthMismatchRejected() {
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> new PointSet(new float[10], 3, 3));

        assertTrue(error.getMessage().contains("length 10"), error.getMessage());
        assertTrue(error.getMessage().contains("3 x 3 = 9"), error.getMessage());
    }

    @Test
    void overflowingShapeRejected() {
        IllegalArgumentException error = assertThrows(
                IllegalArgumentException.class, () -> new PointSet(new float[4], 65_536, 65_536));

        assertTrue(error.getMessage().contains("= 4294967296"), error.getMessage());
    }

    @Test
    void ofCopiesRows() {
        float[][] rows = {{1f, 2f}, {3f, 4f}, {5f, 6f}};

        PointSet points = PointSet.of(rows);
        rows[0][0] = 100f;

        assertEquals(3, points.count());
        assertEquals(2, points.dimension());
        assertArrayEquals(new float[] {1f, 2f, 3f, 4f, 5f, 6f}, points.values());
    }

    @Test
    void ofRaggedRowsRejected() {
        float[][] rows = {{1f, 2f}, {3f}};

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> PointSet.of(rows));

        assertTrue(error.getMessage().contains("point 1 has 1 features"), error.getMessage());
    }

    @Test
    void firstCopiesLeadingPoints() {
        PointSet points = new PointSet(new float[] {1f, 2f, 3f, 4f, 5f, 6f}, 3, 2);

        PointSet leading = points.first(2);

        assertEquals(2, leading.count());
        assertArrayEquals(new float[] {1f, 2f, 3f, 4f}, leading.values());
        assertNotSame(points.values(), leading.values());
    }

    @Test
    void firstBeyondCountRejected() {
        PointSet points = new PointSet(new float[6], 3, 2);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> points.first(4));

        assertTrue(error.getMessage().contains("first 4 points of a set of 3"), error.getMessage());
    }

    @Test
    void equalityComparesValues() {
        PointSet a = new PointSet(new float[] {1f, 2f}, 1, 2);
        PointSet b = new PointSet(new float[] {1f, 2f}, 1, 2);
        PointSet transposed = new PointSet(new float[] {1f, 2f}, 2, 1);

        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertTrue(!a.equals(transposed), "same values in another shape must differ");
    }
}
