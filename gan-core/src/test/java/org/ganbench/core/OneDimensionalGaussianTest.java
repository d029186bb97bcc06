package org.ganbench.core;

import org.ganbench.core.optim.LearningRateSchedule;
import org.ganbench.core.optim.MomentumSchedule;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The setting of Goodfellow et al. (2014), Figure 1: a generator on the real line learns to
 * match a one-dimensional Gaussian.
 */
class OneDimensionalGaussianTest {

    private static final double DATA_MEAN = 2.0;
    private static final double DATA_STD = 0.75;

    @Test
    void samplesMatchDataMeanAndStd() {
        float[] data = new float[20_000];
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) (DATA_MEAN + DATA_STD * random.nextGaussian());
        }
        // The learning rate decays to about 0.1 of its start over the 6,000 updates, which lets
        // the game settle instead of orbiting the equilibrium.
        TrainingConfig config = new TrainingConfig(30, 100, new LearningRateSchedule(0.05, 1.0004, 1e-4),
                new MomentumSchedule(0.5, 0.5, 1, 1), UpdateMode.SIMULTANEOUS, 1,
                GeneratorObjective.NON_SATURATING, 2);

        float[] samples;
        try (AdversarialPair pair = TinyPairs.scalar(32, 2);
             AdversarialTrainer trainer = new AdversarialTrainer(pair, config)) {
            trainer.train(data, 1, new TrainingListener() { });
            samples = GeneratorSampler.sample(pair, 10_000, 5);
        }

        double mean = 0;
        for (float s : samples) {
            mean += s;
        }
        mean /= samples.length;
        double variance = 0;
        for (float s : samples) {
            variance += (s - mean) * (s - mean);
        }
        double std = Math.sqrt(variance / samples.length);

        assertEquals(DATA_MEAN, mean, 0.1 * DATA_MEAN, "sample mean");
        assertEquals(DATA_STD, std, 0.1 * DATA_STD, "sample standard deviation");
    }
}
