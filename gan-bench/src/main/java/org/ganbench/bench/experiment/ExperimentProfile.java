package org.ganbench.bench.experiment;

/**
 * How long and how wide a reproduction runs. Both profiles keep the released optimisation
 * settings; they differ in the number of epochs.
 */
public enum ExperimentProfile {

    /**
     * The published widths trained for 30 epochs: about 15 minutes on a 2-core CPU, enough to
     * see the model well past the start of training but short of the paper's score.
     */
    QUICK(30),

    /**
     * The released configuration. Its {@code mnist.yaml} has no termination criterion, so the
     * authors stopped training by hand; we stop at 300 epochs, 50 past the end of the momentum
     * ramp (epoch 250).
     */
    PAPER(300);

    private final int epochs;

    ExperimentProfile(int epochs) {
        this.epochs = epochs;
    }

    /** Passes over the 50,000 training images. */
    public int epochs() {
        return epochs;
    }

    /** Lower-case name as typed on the command line. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
