package org.ganbench.models.dbn;

import org.ganbench.core.optim.LearningRateSchedule;
import org.ganbench.core.optim.MomentumSchedule;
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

/**
 * Trains one 16-12-8 DBN on noisy copies of 4 random prototypes and checks its samples and its
 * description.
 */
class DeepBeliefNetTest {

    private static final int PIXELS = 16;
    private static final int EPOCHS = 10;
    private static final SyntheticPatterns PATTERNS = SyntheticPatterns.generate(4, PIXELS, 1000, 0.05, 21);

    private static DeepBeliefNet dbn;

    @BeforeAll
    static void trainDbn() {
        RbmTrainingConfig training = new RbmTrainingConfig(EPOCHS, 50, NegativePhase.CONTRASTIVE_DIVERGENCE, 1,
                new LearningRateSchedule(0.1, 1.0, 0.1), new MomentumSchedule(0.5, 0.9, 1, 5), 1e-4, 0.01);
        // 10 chains so that a request of 37 samples needs 4 rounds, the last one partial.
        DbnConfig config = new DbnConfig("test", List.of(12, 8), training, new SamplingSchedule(10, 100, 10));
        dbn = DbnTrainer.train(PATTERNS.examples(), PIXELS, config, 5, false);
    }

    @AfterAll
    static void closeDbn() {
        dbn.close();
    }

    @Test
    void samplesHaveRequestedShape() {
        assertEquals(37 * PIXELS, dbn.sample(37, 1).length);
    }

    @Test
    void singleSampleHasOneRow() {
        assertEquals(PIXELS, dbn.sample(1, 1).length);
    }

    @Test
    void samplesLieInUnitInterval() {
        for (float value : dbn.sample(200, 2)) {
            assertTrue(value >= 0f, "sample value " + value);
            assertTrue(value <= 1f, "sample value " + value);
        }
    }

    @Test
    void sameSeedGivesSameSamples() {
        assertArrayEquals(dbn.sample(50, 3), dbn.sample(50, 3));
    }

    @Test
    void differentSeedGivesDifferentSamples() {
        assertFalse(Arrays.equals(dbn.sample(50, 3), dbn.sample(50, 4)));
    }

    @Test
    void samplesResemblePrototypes() {
        int count = 200;
        float[] samples = dbn.sample(count, 6);

        // A uniformly random 16-pixel pattern is about 5 pixels from the nearest of 4 random
        // prototypes. Copies with 5% flips are under 1 pixel away on average.
        double meanDistance = 0;
        for (int row = 0; row < count; row++) {
            meanDistance += PATTERNS.distanceToNearestPrototype(samples, row);
        }
        meanDistance /= count;
        assertTrue(meanDistance < 1.0, "mean distance to the nearest prototype " + meanDistance);
    }

    @Test
    void samplesCoverEveryPrototype() {
        int count = 200;
        float[] samples = dbn.sample(count, 7);

        int[] hits = new int[PATTERNS.prototypeCount()];
        for (int row = 0; row < count; row++) {
            hits[PATTERNS.nearestPrototype(samples, row)]++;
        }
        for (int prototype = 0; prototype < hits.length; prototype++) {
            assertTrue(hits[prototype] >= count / 20, "prototype " + prototype + " nearest to " + hits[prototype]
                    + " of " + count + " samples, counts " + Arrays.toString(hits));
        }
    }

    @Test
    void sampleRejectsZeroCount() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> dbn.sample(0, 1));

        assertTrue(error.getMessage().contains("got 0"), error.getMessage());
    }

    @Test
    void modelReportsNameAndDimension() {
        assertEquals("DBN", dbn.name());
        assertEquals(PIXELS, dbn.dataDimension());
    }

    @Test
    void historyHasEveryEpochOfEveryLayer() {
        assertEquals(2 * EPOCHS, dbn.trainingHistory().size());
        assertEquals(2, dbn.trainingHistory().get(EPOCHS).layer());
    }

    @Test
    void descriptionListsUnitsAndSources() {
        Map<String, Object> description = dbn.description();

        assertEquals(List.of(16, 12, 8), description.get("units"));
        assertTrue(description.containsKey("settingSources"), description.keySet().toString());
        assertTrue(description.containsKey("sampling"), description.keySet().toString());
    }
}
