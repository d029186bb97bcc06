package org.ganbench.core.nn;

import ai.djl.ndarray.NDArray;

import java.util.List;

/**
 * One layer of a feed-forward network (dense, maxout or convolutional), written functionally so that the same
 * weights can be applied with or without gradient tracking.
 */
public interface Layer {

    /** Number of input features this layer accepts. */
    int inputSize();

    /** Number of output features this layer produces. */
    int outputSize();

    /**
     * Computes the layer's output for a minibatch.
     *
     * @param input (batch, inputSize)
     * @param detachParameters if true, the weights enter the computation without gradient
     *     tracking, so gradients flow only to the input; the simultaneous update uses this to
     *     take the generator's gradient through a frozen discriminator
     * @return (batch, outputSize), attached to the input's manager
     */
    NDArray forward(NDArray input, boolean detachParameters);

    /** Trainable arrays of this layer, weights first. */
    List<NDArray> parameters();
}
