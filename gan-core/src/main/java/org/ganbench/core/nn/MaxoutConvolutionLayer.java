package org.ganbench.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

import java.util.List;

/**
 * Convolutional maxout layer, as pylearn2's {@code MaxoutConvC01B}: a stride-1 convolution to
 * units * pieces channels with one bias per channel, the maximum over each unit's pieces, then
 * {@link MaxPooling}. Both maxima commute, so pooling after the maxout gives the same output as
 * pylearn2's pooling before it, on fewer channels.
 */
public final class MaxoutConvolutionLayer implements Layer {

    private final NDArray weight;
    private final NDArray bias;
    private final FeatureMapShape inputShape;
    private final FeatureMapShape detectorShape;
    private final FeatureMapShape outputShape;
    private final int padding;
    private final int units;
    private final int pieces;
    private final MaxPooling pooling;

    /**
     * Wraps existing parameters, which the layer does not own.
     *
     * @param weight (units * pieces, inChannels, kernel, kernel), where output channels
     *     u * pieces .. u * pieces + pieces - 1 are the pieces of unit u
     * @param bias (units * pieces), shared by every position of a channel
     * @param inputShape shape of the maps in each input row, with as many channels as the weight's inChannels
     * @param padding zeros added on every side of each map before the convolution, at least 0
     * @param units number of maxout units, the output channels
     * @param pieces convolution channels per unit
     * @param pooling max pooling applied to the maxout maps
     * @throws IllegalArgumentException if a count or shape does not match, or a kernel or pooling
     *     window does not fit
     */
    public MaxoutConvolutionLayer(NDArray weight, NDArray bias, FeatureMapShape inputShape, int padding,
                                  int units, int pieces, MaxPooling pooling) {
        if (units < 1 || pieces < 1) {
            throw new IllegalArgumentException("Convolutional maxout needs positive units and pieces, got units="
                    + units + ", pieces=" + pieces);
        }
        int kernel = Convolutions.squareKernel(weight, "Convolutional maxout layer");
        Convolutions.requireStrideAndPadding(1, padding, "Convolutional maxout layer");
        long channels = (long) units * pieces;
        if (weight.getShape().get(0) != channels || weight.getShape().get(1) != inputShape.channels()) {
            throw new IllegalArgumentException("Convolutional maxout with " + units + " units x " + pieces
                    + " pieces on " + inputShape + " maps needs weight (" + channels + ", " + inputShape.channels()
                    + ", k, k), got " + weight.getShape());
        }
        if (bias.getShape().dimension() != 1 || bias.getShape().get(0) != channels) {
            throw new IllegalArgumentException("Convolutional maxout bias must have shape (" + channels
                    + "), one per convolution channel, got " + bias.getShape());
        }

        this.weight = weight;
        this.bias = bias;
        this.inputShape = inputShape;
        this.detectorShape = new FeatureMapShape(units,
                Convolutions.convolutionOutputSide(inputShape.height(), kernel, 1, padding),
                Convolutions.convolutionOutputSide(inputShape.width(), kernel, 1, padding));
        this.outputShape = new FeatureMapShape(units,
                pooling.outputSide(detectorShape.height()), pooling.outputSide(detectorShape.width()));
        this.padding = padding;
        this.units = units;
        this.pieces = pieces;
        this.pooling = pooling;
    }

    /** Returns the shape of the maps in each input row. */
    public FeatureMapShape inputShape() {
        return inputShape;
    }

    /** Returns the shape of the maps in each output row, after the maxout and the pooling. */
    public FeatureMapShape outputShape() {
        return outputShape;
    }

    /** Returns the number of convolution channels per maxout unit. */
    public int pieces() {
        return pieces;
    }

    /** Returns the pooling applied after the maxout. */
    public MaxPooling pooling() {
        return pooling;
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
        NDArray detector = Convolutions.convolve(maps, w, b, 1, padding);

        // (batch, units * pieces, h, w) -> (batch, units, pieces, h, w) -> max over pieces
        NDArray maxout = detector
                .reshape(batch, units, pieces, detectorShape.height(), detectorShape.width())
                .max(new int[] {2});

        NDArray pooled = maxout.getNDArrayInternal().maxPool(new Shape(pooling.size(), pooling.size()),
                new Shape(pooling.stride(), pooling.stride()), new Shape(0, 0), true);
        return pooled.reshape(batch, outputShape.size());
    }

    @Override
    public List<NDArray> parameters() {
        return List.of(weight, bias);
    }
}
