package org.ganbench.core.nn;

import ai.djl.ndarray.NDArray;

/** The affine map x W^T + b shared by dense and maxout layers. */
final class Affine {

    private Affine() {
    }

    /**
     * Computes x W^T + b with one fused native call.
     *
     * @param detachParameters if true, W and b enter as detached views that share storage but
     *     record no gradient; the views are attached to the input's manager so they are freed
     *     with the minibatch rather than with the model
     */
    static NDArray apply(NDArray input, NDArray weight, NDArray bias, boolean detachParameters) {
        NDArray w = weight;
        NDArray b = bias;
        if (detachParameters) {
            w = weight.stopGradient();
            b = bias.stopGradient();
            w.attach(input.getManager());
            b.attach(input.getManager());
        }
        return input.getNDArrayInternal().linear(input, w, b).singletonOrThrow();
    }
}
