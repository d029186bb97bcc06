package org.ganbench.models.gsn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The parameters and the layer update of a deep GSN (Bengio et al., ICML 2014): layers
 * x = h_0, h_1, ..., h_K, where each h_i is computed from its neighbours h_{i-1} and h_{i+1}
 * through the weights W_{i-1} and W_i^T, as in the released {@code model.py}.
 *
 * <p>One {@link #step} updates the odd layers from the current state, then the even layers from
 * the new odd layers. Hidden layers are tanh units with Gaussian noise before and after the
 * activation. The visible layer is sigmoid, and its means are sampled and corrupted by
 * salt-and-pepper noise to form the next visible state.
 *
 * <p>Every operation takes a minibatch array as its receiver, so intermediate results belong to
 * the minibatch's manager and not to the parameters' manager.
 */
public final class GsnNetwork {

    private final List<NDArray> weights;
    private final List<NDArray> biases;

    private GsnNetwork(List<NDArray> weights, List<NDArray> biases) {
        this.weights = List.copyOf(weights);
        this.biases = List.copyOf(biases);
    }

    /**
     * Creates a network with W_i uniform in +-sqrt(6 / (size_i + size_{i+1})) and zero biases,
     * the initialisation of the released code. The arrays record gradients.
     *
     * @param manager owner of the parameters; closing it frees the network
     * @param visibleSize number of visible units, at least 1
     * @param hiddenSizes width of each hidden layer, bottom first, each at least 1
     * @param random source of the initial weights
     * @return the new network
     * @throws IllegalArgumentException if a width is not positive or no hidden layer is given
     */
    public static GsnNetwork initialize(NDManager manager, int visibleSize, List<Integer> hiddenSizes,
            SplittableRandom random) {
        List<Integer> sizes = new ArrayList<>();
        sizes.add(visibleSize);
        sizes.addAll(hiddenSizes);
        if (hiddenSizes.isEmpty() || sizes.stream().anyMatch(size -> size < 1)) {
            throw new IllegalArgumentException("A GSN needs a positive visible size and at least one positive hidden"
                    + " width, got visible " + visibleSize + " and hidden " + hiddenSizes);
        }

        List<NDArray> weights = new ArrayList<>();
        List<NDArray> biases = new ArrayList<>();
        for (int i = 0; i < sizes.size(); i++) {
            biases.add(manager.zeros(new Shape(sizes.get(i))));
        }
        for (int i = 0; i + 1 < sizes.size(); i++) {
            int lower = sizes.get(i);
            int upper = sizes.get(i + 1);
            double range = Math.sqrt(6.0 / (lower + upper));
            float[] values = new float[lower * upper];
            for (int k = 0; k < values.length; k++) {
                values[k] = (float) ((2 * random.nextDouble() - 1) * range);
            }
            weights.add(manager.create(values, new Shape(lower, upper)));
        }

        GsnNetwork network = new GsnNetwork(weights, biases);
        network.parameters().forEach(parameter -> parameter.setRequiresGradient(true));
        return network;
    }

    /** Number of visible units. */
    public int visibleSize() {
        return (int) weights.get(0).getShape().get(0);
    }

    /** Number of hidden layers, K. */
    public int hiddenLayerCount() {
        return weights.size();
    }

    /** Trainable arrays: W_0 .. W_{K-1}, then b_0 .. b_K. */
    public List<NDArray> parameters() {
        List<NDArray> parameters = new ArrayList<>(weights);
        parameters.addAll(biases);
        return Collections.unmodifiableList(parameters);
    }

    /**
     * Builds the chain's first state: the given visible values and every hidden layer at zero, as
     * the released code starts both training and sampling.
     *
     * @param visible (batch, visibleSize), already corrupted by the caller
     * @return [visible, zeros (batch, size_1), ..., zeros (batch, size_K)] in the visible array's manager
     */
    public List<NDArray> initialState(NDArray visible) {
        long batch = visible.getShape().get(0);
        List<NDArray> state = new ArrayList<>();
        state.add(visible);
        for (NDArray weight : weights) {
            state.add(visible.getManager().zeros(new Shape(batch, weight.getShape().get(1))));
        }
        return state;
    }

    /**
     * Updates the odd layers, then the even layers, injecting noise at every layer.
     *
     * @param state [h_0, ..., h_K], each (batch, size_i)
     * @param noise the corruption settings
     * @return the new state and the logits of the visible means computed during the update
     */
    Transition step(List<NDArray> state, GsnNoise noise) {
        List<NDArray> next = new ArrayList<>(state);
        for (int i = 1; i < next.size(); i += 2) {
            next.set(i, hiddenUpdate(next, i, noise));
        }

        NDArray visibleLogits = preActivation(next, 0);
        next.set(0, noise.corruptVisible(visibleLogits.getNDArrayInternal().sigmoid()));
        for (int i = 2; i < next.size(); i += 2) {
            next.set(i, hiddenUpdate(next, i, noise));
        }
        return new Transition(List.copyOf(next), visibleLogits);
    }

    private NDArray hiddenUpdate(List<NDArray> state, int layer, GsnNoise noise) {
        NDArray preActivation = noise.addHiddenNoise(preActivation(state, layer), layer);
        return noise.addHiddenNoise(preActivation.tanh(), layer);
    }

    /** h_{i-1} W_{i-1} + h_{i+1} W_i^T + b_i, with the terms of absent neighbours left out. */
    private NDArray preActivation(List<NDArray> state, int layer) {
        if (layer == weights.size()) {
            return state.get(layer - 1).matMul(weights.get(layer - 1)).add(biases.get(layer));
        }

        // linear(x, W, b) = x W^T + b, and W_i is (size_i, size_{i+1}), so this is h_{i+1} W_i^T + b_i.
        NDArray above = state.get(layer + 1);
        NDArray fromAbove = above.getNDArrayInternal().linear(above, weights.get(layer), biases.get(layer))
                .singletonOrThrow();
        if (layer == 0) {
            return fromAbove;
        }
        return fromAbove.add(state.get(layer - 1).matMul(weights.get(layer - 1)));
    }

    /**
     * The outcome of one layer update.
     *
     * @param state the new [h_0, ..., h_K]; h_0 is the sampled, corrupted visible state
     * @param visibleLogits pre-activation of the visible means, (batch, visibleSize)
     */
    record Transition(List<NDArray> state, NDArray visibleLogits) {
    }
}
