package org.ganbench.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.FloatBuffer;
import java.nio.ReadOnlyBufferException;
import org.junit.jupiter.api.Test;

class ImageSetTest {

    /** Three 1x2 images whose pixels are 0.0, 0.1, ..., 0.5, labelled 7, 8, 9. */
    private static ImageSet threeImages() {
        return new ImageSet("three", 1, 2, 3, new float[] {0f, 0.1f, 0.2f, 0.3f, 0.4f, 0.5f}, new int[] {7, 8, 9});
    }

    @Test
    void dimensionIsRowsTimesCols() {
        ImageSet set = new ImageSet("one", 2, 3, 1, new float[6], null);

        assertEquals(6, set.dimension());
    }

    @Test
    void imageReturnsOneRow() {
        assertArrayEquals(new float[] {0.2f, 0.3f}, threeImages().image(1));
    }

    @Test
    void imageIndexOutOfRangeRejected() {
        ImageSet set = threeImages();

        assertThrows(IndexOutOfBoundsException.class, () -> set.image(3));
        assertThrows(IndexOutOfBoundsException.class, () -> set.image(-1));
    }

    @Test
    void sliceCopiesPixelsAndLabels() {
        ImageSet slice = threeImages().slice("tail", 1, 3);

        assertEquals("tail", slice.name());
        assertEquals(2, slice.count());
        assertArrayEquals(new float[] {0.2f, 0.3f, 0.4f, 0.5f}, slice.pixels());
        assertArrayEquals(new int[] {8, 9}, slice.labels());
    }

    @Test
    void sliceWithoutLabelsStaysUnlabelled() {
        ImageSet set = new ImageSet("plain", 1, 1, 2, new float[] {0f, 1f}, null);

        assertNull(set.slice("first", 0, 1).labels());
    }

    @Test
    void sliceInvalidRangeRejected() {
        ImageSet set = threeImages();

        assertThrows(IllegalArgumentException.class, () -> set.slice("empty", 1, 1));
        assertThrows(IllegalArgumentException.class, () -> set.slice("reversed", 2, 1));
        assertThrows(IllegalArgumentException.class, () -> set.slice("negative", -1, 2));
        IllegalArgumentException pastEnd = assertThrows(IllegalArgumentException.class,
                () -> set.slice("past-end", 0, 4));
        assertTrue(pastEnd.getMessage().contains("invalid slice [0, 4) of 3 images"), pastEnd.getMessage());
    }

    @Test
    void constructorCopiesArrays() {
        float[] pixels = {0.5f};
        int[] labels = {3};
        ImageSet set = new ImageSet("copy", 1, 1, 1, pixels, labels);

        pixels[0] = 0.9f;
        labels[0] = 4;

        assertEquals(0.5f, set.image(0)[0]);
        assertEquals(3, set.label(0));
    }

    @Test
    void accessorsReturnCopies() {
        ImageSet set = threeImages();

        set.pixels()[0] = 0.9f;
        set.labels()[0] = 1;

        assertEquals(0f, set.image(0)[0]);
        assertEquals(7, set.label(0));
    }

    @Test
    void pixelBufferIsReadOnlyView() {
        FloatBuffer buffer = threeImages().pixelBuffer();

        assertEquals(6, buffer.remaining());
        assertEquals(0.5f, buffer.get(5));
        assertThrows(ReadOnlyBufferException.class, () -> buffer.put(0, 1f));
    }

    @Test
    void labelWithoutLabelsRejected() {
        ImageSet set = new ImageSet("plain", 1, 1, 1, new float[1], null);

        assertThrows(IllegalStateException.class, () -> set.label(0));
    }

    @Test
    void pixelCountMismatchRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new ImageSet("short", 2, 2, 2, new float[7], null));

        assertTrue(error.getMessage().contains("pixels has 7 values but 2 images of 2x2 need 8"), error.getMessage());
    }

    @Test
    void pixelOutsideUnitRangeRejected() {
        IllegalArgumentException above = assertThrows(IllegalArgumentException.class,
                () -> new ImageSet("bright", 1, 2, 1, new float[] {0f, 255f}, null));
        IllegalArgumentException below = assertThrows(IllegalArgumentException.class,
                () -> new ImageSet("dark", 1, 2, 1, new float[] {-0.1f, 0f}, null));

        assertTrue(above.getMessage().contains("pixels[1] is 255.0, outside [0, 1]"), above.getMessage());
        assertTrue(below.getMessage().contains("pixels[0] is -0.1"), below.getMessage());
    }

    @Test
    void nanPixelRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new ImageSet("nan", 1, 1, 1, new float[] {Float.NaN}, null));
    }

    @Test
    void invalidSizesRejected() {
        assertThrows(IllegalArgumentException.class, () -> new ImageSet("rows", 0, 1, 1, new float[0], null));
        assertThrows(IllegalArgumentException.class, () -> new ImageSet("cols", 1, -1, 1, new float[0], null));
        assertThrows(IllegalArgumentException.class, () -> new ImageSet("count", 1, 1, 0, new float[0], null));
        assertThrows(IllegalArgumentException.class, () -> new ImageSet(" ", 1, 1, 1, new float[1], null));
        assertThrows(NullPointerException.class, () -> new ImageSet("null", 1, 1, 1, null, null));
    }

    @Test
    void labelCountMismatchRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new ImageSet("labels", 1, 1, 2, new float[2], new int[] {1}));

        assertTrue(error.getMessage().contains("1 labels for 2 images"), error.getMessage());
    }

    @Test
    void negativeLabelRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new ImageSet("labels", 1, 1, 1, new float[1], new int[] {-1}));
    }

    @Test
    void equalityComparesContent() {
        assertEquals(threeImages(), threeImages());
        assertEquals(threeImages().hashCode(), threeImages().hashCode());
        assertNotEquals(threeImages(), threeImages().slice("three", 0, 2));
    }

    @Test
    void toStringOmitsPixels() {
        assertEquals("ImageSet[name=three, count=3, size=1x2, labels=yes]", threeImages().toString());
    }
}
