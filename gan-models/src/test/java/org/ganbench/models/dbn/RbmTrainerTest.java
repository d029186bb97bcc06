package org.ganbench.models.dbn;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.ganbench.core.optim.LearningRateSchedule;
import org.ganbench.core.optim.MomentumSchedule;
import org.ganbench.models.PixelMarginals;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Trains small RBMs on 500 noisy copies of 4 random 16-pixel prototypes. */
class RbmTrainerTest {

    private static final int PIXELS = 16;
    private static final SyntheticPatterns PATTERNS = SyntheticPatterns.generate(4, PIXELS, 500, 0.05, 3);

    @Test
    void cdReconstructionErrorHalves() {
        RbmTrainingConfig cd = new RbmTrainingConfig(15, 50, NegativePhase.CONTRASTIVE_DIVERGENCE, 1,
                new LearningRateSchedule(0.1, 1.0, 0.1), new MomentumSchedule(0.5, 0.9, 1, 5), 1e-4, 0.01);

        assertReconstructionErrorFalls(cd, 0.5);
    }

    @Test
    void persistentCdReconstructionErrorFalls() {
        // Persistent chains do not restart at the data, so reconstruction falls more slowly and
        // less steadily than with CD; a smaller momentum keeps the chains close to the model.
        RbmTrainingConfig persistent = new RbmTrainingConfig(15, 50, NegativePhase.PERSISTENT, 1,
                new LearningRateSchedule(0.2, 1.0, 0.2), new MomentumSchedule(0.5, 0.5, 1, 1), 1e-4, 0.01);

        assertReconstructionErrorFalls(persistent, 0.75);
    }

    @Test
    void trainingIsReproducible() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Rbm first = newRbm(manager);
            Rbm second = newRbm(manager);
            RbmTrainer trainer = new RbmTrainer(config(NegativePhase.PERSISTENT, 3));

            trainer.train(first, PATTERNS.examples(), 1, 9, () -> { });
            trainer.train(second, PATTERNS.examples(), 1, 9, () -> { });

            assertArrayEquals(first.weights().toFloatArray(), second.weights().toFloatArray());
        }
    }

    @Test
    void progressCallbackRunsOncePerMinibatch() {
        try (NDManager manager = NDManager.newBaseManager()) {
            int[] calls = {0};
            new RbmTrainer(config(NegativePhase.CONTRASTIVE_DIVERGENCE, 2))
                    .train(newRbm(manager), PATTERNS.examples(), 1, 9, () -> calls[0]++);

            // 500 examples in minibatches of 50 give 10 updates per epoch.
            assertEquals(2 * 10, calls[0]);
        }
    }

    @Test
    void trainerRejectsDataOfWrongWidth() {
        try (NDManager manager = NDManager.newBaseManager()) {
            RbmTrainer trainer = new RbmTrainer(config(NegativePhase.CONTRASTIVE_DIVERGENCE, 1));
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> trainer.train(newRbm(manager), new float[1501], 1, 9, () -> { }));

            assertTrue(error.getMessage().contains("1501"), error.getMessage());
        }
    }

    @Test
    void trainerRejectsFewerRowsThanOneMinibatch() {
        try (NDManager manager = NDManager.newBaseManager()) {
            RbmTrainer trainer = new RbmTrainer(config(NegativePhase.CONTRASTIVE_DIVERGENCE, 1));

            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> trainer.train(newRbm(manager), new float[PIXELS * 49], 1, 9, () -> { }));

            assertTrue(error.getMessage().contains("49 examples"), error.getMessage());
        }
    }

    @Test
    void trainerReportsDivergence() {
        try (NDManager manager = NDManager.newBaseManager()) {
            // One NaN weight makes every reconstruction NaN, as a diverged update would.
            float[] weights = new float[8 * PIXELS];
            weights[5] = Float.NaN;
            Rbm broken = Rbm.of(manager, weights, new float[PIXELS], new float[8]);
            RbmTrainer trainer = new RbmTrainer(config(NegativePhase.CONTRASTIVE_DIVERGENCE, 1));

            IllegalStateException error = assertThrows(IllegalStateException.class,
                    () -> trainer.train(broken, PATTERNS.examples(), 1, 9, () -> { }));

            assertTrue(error.getMessage().contains("diverged in epoch 1"), error.getMessage());
        }
    }

    private static void assertReconstructionErrorFalls(RbmTrainingConfig config, double maximumRatio) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Rbm rbm = newRbm(manager);
            float initialError = rbm.reconstructionError(manager.create(PATTERNS.examples(), new Shape(500, PIXELS)));

            List<RbmEpochMetrics> history = new RbmTrainer(config).train(rbm, PATTERNS.examples(), 1, 7, () -> { });
            float finalError = rbm.reconstructionError(manager.create(PATTERNS.examples(), new Shape(500, PIXELS)));

            // Independent pixels with the data's means reconstruct 4 balanced prototypes with an
            // error near 16 x 0.25 = 4; a model of the prototypes gets close to the 5% flip noise.
            RbmEpochMetrics first = history.get(0);
            RbmEpochMetrics last = history.get(history.size() - 1);
            assertTrue(last.reconstructionError() < maximumRatio * first.reconstructionError(),
                    "last epoch " + last + " vs first " + first);
            assertTrue(finalError < maximumRatio * initialError, "error " + initialError + " -> " + finalError);
        }
    }

    private static Rbm newRbm(NDManager manager) {
        float[] visibleBias = PixelMarginals.logitOfMean(PATTERNS.examples(), PIXELS);
        return Rbm.initialize(manager, visibleBias, 8, 0.01, 1);
    }

    private static RbmTrainingConfig config(NegativePhase negativePhase, int epochs) {
        return new RbmTrainingConfig(epochs, 50, negativePhase, 1, new LearningRateSchedule(0.1, 1.0, 0.1),
                new MomentumSchedule(0.5, 0.9, 1, 5), 1e-4, 0.01);
    }
}
