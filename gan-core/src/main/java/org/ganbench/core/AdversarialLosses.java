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

    /**
     * Smallest fake logit for which {@link #generatorToDiscriminatorRatio} is used. At l = -40,
     * D(G(z)) is about 4e-18 and D's gradient on the sample about 2e-21 times D's Jacobian (learning
     * rate 0.1, minibatch 100), a normal float32 far above the smallest, 1.2e-38,
     * and the ratio 2 e^40, about 5e17, is finite. Much further down, D's gradient underflows and the
     * ratio could not restore it.
     */
    public static final float LOWEST_RATIO_LOGIT = -40f;

    /**
     * Per-sample factor that turns the gradient of {@link #discriminatorLoss} with respect to a
     * generated sample into the gradient of {@link #generatorLoss} with respect to it.
     *
     * <p>With l the logit on sample i and B the minibatch size, D's loss has
     * {@code dL_D/dl = 0.5 sigmoid(l) / B}. The non-saturating G loss has
     * {@code dL_G/dl = -(1 - sigmoid(l)) / B}, a ratio of {@code -2 (1 - sigmoid(l)) / sigmoid(l) = -2 e^-l};
     * the saturating one has {@code dL_G/dl = -sigmoid(l) / B}, a ratio of -2. Both losses reach the
     * sample only through l, so the same factor relates their gradients with respect to the sample.
     *
     * @param fakeLogits D's logits on generated samples, (batch, 1), without gradient
     * @param objective which form of the generator's objective
     * @return (batch, 1) factors
     */
    public static NDArray generatorToDiscriminatorRatio(NDArray fakeLogits, GeneratorObjective objective) {
        return switch (objective) {
            case NON_SATURATING -> ConstantFactor.times(fakeLogits.neg().exp(), -2.0);
            case SATURATING -> fakeLogits.getManager().full(fakeLogits.getShape(), -2f);
        };
    }

    /**
     * Tells whether every fake logit is at least {@link #LOWEST_RATIO_LOGIT}, so that
     * {@link #generatorToDiscriminatorRatio} gives G's gradient to float32 precision.
     *
     * @param fakeLogits D's logits on generated samples
     * @return true if the smallest logit is at or above the limit
     */
    public static boolean ratioIsAccurate(NDArray fakeLogits) {
        try (NDArray smallest = fakeLogits.min()) {
            return smallest.getFloat() >= LOWEST_RATIO_LOGIT;
        }
    }

    private static NDArray softplus(NDArray x) {
        return x.getNDArrayInternal().softPlus();
    }
}
