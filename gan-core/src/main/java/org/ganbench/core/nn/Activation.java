package org.ganbench.core.nn;

import ai.djl.ndarray.NDArray;

/** Elementwise nonlinearity applied after a dense layer's affine map. */
public enum Activation {
    /** Identity: the layer outputs its pre-activation, e.g. a discriminator logit. */
    LINEAR,
    /** Rectified linear unit, max(0, a). */
    RELU,
    /** Logistic sigmoid, 1 / (1 + exp(-a)), for outputs in (0, 1) such as pixel intensities. */
    SIGMOID;

    /**
     * Applies this nonlinearity.
     *
     * @param preActivation the affine map's output, any shape
     * @return a new array of the same shape
     */
    public NDArray apply(NDArray preActivation) {
        return switch (this) {
            case LINEAR -> preActivation;
            case RELU -> preActivation.getNDArrayInternal().relu();
            case SIGMOID -> preActivation.getNDArrayInternal().sigmoid();
        };
    }
}
