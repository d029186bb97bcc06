package org.ganbench.models.cae;

/**
 * Training metrics of one epoch of one CAE layer, averaged over the epoch's minibatches.
 *
 * @param layer 1-based layer, counted from the pixels up
 * @param epoch 1-based epoch within the layer's training
 * @param reconstructionCrossEntropy mean cross-entropy of the reconstruction, summed over the
 *     layer's input units, in nats per example
 * @param jacobianPenalty mean squared Frobenius norm of the encoder's Jacobian, before lambda
 * @param seconds wall-clock time of the epoch
 */
public record CaeEpochMetrics(int layer, int epoch, double reconstructionCrossEntropy, double jacobianPenalty,
        double seconds) {
}
