package org.ganbench.models.gsn;

import ai.djl.ndarray.NDManager;
import org.ganbench.models.cae.SyntheticImages;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GsnTrainerTest {

    private static final int DIMENSION = 16;

    @Test
    void trainingLowersWalkbackCost() {
        float[] pixels = SyntheticImages.prototypes(400, DIMENSION, 4, 2);
        GsnConfig config = GsnTest.tinyConfig(8, 1, 3);

        try (NDManager manager = NDManager.newBaseManager()) {
            GsnNetwork network = GsnNetwork.initialize(manager, DIMENSION, config.hiddenSizes(), new SplittableRandom(1));
            try (GsnTrainer trainer = new GsnTrainer(network, config, manager)) {
                double before = trainer.walkbackCost(pixels, 9);
                for (int epoch = 1; epoch <= config.epochs(); epoch++) {
                    trainer.trainEpoch(pixels, epoch, () -> { });
                }
                double after = trainer.walkbackCost(pixels, 9);

                assertTrue(after < 0.9 * before, "walkback cost went from " + before + " to " + after);
            }
        }
    }

    @Test
    void evaluationWithSameSeedIsRepeatable() {
        float[] pixels = SyntheticImages.prototypes(100, DIMENSION, 4, 2);
        GsnConfig config = GsnTest.tinyConfig(1, 1, 3);

        try (NDManager manager = NDManager.newBaseManager();
             GsnTrainer trainer = new GsnTrainer(
                     GsnNetwork.initialize(manager, DIMENSION, config.hiddenSizes(), new SplittableRandom(1)),
                     config, manager)) {
            assertEquals(trainer.walkbackCost(pixels, 4), trainer.walkbackCost(pixels, 4));
        }
    }

    @Test
    void epochCountsEveryMinibatch() {
        float[] pixels = SyntheticImages.prototypes(100, DIMENSION, 4, 2);
        GsnConfig config = GsnTest.tinyConfig(1, 1, 3);
        int[] calls = new int[1];

        try (NDManager manager = NDManager.newBaseManager();
             GsnTrainer trainer = new GsnTrainer(
                     GsnNetwork.initialize(manager, DIMENSION, config.hiddenSizes(), new SplittableRandom(1)),
                     config, manager)) {
            GsnEpochMetrics metrics = trainer.trainEpoch(pixels, 1, () -> calls[0]++);

            assertEquals(5, calls[0]);
            assertEquals(1, metrics.epoch());
            assertTrue(metrics.finalStepCrossEntropy() < metrics.walkbackCost(),
                    "one step's cost " + metrics.finalStepCrossEntropy() + " exceeds the sum "
                            + metrics.walkbackCost());
        }
    }
}
