package org.ganbench.core;

/**
 * What a researcher watches after each epoch, averaged over the epoch's minibatches.
 *
 * @param epoch 1-based epoch
 * @param discriminatorLoss mean of D's loss
 * @param generatorLoss mean of G's loss
 * @param meanDReal mean D(x) on data, with training dropout
 * @param meanDFake mean D(G(z)) on samples, with training dropout
 * @param learningRate learning rate after the epoch's last update
 * @param momentum momentum used during the epoch
 * @param iterations generator updates in the epoch
 * @param seconds wall-clock time of the epoch
 */
public record EpochMetrics(
        int epoch,
        double discriminatorLoss,
        double generatorLoss,
        double meanDReal,
        double meanDFake,
        double learningRate,
        double momentum,
        int iterations,
        double seconds) {
}
