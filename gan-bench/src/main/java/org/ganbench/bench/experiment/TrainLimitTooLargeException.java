package org.ganbench.bench.experiment;

/**
 * A {@code --train-limit} above the number of training images that the loaded data set has. The
 * size is known only once the files are read (a TFD file sets its own fold sizes), so this is
 * raised by the data loader rather than by the option checks.
 */
public final class TrainLimitTooLargeException extends IllegalArgumentException {

    private final int available;

    /**
     * @param limit the requested {@code --train-limit}
     * @param available training images that the split or fold has
     * @param split the training images, as the message names them, such as "the MNIST training split"
     */
    TrainLimitTooLargeException(int limit, int available, String split) {
        super("Invalid value " + limit + " for --train-limit: " + split + " has only " + available
                + " images; use at most " + available + ", or 0 to train on all of them");
        this.available = available;
    }

    /** Returns the number of training images, the largest --train-limit that fits. */
    public int available() {
        return available;
    }
}
