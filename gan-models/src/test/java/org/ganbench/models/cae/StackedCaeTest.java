package org.ganbench.models.cae;

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

class StackedCaeTest {

    private static final int DIMENSION = 16;
    private static final int EPOCHS = 6;

    private static StackedCae model;

    private static CaeConfig tinyConfig(int chains) {
        return new CaeConfig(List.of(10, 6), 0.1, 0.05, 0.5, 10, EPOCHS, 1.0, chains, 3);
    }

    @BeforeAll
    static void trainTinyStack() {
        float[] pixels = SyntheticImages.prototypes(300, DIMENSION, 4, 1);
        model = StackedCae.train(pixels, DIMENSION, tinyConfig(2), false);
    }

    @AfterAll
    static void closeModel() {
        model.close();
    }

    @Test
    void reconstructionFallsInEveryLayer() {
        for (int layer = 1; layer <= 2; layer++) {
            int current = layer;
            List<CaeEpochMetrics> epochs = model.history().stream().filter(m -> m.layer() == current).toList();
            double first = epochs.get(0).reconstructionCrossEntropy();
            double last = epochs.get(epochs.size() - 1).reconstructionCrossEntropy();

            assertEquals(EPOCHS, epochs.size(), "epochs of layer " + layer);
            assertTrue(last < first, "layer " + layer + " reconstruction went from " + first + " to " + last);
        }
    }

    @Test
    void samplesHaveDataShapeAndRange() {
        float[] samples = model.sample(25, 7);

        assertEquals(25 * DIMENSION, samples.length);
        for (float value : samples) {
            assertTrue(Float.isFinite(value), "sample value " + value);
            assertTrue(value >= 0, "sample value " + value);
            assertTrue(value <= 1, "sample value " + value);
        }
    }

    @Test
    void sameSeedGivesSameSamples() {
        assertArrayEquals(model.sample(9, 11), model.sample(9, 11));
    }

    @Test
    void differentSeedsGiveDifferentSamples() {
        assertFalse(Arrays.equals(model.sample(9, 11), model.sample(9, 12)));
    }

    @Test
    void chainMovesBetweenSteps() {
        // Two chains: rows 0 and 2 are steps 1 and 2 of the same chain.
        float[] samples = model.sample(4, 5);
        float[] firstStep = Arrays.copyOfRange(samples, 0, DIMENSION);
        float[] secondStep = Arrays.copyOfRange(samples, 2 * DIMENSION, 3 * DIMENSION);

        assertFalse(Arrays.equals(firstStep, secondStep));
    }

    @Test
    void sampleRejectsZeroCount() {
        assertThrows(IllegalArgumentException.class, () -> model.sample(0, 1));
    }

    @Test
    void descriptionNamesSettingsAndSources() {
        Map<String, Object> description = model.description();

        assertEquals(StackedCae.NAME, description.get("model"));
        assertEquals(List.of(10, 6), description.get("hiddenSizes"));
        assertEquals(300, description.get("trainingExamples"));
        assertTrue(String.valueOf(description.get("trainingSource")).startsWith("chosen"));
    }

    @Test
    void trainingRejectsTooFewImages() {
        float[] pixels = SyntheticImages.prototypes(5, DIMENSION, 2, 1);

        assertThrows(IllegalArgumentException.class, () -> StackedCae.train(pixels, DIMENSION, tinyConfig(1), false));
    }

    @Test
    void trainingRejectsPartialRows() {
        assertThrows(IllegalArgumentException.class,
                () -> StackedCae.train(new float[DIMENSION * 20 + 3], DIMENSION, tinyConfig(1), false));
    }
}
