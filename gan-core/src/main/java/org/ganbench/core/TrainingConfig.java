package org.ganbench.core;

import org.ganbench.core.optim.LearningRateSchedule;
import org.ganbench.core.optim.MomentumSchedule;

/**
 * Everything that decides how a GAN is trained, apart from the architecture and the data.
 *
 * @param epochs passes over the training set
 * @param batchSize examples per minibatch (and samples of noise per minibatch)
 * @param learningRate per-update learning-rate schedule, shared by both networks
 * @param momentum per-epoch momentum schedule, shared by both networks
 * @param updateMode simultaneous (released code) or alternating (Algorithm 1)
 * @param discriminatorSteps k, discriminator steps per generator step; only used when alternating
 * @param generatorObjective non-saturating (recommended) or saturating
 * @param seed fixes data order, noise and dropout; initialisation takes its own seed
 */
public record TrainingConfig(
        int epochs,
        int batchSize,
        LearningRateSchedule learningRate,
        MomentumSchedule momentum,
        UpdateMode updateMode,
        int discriminatorSteps,
        GeneratorObjective generatorObjective,
        long seed) {

    /** Validates counts and sizes. */
    public TrainingConfig {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        if (discriminatorSteps < 1) {
            throw new IllegalArgumentException("discriminator steps k must be at least 1, got " + discriminatorSteps);
        }
        if (learningRate == null || momentum == null || updateMode == null || generatorObjective == null) {
            throw new IllegalArgumentException("learning rate, momentum, update mode and generator objective are required");
        }
    }

    /**
     * The optimisation of the authors' released MNIST configuration: SGD, minibatch 100, learning
     * rate 0.1 divided by 1.000004 after every update with a floor of 1e-6, momentum 0.5 rising
     * linearly to 0.7 between epochs 1 and 250, simultaneous updates, non-saturating G objective.
     *
     * @param epochs passes over the training set
     * @param seed random seed
     * @return the configuration
     */
    public static TrainingConfig paperMnist(int epochs, long seed) {
        return new TrainingConfig(epochs, 100,
                new LearningRateSchedule(0.1, 1.000004, 1e-6),
                new MomentumSchedule(0.5, 0.7, 1, 250),
                UpdateMode.SIMULTANEOUS, 1, GeneratorObjective.NON_SATURATING, seed);
    }

    /** A copy with another number of epochs. */
    public TrainingConfig withEpochs(int newEpochs) {
        return new TrainingConfig(newEpochs, batchSize, learningRate, momentum, updateMode,
                discriminatorSteps, generatorObjective, seed);
    }

    /** A copy with another update mode and k. */
    public TrainingConfig withUpdateMode(UpdateMode mode, int k) {
        return new TrainingConfig(epochs, batchSize, learningRate, momentum, mode, k, generatorObjective, seed);
    }

    /** A copy with another initial learning rate, keeping the decay and the floor. */
    public TrainingConfig withInitialLearningRate(double rate) {
        LearningRateSchedule schedule = new LearningRateSchedule(rate, learningRate.decayFactor(),
                Math.min(learningRate.minimum(), rate));
        return new TrainingConfig(epochs, batchSize, schedule, momentum, updateMode, discriminatorSteps,
                generatorObjective, seed);
    }

    /** A copy with another generator objective. */
    public TrainingConfig withGeneratorObjective(GeneratorObjective objective) {
        return new TrainingConfig(epochs, batchSize, learningRate, momentum, updateMode,
                discriminatorSteps, objective, seed);
    }
}
