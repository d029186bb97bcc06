package org.ganbench.models.dbn;

import org.ganbench.core.optim.LearningRateSchedule;
import org.ganbench.core.optim.MomentumSchedule;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Validation of the DBN settings records and of the trainer's input checks. */
class DbnConfigTest {

    @Test
    void profilesHaveTwoLayersOverPixels() {
        assertEquals(2, DbnConfig.quick().hiddenLayerSizes().size());
        assertEquals(2, DbnConfig.paper().hiddenLayerSizes().size());
    }

    @Test
    void paperTrainsLongerThanQuick() {
        assertTrue(DbnConfig.paper().layerTraining().epochs() > DbnConfig.quick().layerTraining().epochs());
    }

    @Test
    void configRejectsEmptyLayerList() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new DbnConfig("x", List.of(), training(1), new SamplingSchedule(1, 1, 1)));

        assertTrue(error.getMessage().contains("at least one hidden layer"), error.getMessage());
    }

    @Test
    void configRejectsZeroWidthLayer() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new DbnConfig("x", List.of(10, 0), training(1), new SamplingSchedule(1, 1, 1)));

        assertTrue(error.getMessage().contains("[10, 0]"), error.getMessage());
    }

    @Test
    void trainingRejectsZeroGibbsSteps() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new RbmTrainingConfig(1, 10, NegativePhase.PERSISTENT, 0,
                        new LearningRateSchedule(0.1, 1, 0.1), new MomentumSchedule(0.5, 0.5, 1, 1), 0, 0.01));

        assertTrue(error.getMessage().contains("got 0"), error.getMessage());
    }

    @Test
    void trainingRejectsNegativeWeightDecay() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new RbmTrainingConfig(1, 10, NegativePhase.PERSISTENT, 1,
                        new LearningRateSchedule(0.1, 1, 0.1), new MomentumSchedule(0.5, 0.5, 1, 1), -1, 0.01));

        assertTrue(error.getMessage().contains("-1.0"), error.getMessage());
    }

    @Test
    void scheduleRejectsZeroBurnIn() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new SamplingSchedule(10, 0, 1));

        assertTrue(error.getMessage().contains("Burn-in"), error.getMessage());
    }

    @Test
    void scheduleCountsStepsPerChain() {
        SamplingSchedule schedule = new SamplingSchedule(1000, 200, 20);

        // 10,000 samples from 1,000 chains: burn-in, then 9 more rounds 20 steps apart.
        assertEquals(200 + 9 * 20, schedule.stepsPerChain(10_000));
        assertEquals(200, schedule.stepsPerChain(10));
    }

    @Test
    void trainerRejectsPixelAboveOne() {
        float[] data = new float[4 * 20];
        data[45] = 1.5f;

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> DbnTrainer.train(data, 4, config(), 1, false));

        assertTrue(error.getMessage().contains("1.5 at row 11, column 1"), error.getMessage());
    }

    @Test
    void trainerRejectsNaNPixel() {
        float[] data = new float[4 * 20];
        data[0] = Float.NaN;

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> DbnTrainer.train(data, 4, config(), 1, false));

        assertTrue(error.getMessage().contains("NaN"), error.getMessage());
    }

    @Test
    void trainerRejectsLengthNotMultipleOfDimension() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> DbnTrainer.train(new float[81], 4, config(), 1, false));

        assertTrue(error.getMessage().contains("81"), error.getMessage());
    }

    private static DbnConfig config() {
        return new DbnConfig("test", List.of(3), training(1), new SamplingSchedule(2, 2, 1));
    }

    private static RbmTrainingConfig training(int epochs) {
        return new RbmTrainingConfig(epochs, 10, NegativePhase.PERSISTENT, 1, new LearningRateSchedule(0.1, 1, 0.1),
                new MomentumSchedule(0.5, 0.5, 1, 1), 0, 0.01);
    }
}
