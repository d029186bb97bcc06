package org.ganbench.bench.figures;

/**
 * Training metrics of one GAN epoch, averaged over its minibatches.
 *
 * <p>Losses may be NaN or infinite, and the mean discriminator outputs may be NaN, because a
 * diverged run still needs its history recorded and plotted.
 *
 * @param epoch epoch number, counted from 0 or 1 as the trainer does
 * @param discriminatorLoss mean discriminator loss
 * @param generatorLoss mean generator loss
 * @param meanDReal mean discriminator output D(x) on training images, a probability
 * @param meanDFake mean discriminator output D(G(z)) on generated samples, a probability
 */
public record EpochPoint(int epoch, double discriminatorLoss, double generatorLoss, double meanDReal, double meanDFake) {

    /**
     * Validates the metrics.
     *
     * @throws IllegalArgumentException if {@code epoch} is negative, or a mean discriminator
     *     output is neither NaN nor in {@code [0, 1]}
     */
    public EpochPoint {
        if (epoch < 0) {
            throw new IllegalArgumentException("Epoch must be at least 0, got " + epoch + ".");
        }
        requireProbabilityOrNaN("meanDReal", meanDReal, epoch);
        requireProbabilityOrNaN("meanDFake", meanDFake, epoch);
    }

    /**
     * Returns whether every metric is a finite number.
     *
     * @return false if a loss or mean discriminator output is NaN or infinite
     */
    public boolean isFinite() {
        return Double.isFinite(discriminatorLoss) && Double.isFinite(generatorLoss)
                && Double.isFinite(meanDReal) && Double.isFinite(meanDFake);
    }

    private static void requireProbabilityOrNaN(String name, double value, int epoch) {
        if (Double.isNaN(value)) {
            return;
        }
        if (value < 0.0 || value > 1.0) {
            throw new IllegalArgumentException(name + " of epoch " + epoch + " is " + value
                    + ", but a mean discriminator output is a probability in [0, 1]; "
                    + "pass the mean of the sigmoid outputs, not of the logits.");
        }
    }
}
