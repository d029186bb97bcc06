package org.ganbench.core;

import ai.djl.ndarray.NDArray;
import org.ganbench.core.optim.LearningRateSchedule;
import org.ganbench.core.optim.MomentumSchedule;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdversarialTrainerTest {

    private static final int DIMENSION = 12;

    /** Three iterations: 30 examples in minibatches of 10. */
    private static TrainingConfig threeSteps(long seed, UpdateMode mode) {
        return new TrainingConfig(1, 10, new LearningRateSchedule(0.1, 1.000004, 1e-6),
                new MomentumSchedule(0.5, 0.7, 1, 250), mode, 1, GeneratorObjective.NON_SATURATING, seed);
    }

    private record Run(EpochMetrics metrics, List<float[]> parameters) {
    }

    private static Run runThreeSteps(long dataSeed, long trainingSeed, UpdateMode mode) {
        float[] data = TinyPairs.uniformData(mode == UpdateMode.SIMULTANEOUS ? 30 : 60, DIMENSION, dataSeed);
        try (AdversarialPair pair = TinyPairs.imageLike(5, 16, DIMENSION, 11);
             AdversarialTrainer trainer = new AdversarialTrainer(pair, threeSteps(trainingSeed, mode))) {
            List<EpochMetrics> history = trainer.train(data, DIMENSION, new TrainingListener() { });
            List<float[]> parameters = new ArrayList<>();
            for (NDArray p : pair.generator().network().parameters()) {
                parameters.add(p.toFloatArray());
            }
            for (NDArray p : pair.discriminator().network().parameters()) {
                parameters.add(p.toFloatArray());
            }
            return new Run(history.get(0), parameters);
        }
    }

    @Test
    void sameSeedGivesSameLossesAndParameters() {
        Run first = runThreeSteps(1, 42, UpdateMode.SIMULTANEOUS);
        Run second = runThreeSteps(1, 42, UpdateMode.SIMULTANEOUS);

        assertEquals(3, first.metrics().iterations());
        assertEquals(first.metrics().discriminatorLoss(), second.metrics().discriminatorLoss());
        assertEquals(first.metrics().generatorLoss(), second.metrics().generatorLoss());
        assertEquals(first.metrics().meanDReal(), second.metrics().meanDReal());
        assertEquals(first.metrics().meanDFake(), second.metrics().meanDFake());
        for (int i = 0; i < first.parameters().size(); i++) {
            assertArrayEquals(first.parameters().get(i), second.parameters().get(i), "parameter " + i);
        }
    }

    @Test
    void alternatingModeIsDeterministicToo() {
        Run first = runThreeSteps(1, 42, UpdateMode.ALTERNATING);
        Run second = runThreeSteps(1, 42, UpdateMode.ALTERNATING);

        assertEquals(first.metrics().discriminatorLoss(), second.metrics().discriminatorLoss());
        assertEquals(first.metrics().generatorLoss(), second.metrics().generatorLoss());
    }

    @Test
    void differentSeedGivesDifferentLosses() {
        Run first = runThreeSteps(1, 42, UpdateMode.SIMULTANEOUS);
        Run other = runThreeSteps(1, 43, UpdateMode.SIMULTANEOUS);

        assertNotEquals(first.metrics().discriminatorLoss(), other.metrics().discriminatorLoss());
    }

    @Test
    void trainingChangesBothNetworks() {
        float[] data = TinyPairs.uniformData(30, DIMENSION, 1);
        try (AdversarialPair pair = TinyPairs.imageLike(5, 16, DIMENSION, 11);
             AdversarialTrainer trainer = new AdversarialTrainer(pair, threeSteps(42, UpdateMode.SIMULTANEOUS))) {
            float[] generatorBefore = pair.generator().network().parameters().get(0).toFloatArray();
            float[] discriminatorBefore = pair.discriminator().network().parameters().get(0).toFloatArray();

            trainer.train(data, DIMENSION, new TrainingListener() { });

            assertFalse(java.util.Arrays.equals(generatorBefore,
                    pair.generator().network().parameters().get(0).toFloatArray()));
            assertFalse(java.util.Arrays.equals(discriminatorBefore,
                    pair.discriminator().network().parameters().get(0).toFloatArray()));
            assertEquals(3, trainer.updatesDone());
        }
    }

    @Test
    void firstEpochMetricsAreSensible() {
        Run run = runThreeSteps(1, 42, UpdateMode.SIMULTANEOUS);

        // With near-zero initial weights D outputs about 0.5, so both losses start near log 2.
        assertEquals(Math.log(2), run.metrics().discriminatorLoss(), 0.1);
        assertEquals(Math.log(2), run.metrics().generatorLoss(), 0.1);
        assertTrue(run.metrics().meanDReal() > 0 && run.metrics().meanDReal() < 1);
        assertEquals(0.5, run.metrics().momentum());
    }

    @Test
    void nanInDataStopsWithEpochAndIteration() {
        float[] data = TinyPairs.uniformData(30, DIMENSION, 1);
        data[5] = Float.NaN;
        try (AdversarialPair pair = TinyPairs.imageLike(5, 16, DIMENSION, 11);
             AdversarialTrainer trainer = new AdversarialTrainer(pair, threeSteps(42, UpdateMode.SIMULTANEOUS))) {
            TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                    () -> trainer.train(data, DIMENSION, new TrainingListener() { }));

            assertEquals(1, e.epoch());
            assertTrue(e.getMessage().contains("epoch 1"), e.getMessage());
        }
    }

    @Test
    void wrongDimensionIsRejected() {
        float[] data = TinyPairs.uniformData(30, DIMENSION + 1, 1);
        try (AdversarialPair pair = TinyPairs.imageLike(5, 16, DIMENSION, 11);
             AdversarialTrainer trainer = new AdversarialTrainer(pair, threeSteps(42, UpdateMode.SIMULTANEOUS))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> trainer.train(data, DIMENSION + 1, new TrainingListener() { }));

            assertTrue(e.getMessage().contains("13"), e.getMessage());
        }
    }

    @Test
    void tooFewExamplesForOneMinibatchAreRejected() {
        float[] data = TinyPairs.uniformData(5, DIMENSION, 1);
        try (AdversarialPair pair = TinyPairs.imageLike(5, 16, DIMENSION, 11);
             AdversarialTrainer trainer = new AdversarialTrainer(pair, threeSteps(42, UpdateMode.SIMULTANEOUS))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> trainer.train(data, DIMENSION, new TrainingListener() { }));

            assertTrue(e.getMessage().contains("5 examples"), e.getMessage());
        }
    }

    @Test
    void onePassOfDOnSamplesMatchesTwoPasses() {
        // The ratio must turn D's gradient at G(z) into G's, for both forms of G's objective.
        for (GeneratorObjective objective : GeneratorObjective.values()) {
            Run twoPasses = runSimultaneous(objective, true, 0f);
            Run onePass = runSimultaneous(objective, false, 0f);

            assertEquals(twoPasses.metrics().generatorLoss(), onePass.metrics().generatorLoss(), 1e-6, objective.name());
            assertParametersClose(twoPasses.parameters(), onePass.parameters(), objective.name());
        }
    }

    @Test
    void saturatedDiscriminatorFallsBackToTwoPasses() {
        // A final bias of -100 puts every fake logit near -100, where D's gradient at G(z) underflows and
        // the ratio 2 e^100 overflows float32. The step must take the second pass of D instead.
        Run twoPasses = runSimultaneous(GeneratorObjective.NON_SATURATING, true, -100f);
        Run onePass = runSimultaneous(GeneratorObjective.NON_SATURATING, false, -100f);

        assertTrue(Double.isFinite(onePass.metrics().generatorLoss()));
        for (int i = 0; i < twoPasses.parameters().size(); i++) {
            assertArrayEquals(twoPasses.parameters().get(i), onePass.parameters().get(i), "parameter " + i);
        }
    }

    private static Run runSimultaneous(GeneratorObjective objective, boolean separatePass, float finalBiasShift) {
        float[] data = TinyPairs.uniformData(30, DIMENSION, 5);
        TrainingConfig config = new TrainingConfig(1, 10, new LearningRateSchedule(0.1, 1.000004, 1e-6),
                new MomentumSchedule(0.5, 0.7, 1, 250), UpdateMode.SIMULTANEOUS, 1, objective, 42);
        try (AdversarialPair pair = TinyPairs.imageLike(5, 16, DIMENSION, 11);
             AdversarialTrainer trainer = new AdversarialTrainer(pair, config)) {
            List<NDArray> discriminatorParameters = pair.discriminator().network().parameters();
            NDArray finalBias = discriminatorParameters.get(discriminatorParameters.size() - 1);
            finalBias.set(new float[] {finalBias.getFloat() + finalBiasShift});
            trainer.useSeparateGeneratorPass(separatePass);

            List<EpochMetrics> history = trainer.train(data, DIMENSION, new TrainingListener() { });
            List<float[]> parameters = new ArrayList<>();
            for (NDArray p : pair.generator().network().parameters()) {
                parameters.add(p.toFloatArray());
            }
            for (NDArray p : discriminatorParameters) {
                parameters.add(p.toFloatArray());
            }
            return new Run(history.get(0), parameters);
        }
    }

    private static void assertParametersClose(List<float[]> expected, List<float[]> actual, String label) {
        for (int i = 0; i < expected.size(); i++) {
            float[] want = expected.get(i);
            float[] got = actual.get(i);
            for (int j = 0; j < want.length; j++) {
                assertEquals(want[j], got[j], 1e-6 + 1e-5 * Math.abs(want[j]), label + ", parameter " + i + "[" + j + "]");
            }
        }
    }
}
