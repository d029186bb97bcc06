package org.ganbench.models.gsn;

/**
 * Training metrics of one GSN epoch, averaged over the epoch's minibatches.
 *
 * @param epoch 1-based epoch
 * @param walkbackCost training cost: the mean visible cross-entropy per pixel, in nats, summed
 *     over the walkback steps
 * @param finalStepCrossEntropy mean visible cross-entropy per pixel of the last walkback step,
 *     the number the released code prints
 * @param learningRate rate of the released momentum rule used during the epoch
 * @param seconds wall-clock time of the epoch
 */
public record GsnEpochMetrics(int epoch, double walkbackCost, double finalStepCrossEntropy, double learningRate,
        double seconds) {
}
