package org.ganbench.core;

/** Receives progress from {@link AdversarialTrainer}; every method has an empty default. */
public interface TrainingListener {

    /**
     * Called once before the first epoch.
     *
     * @param config the training configuration
     * @param iterationsPerEpoch generator updates per epoch
     */
    default void onTrainingStart(TrainingConfig config, int iterationsPerEpoch) {
    }

    /** Called after each generator update. */
    default void onIteration() {
    }

    /**
     * Called after each epoch with its averaged metrics.
     *
     * @param metrics the epoch's metrics
     */
    default void onEpochEnd(EpochMetrics metrics) {
    }

    /** Called once after the last epoch. */
    default void onTrainingEnd() {
    }
}
