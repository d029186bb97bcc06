package org.ganbench.models.dbn;

/**
 * What one epoch of RBM training reports, averaged over its minibatches.
 *
 * @param layer 1-based layer of the DBN, 1 being the RBM on the pixels
 * @param epoch 1-based epoch
 * @param reconstructionError mean-field reconstruction error: squared error summed over visible
 *     units, averaged over the examples of every tenth minibatch, measured before each update
 * @param freeEnergyGap mean F(data) - mean F(negative particles) in nats, averaged over all
 *     minibatches. It is near 0 when the model gives the negative particles the same energy as
 *     the data. A large positive value means the particles sit in low-energy regions away from
 *     the data
 * @param learningRate learning rate of the epoch's last update
 * @param momentum momentum used throughout the epoch
 * @param seconds wall-clock time of the epoch
 */
public record RbmEpochMetrics(int layer, int epoch, double reconstructionError, double freeEnergyGap,
        double learningRate, double momentum, double seconds) {
}
