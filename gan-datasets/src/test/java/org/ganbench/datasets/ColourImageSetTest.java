package org.ganbench.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Two images of 3 channels of 2x2 pixels, whose values encode image, channel, row and column. */
class ColourImageSetTest {

    private static final int CHANNELS = 3;
    private static final int ROWS = 2;
    private static final int COLS = 2;

    private static float value(int image, int channel, int row, int col) {
        return (image * 12 + channel * 4 + row * 2 + col) / 32f;
    }

    private static float[] planarPixels(int count) {
        float[] pixels = new float[count * CHANNELS * ROWS * COLS];
        int i = 0;
        for (int image = 0; image < count; image++) {
            for (int channel = 0; channel < CHANNELS; channel++) {
                for (int row = 0; row < ROWS; row++) {
                    for (int col = 0; col < COLS; col++) {
                        pixels[i++] = value(image, channel, row, col);
                    }
                }
            }
        }
        return pixels;
    }

    private static ColourImageSet twoImages() {
        return new ColourImageSet("colour", CHANNELS, ROWS, COLS, 2, planarPixels(2), new int[] {3, 7});
    }

    @Test
    void pixelReadsChannelPlanarLayout() {
        ColourImageSet set = twoImages();

        assertEquals(value(1, 2, 1, 0), set.pixel(1, 2, 1, 0));
        assertEquals(value(0, 1, 0, 1), set.pixel(0, 1, 0, 1));
        assertEquals(12, set.dimension());
    }

    @Test
    void imageReturnsOneImage() {
        ColourImageSet set = twoImages();

        float[] image = set.image(1);

        assertEquals(12, image.length);
        assertEquals(value(1, 0, 0, 0), image[0]);
        assertEquals(value(1, 2, 1, 1), image[11]);
    }

    @Test
    void constructorCopiesArrays() {
        float[] pixels = planarPixels(2);
        int[] labels = {3, 7};
        ColourImageSet set = new ColourImageSet("colour", CHANNELS, ROWS, COLS, 2, pixels, labels);

        pixels[0] = 1f;
        labels[0] = 9;
        set.pixels()[1] = 1f;

        assertEquals(value(0, 0, 0, 0), set.pixel(0, 0, 0, 0));
        assertEquals(value(0, 0, 0, 1), set.pixel(0, 0, 0, 1));
        assertEquals(3, set.label(0));
    }

    @Test
    void pixelBufferIsReadOnly() {
        assertTrue(twoImages().pixelBuffer().isReadOnly());
        assertEquals(24, twoImages().pixelBuffer().remaining());
    }

    @Test
    void sliceKeepsLabels() {
        ColourImageSet slice = twoImages().slice("second", 1, 2);

        assertEquals(1, slice.count());
        assertEquals(7, slice.label(0));
        assertArrayEquals(twoImages().image(1), slice.image(0));
    }

    @Test
    void equalsComparesContent() {
        assertEquals(twoImages(), twoImages());
        assertEquals(twoImages().hashCode(), twoImages().hashCode());
        assertNotEquals(twoImages(), twoImages().slice("colour", 0, 1));
    }

    @Test
    void wrongLengthRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new ColourImageSet("colour", CHANNELS, ROWS, COLS, 3, planarPixels(2), null));

        assertTrue(error.getMessage().contains("pixels has 24 values but 3 images of 3 channels of 2x2 need 36"),
                error.getMessage());
    }

    @Test
    void pixelOutsideUnitRangeRejected() {
        float[] pixels = planarPixels(2);
        pixels[5] = Float.NaN;

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new ColourImageSet("colour", CHANNELS, ROWS, COLS, 2, pixels, null));

        assertTrue(error.getMessage().contains("ColourImageSet colour: pixels[5] is NaN"), error.getMessage());
    }

    @Test
    void zeroChannelsRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new ColourImageSet("colour", 0, ROWS, COLS, 2, new float[0], null));

        assertEquals("ColourImageSet channels is 0, but it must be positive", error.getMessage());
    }

    @Test
    void labelCountMismatchRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new ColourImageSet("colour", CHANNELS, ROWS, COLS, 2, planarPixels(2), new int[] {1}));
    }

    @Test
    void unlabelledSetRejectsLabelQuery() {
        ColourImageSet set = new ColourImageSet("colour", CHANNELS, ROWS, COLS, 2, planarPixels(2), null);

        assertFalse(set.hasLabels());
        assertThrows(IllegalStateException.class, () -> set.label(0));
    }

    @Test
    void pixelIndexOutsideRangeRejected() {
        assertThrows(IndexOutOfBoundsException.class, () -> twoImages().pixel(0, 3, 0, 0));
    }
}
