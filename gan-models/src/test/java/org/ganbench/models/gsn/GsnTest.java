package org.ganbench.models.gsn;

import org.ganbench.models.cae.SyntheticImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GsnTest {

    private static final int DIMENSION = 16;

    private static float[] pixels;
    private static Gsn model;

    static GsnConfig tinyConfig(int epochs, int chains, long seed) {
        return new GsnConfig(List.of(12, 10), 3, 0.4, 2.0, true, true, 0.25, 0.5, 0.995, 20, epochs, chains, seed);
    }

    @BeforeAll
    static void trainTinyGsn() {
        pixels = SyntheticImages.prototypes(200, DIMENSION, 4, 1);
        model = Gsn.train(pixels, DIMENSION, tinyConfig(2, 3, 5), false);
    }

    @AfterAll
    static void closeModel() {
        model.close();
    }

    @Test
    void samplesHaveDataShapeAndRange() {
        float[] samples = model.sample(31, 7);

        assertEquals(31 * DIMENSION, samples.length);
        for (float value : samples) {
            assertTrue(Float.isFinite(value), "sample value " + value);
            assertTrue(value >= 0, "sample value " + value);
            assertTrue(value <= 1, "sample value " + value);
        }
    }

    @Test
    void sameSeedGivesSameSamples() {
        assertArrayEquals(model.sample(20, 11), model.sample(20, 11));
    }

    @Test
    void differentSeedsGiveDifferentSamples() {
        assertFalse(Arrays.equals(model.sample(20, 11), model.sample(20, 12)));
    }

    @Test
    void sameSeedGivesSameTraining() {
        try (Gsn again = Gsn.train(pixels, DIMENSION, tinyConfig(2, 3, 5), false)) {
            assertEquals(model.history().stream().map(GsnEpochMetrics::walkbackCost).toList(),
                    again.history().stream().map(GsnEpochMetrics::walkbackCost).toList());
            assertArrayEquals(model.sample(10, 3), again.sample(10, 3));
        }
    }

    @Test
    void learningRateIsAnnealedPerEpoch() {
        assertEquals(0.25, model.history().get(0).learningRate(), 1e-12);
        assertEquals(0.25 * 0.995, model.history().get(1).learningRate(), 1e-12);
    }

    @Test
    void sampleRejectsZeroCount() {
        assertThrows(IllegalArgumentException.class, () -> model.sample(0, 1));
    }

    @Test
    void descriptionNamesSettingsAndSources() {
        Map<String, Object> description = model.description();

        assertEquals(Gsn.NAME, description.get("model"));
        assertEquals(List.of(12, 10), description.get("hiddenSizes"));
        assertEquals(3, description.get("walkbackSteps"));
        assertTrue(String.valueOf(description.get("hiddenSizesSource")).startsWith("chosen"));
    }

    @Test
    void trainingRejectsTooFewImages() {
        float[] few = SyntheticImages.prototypes(10, DIMENSION, 2, 1);

        assertThrows(IllegalArgumentException.class, () -> Gsn.train(few, DIMENSION, tinyConfig(1, 1, 1), false));
    }
}
