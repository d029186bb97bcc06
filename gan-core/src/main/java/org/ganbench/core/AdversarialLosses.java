package org.ganbench.core;

import ai.djl.ndarray.NDArray;
import org.ganbench.core.nn.ConstantFactor;

/**
 * The GAN objectives, computed from discriminator logits l = logit D(x) for numerical
 * stability: BCE(sigmoid(l), 1) = softplus(-l) and BCE(sigmoid(l), 0) = softplus(l).
 */
public final class AdversarialLosses {

    private AdversarialLosses() {
    }

    /**
     * Discriminator loss 0.5 * (BCE(D(x), 1) + BCE(D(G(z)), 0)), means over the minibatch.
     *
     * @param realLogits D's logits on data, (batch, 1)
     * @param fakeLogits D's logits on generated samples, (batch, 1)
     * @return scalar loss
     */
    public static NDArray discriminatorLoss(NDArray realLogits, NDArray fakeLogits) {
        NDArray onReal = softplus(realLogits.neg()).mean();
        NDArray onFake = softplus(fakeLogits).mean();
        return ConstantFactor.times(onReal.add(onFake), 0.5);
    }

    /**
     * Generator loss, mean over the minibatch.
     *
     * @param fakeLogits D's logits on generated samples, (batch, 1)
     * @param objective which form of the generator's objective
     * @return scalar loss: BCE(D(G(z)), 1) for the non-saturating form, log(1 - D(G(z))) for
     *     the saturating one
     */
    public static NDArray generatorLoss(NDArray fakeLogits, GeneratorObjective objective) {
        return switch (objective) {
            case NON_SATURATING -> softplus(fakeLogits.neg()).mean();
            // log(1 - sigmoid(l)) = -softplus(l)
            case SATURATING -> softplus(fakeLogits).mean().neg();
        };
    }

    private static NDArray softplus(NDArray x) {
        return x.getNDArrayInternal().softPlus();
    }
}
