package org.ganbench.core.nn;

import ai.djl.ndarray.NDArray;

import java.util.List;

/**
 * 2-D convolution with one bias per output channel, followed by an elementwise
 * {@link Activation}. It reads and writes flat channel-planar rows, as {@link FeatureMapShape}
 * describes, so it stacks with dense layers in one {@link FeedForwardNetwork}.
 */
public final class ConvolutionLayer implements Layer {

    private final NDArray weight;
    private final NDArray bias;
    private final FeatureMapShape inputShape;
    private final FeatureMapShape outputShape;
    private final int stride;
    private final int padding;
    private final Activation activation;

    /**
     * Wraps existing parameters, which the layer does not own.
     *
     * @param weight (outChannels, inChannels, kernel, kernel), PyTorch's conv2d layout
     * @param bias (outChannels), shared by every position of a channel
     * @param inputShape shape of the maps in each input row, with as many channels as the weight's inChannels
     * @param stride step between kernel positions along both axes, at least 1
     * @param padding zeros added on every side of each map, at least 0
     * @param activation nonlinearity applied to the convolution's output
     * @throws IllegalArgumentException if a shape does not match, or the kernel does not fit the padded input
     */
    public ConvolutionLayer(NDArray weight, NDArray bias, FeatureMapShape inputShape, int stride, int padding,
                            Activation activation) {
        int kernel = Convolutions.squareKernel(weight, "Convolution layer");
        Convolutions.requireStrideAndPadding(stride, padding, "Convolution layer");
        int outChannels = (int) weight.getShape().get(0);
        if (weight.getShape().get(1) != inputShape.channels()) {
            throw new IllegalArgumentException("Convolution weight " + weight.getShape() + " reads "
                    + weight.getShape().get(1) + " channels but the input maps are " + inputShape);
        }
        if (bias.getShape().dimension() != 1 || bias.getShape().get(0) != outChannels) {
            throw new IllegalArgumentException("Convolution bias must have shape (" + outChannels + "), one per output channel, got "
                    + bias.getShape());
        }

        this.weight = weight;
        this.bias = bias;
        this.inputShape = inputShape;
        this.outputShape = new FeatureMapShape(outChannels,
                Convolutions.convolutionOutputSide(inputShape.height(), kernel, stride, padding),
                Convolutions.convolutionOutputSide(inputShape.width(), kernel, stride, padding));
        this.stride = stride;
        this.padding = padding;
        this.activation = activation;
    }

    /** Returns the shape of the maps in each input row. */
    public FeatureMapShape inputShape() {
        return inputShape;
    }

    /** Returns the shape of the maps in each output row. */
    public FeatureMapShape outputShape() {
        return outputShape;
    }

    /** Returns the nonlinearity applied after the convolution. */
    public Activation activation() {
        return activation;
    }

    @Override
    public int inputSize() {
        return inputShape.size();
    }

    @Override
    public int outputSize() {
        return outputShape.size();
    }

    @Override
    public NDArray forward(NDArray input, boolean detachParameters) {
        long batch = input.getShape().get(0);
        NDArray w = Convolutions.parameter(weight, input, detachParameters);
        NDArray b = Convolutions.parameter(bias, input, detachParameters);

        NDArray maps = input.reshape(inputShape.batchShape(batch));
        NDArray preActivation = Convolutions.convolve(maps, w, b, stride, padding);
        return activation.apply(preActivation).reshape(batch, outputShape.size());
    }

    @Override
    public List<NDArray> parameters() {
        return List.of(weight, bias);
    }
}
