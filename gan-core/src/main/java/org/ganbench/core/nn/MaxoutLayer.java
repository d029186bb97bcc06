package org.ganbench.core.nn;

import ai.djl.ndarray.NDArray;

import java.util.List;

/**
 * Maxout layer (Goodfellow, Warde-Farley, Mirza, Courville and Bengio, "Maxout Networks", ICML
 * 2013): each unit outputs the maximum of {@code pieces} affine functions of its input.
 */
public final class MaxoutLayer implements Layer {

    private final NDArray weight;
    private final NDArray bias;
    private final int units;
    private final int pieces;

    /**
     * Wraps existing parameters; the layer does not own them.
     *
     * @param weight (units * pieces, inputSize); rows u * pieces .. u * pieces + pieces - 1 are
     *     the pieces of unit u
     * @param bias (units * pieces)
     * @param units number of maxout units
     * @param pieces number of affine pieces per unit
     */
    public MaxoutLayer(NDArray weight, NDArray bias, int units, int pieces) {
        if (units <= 0 || pieces <= 0) {
            throw new IllegalArgumentException("Maxout needs positive units and pieces, got units="
                    + units + ", pieces=" + pieces);
        }
        if (weight.getShape().dimension() != 2 || weight.getShape().get(0) != (long) units * pieces
                || bias.getShape().dimension() != 1 || bias.getShape().get(0) != (long) units * pieces) {
            throw new IllegalArgumentException("Maxout with " + units + " units x " + pieces
                    + " pieces needs weight (" + units * pieces + ", in) and bias (" + units * pieces
                    + "), got " + weight.getShape() + " and " + bias.getShape());
        }
        this.weight = weight;
        this.bias = bias;
        this.units = units;
        this.pieces = pieces;
    }

    @Override
    public int inputSize() {
        return (int) weight.getShape().get(1);
    }

    @Override
    public int outputSize() {
        return units;
    }

    /** Number of affine pieces per unit. */
    public int pieces() {
        return pieces;
    }

    @Override
    public NDArray forward(NDArray input, boolean detachParameters) {
        long batch = input.getShape().get(0);

        // (batch, units * pieces) -> (batch, units, pieces) -> max over pieces -> (batch, units)
        NDArray preActivation = Affine.apply(input, weight, bias, detachParameters);
        return preActivation.reshape(batch, units, pieces).max(new int[] {2});
    }

    @Override
    public List<NDArray> parameters() {
        return List.of(weight, bias);
    }
}
