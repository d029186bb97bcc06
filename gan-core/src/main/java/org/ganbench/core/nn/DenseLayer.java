package org.ganbench.core.nn;

import ai.djl.ndarray.NDArray;

import java.util.List;

/** Affine map followed by an elementwise {@link Activation}: y = f(x W^T + b). */
public final class DenseLayer implements Layer {

    private final NDArray weight;
    private final NDArray bias;
    private final Activation activation;

    /**
     * Wraps existing parameters; the layer does not own them.
     *
     * @param weight (outputSize, inputSize), PyTorch's layout for {@code linear}
     * @param bias (outputSize)
     * @param activation nonlinearity applied to the affine map's output
     */
    public DenseLayer(NDArray weight, NDArray bias, Activation activation) {
        if (weight.getShape().dimension() != 2 || bias.getShape().dimension() != 1
                || bias.getShape().get(0) != weight.getShape().get(0)) {
            throw new IllegalArgumentException("Dense layer needs weight (out, in) and bias (out), got "
                    + weight.getShape() + " and " + bias.getShape());
        }
        this.weight = weight;
        this.bias = bias;
        this.activation = activation;
    }

    @Override
    public int inputSize() {
        return (int) weight.getShape().get(1);
    }

    @Override
    public int outputSize() {
        return (int) weight.getShape().get(0);
    }

    /** The nonlinearity after the affine map. */
    public Activation activation() {
        return activation;
    }

    @Override
    public NDArray forward(NDArray input, boolean detachParameters) {
        NDArray preActivation = Affine.apply(input, weight, bias, detachParameters);
        return activation.apply(preActivation);
    }

    @Override
    public List<NDArray> parameters() {
        return List.of(weight, bias);
    }
}
