package org.ganbench.bench.experiment;

/**
 * How long and how wide a reproduction runs. Both profiles keep the released optimisation
 * settings. The number of epochs of each data set and architecture lives in {@link GanSetup} and
 * in the baselines' configurations.
 */
public enum ExperimentProfile {

    /**
     * Short training that finishes in minutes on a 2-core CPU: 30 epochs of the MNIST GAN, enough
     * to see the model well past the start of training but short of the paper's score, and
     * narrower face and CIFAR-10 networks.
     */
    QUICK,

    /**
     * The released configurations with their published widths. The MNIST {@code mnist.yaml} has
     * no termination criterion, so the authors stopped training by hand; we stop at 300 epochs, 50
     * past the end of the momentum ramp (epoch 250).
     */
    PAPER;

    /** Lower-case name as typed on the command line. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
