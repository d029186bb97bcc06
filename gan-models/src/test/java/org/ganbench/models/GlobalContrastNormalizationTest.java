package org.ganbench.models;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GlobalContrastNormalizationTest {

    private static final int DIMENSION = 12;

    @Test
    void imagesGetZeroMeanAndNorm55() {
        float[] images = OneEpoch.uniformData(3, DIMENSION, 0, 1, 1);

        float[] normalized = GlobalContrastNormalization.normalize(images, DIMENSION, GlobalContrastNormalization.PAPER_SCALE);

        for (int image = 0; image < 3; image++) {
            double sum = 0;
            double squares = 0;
            for (int i = 0; i < DIMENSION; i++) {
                float value = normalized[image * DIMENSION + i];
                sum += value;
                squares += value * value;
            }
            assertEquals(0, sum, 1e-4, "mean of image " + image);
            assertEquals(55, Math.sqrt(squares), 1e-4, "norm of image " + image);
        }
    }

    @Test
    void pixelScaleDoesNotMatter() {
        float[] unit = OneEpoch.uniformData(2, DIMENSION, 0, 1, 2);
        float[] bytes = new float[unit.length];
        for (int i = 0; i < unit.length; i++) {
            bytes[i] = unit[i] * 255;
        }

        assertArrayEquals(GlobalContrastNormalization.normalize(unit, DIMENSION, 55),
                GlobalContrastNormalization.normalize(bytes, DIMENSION, 55), 1e-4f);
    }

    @Test
    void constantImageBecomesZero() {
        float[] grey = new float[DIMENSION];
        java.util.Arrays.fill(grey, 0.3f);

        float[] normalized = GlobalContrastNormalization.normalize(grey, DIMENSION, 55);

        assertArrayEquals(new float[DIMENSION], normalized, 1e-6f);
    }

    @Test
    void displayMapsLargestMagnitudeToEdge() {
        float[] image = {-2f, 1f, 0f, 0.5f};

        float[] display = GlobalContrastNormalization.toDisplayRange(image, 4);

        assertArrayEquals(new float[] {0f, 0.75f, 0.5f, 0.625f}, display, 1e-7f);
    }

    @Test
    void displayOfZeroImageIsGrey() {
        float[] display = GlobalContrastNormalization.toDisplayRange(new float[4], 4);

        assertArrayEquals(new float[] {0.5f, 0.5f, 0.5f, 0.5f}, display, 0f);
    }

    @Test
    void rejectsNaN() {
        float[] images = new float[2 * DIMENSION];
        images[DIMENSION + 3] = Float.NaN;

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> GlobalContrastNormalization.normalize(images, DIMENSION, 55));

        assertTrue(error.getMessage().contains("Image 1 has value NaN at index 3"), error.getMessage());
    }

    @Test
    void rejectsPartialImage() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> GlobalContrastNormalization.toDisplayRange(new float[DIMENSION + 1], DIMENSION));

        assertTrue(error.getMessage().contains("length 13"), error.getMessage());
    }

    @Test
    void rejectsNonPositiveScale() {
        float[] images = new float[DIMENSION];

        assertThrows(IllegalArgumentException.class, () -> GlobalContrastNormalization.normalize(images, DIMENSION, 0));
    }
}
