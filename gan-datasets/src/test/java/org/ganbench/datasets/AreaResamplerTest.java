package org.ganbench.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AreaResamplerTest {

    private static final float TOLERANCE = 1e-6f;

    @Test
    void halvingAveragesBlocks() {
        float[] source = {
            0.0f, 0.2f, 0.4f, 0.4f,
            0.2f, 0.2f, 0.4f, 0.4f,
            1.0f, 1.0f, 0.0f, 0.1f,
            1.0f, 0.6f, 0.3f, 0.0f,
        };

        float[] target = AreaResampler.resize(source, 4, 4, 2, 2);

        assertArrayEquals(new float[] {0.15f, 0.4f, 0.9f, 0.1f}, target, TOLERANCE);
    }

    @Test
    void fractionalFootprintWeighsOverlap() {
        // Three rows shrink to two: each target row covers 1.5 source rows, the middle row half for each.
        float[] source = {0.9f, 0.3f, 0.0f};

        float[] target = AreaResampler.resize(source, 3, 1, 2, 1);

        assertEquals((0.9f + 0.5f * 0.3f) / 1.5f, target[0], TOLERANCE);
        assertEquals((0.5f * 0.3f + 0.0f) / 1.5f, target[1], TOLERANCE);
    }

    @Test
    void constantImageStaysConstant() {
        float[] source = new float[112 * 92];
        Arrays.fill(source, 0.3f);

        float[] target = AreaResampler.resize(source, 112, 92, 48, 48);

        float[] expected = new float[48 * 48];
        Arrays.fill(expected, 0.3f);
        assertArrayEquals(expected, target, TOLERANCE);
    }

    @Test
    void shrinkingKeepsMean() {
        Random random = new Random(7);
        float[] source = new float[112 * 92];
        for (int i = 0; i < source.length; i++) {
            source[i] = random.nextFloat();
        }

        float[] target = AreaResampler.resize(source, 112, 92, 48, 48);

        assertEquals(mean(source), mean(target), 1e-5);
    }

    @Test
    void shrinkingSmoothsCheckerboard() {
        // Point sampling would return only 0 or 1 here. Area averaging returns the mean grey of the pattern.
        float[] source = new float[6 * 6];
        for (int i = 0; i < source.length; i++) {
            source[i] = (i / 6 + i % 6) % 2;
        }

        float[] target = AreaResampler.resize(source, 6, 6, 3, 3);

        for (float value : target) {
            assertEquals(0.5f, value, TOLERANCE);
        }
    }

    @Test
    void sameSizeIsIdentity() {
        float[] source = {0.1f, 0.7f, 0.25f, 1f, 0f, 0.5f};

        assertArrayEquals(source, AreaResampler.resize(source, 2, 3, 2, 3), TOLERANCE);
    }

    @Test
    void outputStaysInUnitRange() {
        float[] source = new float[7 * 5];
        Arrays.fill(source, 1f);

        for (float value : AreaResampler.resize(source, 7, 5, 3, 2)) {
            assertEquals(1f, value);
        }
    }

    @Test
    void wrongLengthRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> AreaResampler.resize(new float[5], 2, 3, 1, 1));

        assertEquals("A 2x3 image needs 6 values but 5 were passed.", error.getMessage());
    }

    @Test
    void zeroTargetRejected() {
        assertThrows(IllegalArgumentException.class, () -> AreaResampler.resize(new float[4], 2, 2, 0, 2));
    }

    private static double mean(float[] values) {
        double sum = 0;
        for (float value : values) {
            sum += value;
        }
        return sum / values.length;
    }
}
