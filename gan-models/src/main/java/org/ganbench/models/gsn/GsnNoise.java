package org.ganbench.models.gsn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

/**
 * The noise a GSN injects at every layer update, as in the released {@code model.py}: salt-and-pepper
 * noise on the visible units (after optionally sampling them as Bernoulli variables) and additive
 * Gaussian noise before and after each hidden activation.
 *
 * <p>All draws come from the engine's random stream, so the caller seeds the engine.
 */
final class GsnNoise {

    private final float saltAndPepper;
    private final float hiddenSigma;
    private final boolean noiselessFirstHidden;
    private final boolean inputSampling;

    GsnNoise(GsnConfig config) {
        this.saltAndPepper = (float) config.inputSaltAndPepper();
        this.hiddenSigma = (float) config.hiddenNoiseSigma();
        this.noiselessFirstHidden = config.noiselessFirstHidden();
        this.inputSampling = config.inputSampling();
    }

    /**
     * Replaces each value, with probability {@code inputSaltAndPepper}, by 0 or 1 with equal
     * probability; the other values pass through unchanged.
     */
    NDArray saltAndPepper(NDArray values) {
        NDManager manager = values.getManager();
        NDArray keep = manager.randomUniform(0f, 1f, values.getShape()).gte(saltAndPepper)
                .toType(DataType.FLOAT32, false);
        NDArray salt = manager.randomUniform(0f, 1f, values.getShape()).lt(0.5f)
                .toType(DataType.FLOAT32, false);
        return values.mul(keep).add(salt.mul(keep.neg().add(1)));
    }

    /**
     * Turns visible means into the next visible state: a Bernoulli sample of the means if input
     * sampling is on, then salt-and-pepper noise. The sample carries no gradient, as Theano's
     * binomial draw in the released code does not.
     */
    NDArray corruptVisible(NDArray means) {
        NDArray visible = means;
        if (inputSampling) {
            visible = means.getManager().randomUniform(0f, 1f, means.getShape()).lt(means)
                    .toType(DataType.FLOAT32, false);
        }
        return saltAndPepper(visible);
    }

    /**
     * Adds N(0, sigma^2) noise to a hidden layer's pre-activation or activation, unless the
     * layer is the first hidden one and that layer is configured noiseless.
     *
     * @param values the layer's values
     * @param layer 1-based hidden layer
     */
    NDArray addHiddenNoise(NDArray values, int layer) {
        if (hiddenSigma == 0 || (layer == 1 && noiselessFirstHidden)) {
            return values;
        }
        return values.add(values.getManager().randomNormal(0f, hiddenSigma, values.getShape(), DataType.FLOAT32));
    }
}
