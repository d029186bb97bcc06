package org.ganbench.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

import java.util.List;

/**
 * Transposed convolution (also called fractionally strided convolution or, in pylearn2 and the
 * GAN authors' {@code deconv.py}, "deconvolution"), followed by an elementwise
 * {@link Activation}. With the same weight, stride and padding it is the adjoint of the
 * {@link ConvolutionLayer} that maps this layer's output maps back to its input maps, so a stride
 * above 1 enlarges the maps: the CIFAR-10 generator turns 80 maps of 10 x 10 into a 3 x 32 x 32
 * image with a 5 x 5 kernel and stride 3.
 */
public final class TransposedConvolutionLayer implements Layer {

    private final NDArray weight;
    private final NDArray bias;
    private final Shape broadcastBiasShape;
    private final FeatureMapShape inputShape;
    private final FeatureMapShape outputShape;
    private final int stride;
    private final int padding;
    private final Activation activation;

    /**
     * Wraps existing parameters, which the layer does not own.
     *
     * @param weight (inChannels, outChannels, kernel, kernel), PyTorch's conv_transpose2d layout
     * @param bias (outChannels) shared by every position of a channel, or (outChannels, outHeight,
     *     outWidth) with one value per output position, as the authors' untied {@code tied_b: 0}
     * @param inputShape shape of the maps in each input row, with as many channels as the weight's inChannels
     * @param stride spacing of the input positions in the output, at least 1
     * @param padding rows and columns removed from every side of the full output, in [0, kernel - 1]
     * @param activation nonlinearity applied to the output
     * @throws IllegalArgumentException if a shape does not match or the padding is out of range
     */
    public TransposedConvolutionLayer(NDArray weight, NDArray bias, FeatureMapShape inputShape, int stride,
                                      int padding, Activation activation) {
        int kernel = Convolutions.squareKernel(weight, "Transposed convolution layer");
        Convolutions.requireStrideAndPadding(stride, padding, "Transposed convolution layer");
        if (padding > kernel - 1) {
            throw new IllegalArgumentException("Transposed convolution padding must be at most kernel - 1 = "
                    + (kernel - 1) + ", got " + padding);
        }
        if (weight.getShape().get(0) != inputShape.channels()) {
            throw new IllegalArgumentException("Transposed convolution weight " + weight.getShape() + " reads "
                    + weight.getShape().get(0) + " channels but the input maps are " + inputShape);
        }

        this.outputShape = new FeatureMapShape((int) weight.getShape().get(1),
                Convolutions.transposedOutputSide(inputShape.height(), kernel, stride, padding),
                Convolutions.transposedOutputSide(inputShape.width(), kernel, stride, padding));
        this.broadcastBiasShape = broadcastShape(bias.getShape(), outputShape);
        this.weight = weight;
        this.bias = bias;
        this.inputShape = inputShape;
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

    /** Returns the nonlinearity applied after the transposed convolution. */
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
        NDArray b = Convolutions.inScopeOf(
                Convolutions.parameter(bias, input, detachParameters).reshape(broadcastBiasShape), input);

        NDArray maps = input.reshape(inputShape.batchShape(batch));
        NDArray preActivation = Convolutions.transposedConvolve(maps, w, stride, padding).add(b);
        return activation.apply(preActivation).reshape(batch, outputShape.size());
    }

    @Override
    public List<NDArray> parameters() {
        return List.of(weight, bias);
    }

    /**
     * Returns the shape in which the bias broadcasts over (batch, channels, height, width): a tied
     * bias becomes (channels, 1, 1). The reshape happens in every forward pass so that it is part
     * of that pass's autograd graph.
     */
    private static Shape broadcastShape(Shape biasShape, FeatureMapShape output) {
        if (biasShape.dimension() == 1 && biasShape.get(0) == output.channels()) {
            return new Shape(output.channels(), 1, 1);
        }
        Shape untied = new Shape(output.channels(), output.height(), output.width());
        if (biasShape.equals(untied)) {
            return untied;
        }
        throw new IllegalArgumentException("Transposed convolution bias must have shape (" + output.channels()
                + ") or " + untied + ", got " + biasShape);
    }
}
