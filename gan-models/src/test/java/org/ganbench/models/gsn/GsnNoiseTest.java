package org.ganbench.models.gsn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GsnNoiseTest {

    private static final int SIZE = 20_000;

    private static GsnNoise noise(double saltAndPepper, double sigma, boolean noiselessFirstHidden,
            boolean inputSampling) {
        return new GsnNoise(new GsnConfig(List.of(4), 1, saltAndPepper, sigma, noiselessFirstHidden, inputSampling,
                0.25, 0.5, 0.995, 10, 1, 1, 1));
    }

    @Test
    void saltAndPepperReplacesConfiguredFraction() {
        Engine.getInstance().setRandomSeed(1);
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray halves = manager.full(new Shape(SIZE), 0.5f);
            float[] corrupted = noise(0.4, 2, true, true).saltAndPepper(halves).toFloatArray();
            int zeros = 0;
            int ones = 0;
            for (float value : corrupted) {
                zeros += value == 0f ? 1 : 0;
                ones += value == 1f ? 1 : 0;
            }

            assertEquals(0.4, (zeros + ones) / (double) SIZE, 0.02);
            assertEquals(0.5, ones / (double) (zeros + ones), 0.03);
        }
    }

    @Test
    void zeroSaltAndPepperKeepsValues() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray values = manager.arange(0f, 1f, 0.01f);

            assertArrayEquals(values.toFloatArray(), noise(0, 2, true, true).saltAndPepper(values).toFloatArray());
        }
    }

    @Test
    void visibleSamplingGivesBinaryValues() {
        Engine.getInstance().setRandomSeed(2);
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray means = manager.full(new Shape(SIZE), 0.3f);
            float[] sampled = noise(0, 2, true, true).corruptVisible(means).toFloatArray();
            double mean = 0;
            for (float value : sampled) {
                assertTrue(value == 0f || value == 1f, "sampled value " + value);
                mean += value / SIZE;
            }

            assertEquals(0.3, mean, 0.02);
        }
    }

    @Test
    void visibleMeansPassWithoutSampling() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray means = manager.full(new Shape(10), 0.3f);

            assertArrayEquals(means.toFloatArray(), noise(0, 2, true, false).corruptVisible(means).toFloatArray());
        }
    }

    @Test
    void firstHiddenLayerCanBeNoiseless() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray values = manager.zeros(new Shape(10));

            assertArrayEquals(new float[10], noise(0.4, 2, true, true).addHiddenNoise(values, 1).toFloatArray());
        }
    }

    @Test
    void hiddenNoiseHasConfiguredSpread() {
        Engine.getInstance().setRandomSeed(3);
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray values = manager.zeros(new Shape(SIZE));
            float[] noisy = noise(0.4, 2, true, true).addHiddenNoise(values, 2).toFloatArray();
            double sumOfSquares = 0;
            for (float value : noisy) {
                sumOfSquares += value * value;
            }

            assertEquals(2, Math.sqrt(sumOfSquares / SIZE), 0.05);
        }
    }
}
