package org.ganbench.models.cae;

import ai.djl.ndarray.NDArray;

/**
 * Cross-entropy of sigmoid units computed from their logits, shared by the CAE and GSN
 * baselines: -[t log s(a) + (1 - t) log(1 - s(a))] = softplus(a) - t a. The right-hand side
 * stays finite and keeps its gradient when s(a) rounds to 0 or 1 in single precision.
 */
public final class BinaryCrossEntropy {

    private BinaryCrossEntropy() {
    }

    /**
     * Computes the elementwise cross-entropy.
     *
     * @param logits pre-activations a of the sigmoid units
     * @param targets values t in [0, 1], same shape as the logits
     * @return elementwise cross-entropies in nats, same shape as the logits
     */
    public static NDArray fromLogits(NDArray logits, NDArray targets) {
        return logits.getNDArrayInternal().softPlus().sub(logits.mul(targets));
    }
}
