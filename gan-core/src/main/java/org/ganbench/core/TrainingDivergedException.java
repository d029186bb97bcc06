package org.ganbench.core;

/** Thrown when a loss becomes NaN or infinite, naming where training stopped. */
public final class TrainingDivergedException extends RuntimeException {

    private final int epoch;
    private final int iteration;

    /**
     * @param epoch 1-based epoch of the failing step
     * @param iteration 1-based iteration within the epoch
     * @param discriminatorLoss D's loss at that step
     * @param generatorLoss G's loss at that step
     */
    public TrainingDivergedException(int epoch, int iteration, double discriminatorLoss, double generatorLoss) {
        super("Training diverged at epoch " + epoch + ", iteration " + iteration
                + ": discriminator loss " + discriminatorLoss + ", generator loss " + generatorLoss
                + "; lower the learning rate or check the data for NaN values");
        this.epoch = epoch;
        this.iteration = iteration;
    }

    /**
     * @param epoch 1-based epoch where the fault was found
     * @param iteration 1-based iteration within the epoch
     * @param fault what was not finite
     */
    public TrainingDivergedException(int epoch, int iteration, String fault) {
        super("Training diverged at epoch " + epoch + ", iteration " + iteration + ": " + fault
                + "; lower the learning rate or check the data for NaN values");
        this.epoch = epoch;
        this.iteration = iteration;
    }

    /** 1-based epoch of the failing step. */
    public int epoch() {
        return epoch;
    }

    /** 1-based iteration of the failing step within its epoch. */
    public int iteration() {
        return iteration;
    }
}
