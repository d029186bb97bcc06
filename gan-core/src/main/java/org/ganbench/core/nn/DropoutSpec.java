package org.ganbench.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Dropout on the input of each layer, described as pylearn2 describes it: a keep ("include")
 * probability and a scale per layer input. A kept unit is multiplied by the scale, a dropped
 * one by zero. The MNIST discriminator of Goodfellow et al. (2014) keeps 0.8 of its pixels
 * (scale 1.25) and 0.5 of every hidden input (scale 2).
 *
 * @param keepProbabilities one per layer, in (0, 1]; 1 disables dropout on that input
 * @param scales one per layer, the factor applied to kept units
 */
public record DropoutSpec(double[] keepProbabilities, double[] scales) {

    /** Validates that both arrays match and hold usable values. */
    public DropoutSpec {
        if (keepProbabilities.length != scales.length) {
            throw new IllegalArgumentException("Dropout needs one scale per keep probability, got "
                    + keepProbabilities.length + " probabilities and " + scales.length + " scales");
        }
        for (double p : keepProbabilities) {
            if (!(p > 0 && p <= 1)) {
                throw new IllegalArgumentException("Dropout keep probability must be in (0, 1], got " + p);
            }
        }
        keepProbabilities = keepProbabilities.clone();
        scales = scales.clone();
    }

    /**
     * A spec that disables dropout for a network of {@code layers} layers.
     *
     * @param layers number of layers
     * @return keep probability 1 and scale 1 everywhere
     */
    public static DropoutSpec none(int layers) {
        double[] ones = new double[layers];
        Arrays.fill(ones, 1.0);
        return new DropoutSpec(ones, ones);
    }

    /**
     * Draws one set of masks for a minibatch from the engine's random stream.
     *
     * @param manager owner of the masks, normally the minibatch's scope
     * @param batchSize number of rows
     * @param inputSizes input width of each layer
     * @return one mask per layer, already multiplied by its scale, or null where dropout is off
     */
    public List<NDArray> drawMasks(NDManager manager, long batchSize, int[] inputSizes) {
        List<NDArray> masks = new ArrayList<>(inputSizes.length);
        for (int i = 0; i < inputSizes.length; i++) {
            if (keepProbabilities[i] >= 1.0) {
                masks.add(null);
                continue;
            }
            NDArray uniform = manager.randomUniform(0f, 1f, new Shape(batchSize, inputSizes[i]));
            NDArray keepProbability = ConstantFactor.of(manager, keepProbabilities[i]);
            NDArray keptUnits = uniform.lt(keepProbability).toType(DataType.FLOAT32, false);
            masks.add(keptUnits.muli(ConstantFactor.of(manager, scales[i])));
        }
        return masks;
    }

    /** Number of layers this spec covers. */
    public int layers() {
        return keepProbabilities.length;
    }

    @Override
    public double[] keepProbabilities() {
        return keepProbabilities.clone();
    }

    @Override
    public double[] scales() {
        return scales.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DropoutSpec that
                && Arrays.equals(keepProbabilities, that.keepProbabilities)
                && Arrays.equals(scales, that.scales);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(keepProbabilities) + Arrays.hashCode(scales);
    }

    @Override
    public String toString() {
        return "DropoutSpec[keep=" + Arrays.toString(keepProbabilities) + ", scales=" + Arrays.toString(scales) + "]";
    }
}
