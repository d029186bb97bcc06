package org.ganbench.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A stack of fully connected layers whose parameters live in one {@link NDManager}.
 *
 * <p>Weights are drawn uniformly from [-irange, irange] and biases start at zero unless given, as
 * pylearn2's {@code irange} initialisation does; the draws come from a seeded Java generator so
 * that initialisation does not depend on the engine's random stream.
 */
public final class FeedForwardNetwork {

    private final List<Layer> layers;
    private final Map<String, NDArray> namedParameters;

    private FeedForwardNetwork(List<Layer> layers, Map<String, NDArray> namedParameters) {
        this.layers = List.copyOf(layers);
        this.namedParameters = Collections.unmodifiableMap(namedParameters);
    }

    /** Wraps layers built elsewhere in this package, e.g. by {@link LayerStack}. */
    static FeedForwardNetwork of(List<Layer> layers, Map<String, NDArray> namedParameters) {
        return new FeedForwardNetwork(layers, namedParameters);
    }

    /**
     * Starts a network that reads {@code inputSize} features.
     *
     * @param manager owner of the parameter arrays; closing it frees the network
     * @param inputSize number of input features
     * @param random source of the initial weights
     * @return a builder to which layers are added in order
     */
    public static Builder builder(NDManager manager, int inputSize, SplittableRandom random) {
        return new Builder(manager, inputSize, random);
    }

    /** Layers from input to output. */
    public List<Layer> layers() {
        return layers;
    }

    /** Number of input features. */
    public int inputSize() {
        return layers.get(0).inputSize();
    }

    /** Number of output features. */
    public int outputSize() {
        return layers.get(layers.size() - 1).outputSize();
    }

    /** Trainable arrays keyed by "layer index.weight" or "layer index.bias", in layer order. */
    public Map<String, NDArray> namedParameters() {
        return namedParameters;
    }

    /** Trainable arrays in layer order. */
    public List<NDArray> parameters() {
        return List.copyOf(namedParameters.values());
    }

    /** Total number of trainable scalars. */
    public long parameterCount() {
        long count = 0;
        for (NDArray parameter : namedParameters.values()) {
            count += parameter.size();
        }
        return count;
    }

    /** Adds layers to a {@link FeedForwardNetwork} and initialises their parameters. */
    public static final class Builder {

        private final NDManager manager;
        private final SplittableRandom random;
        private final List<Layer> layers = new ArrayList<>();
        private final Map<String, NDArray> namedParameters = new LinkedHashMap<>();
        private int width;

        private Builder(NDManager manager, int inputSize, SplittableRandom random) {
            requirePositive("input size", inputSize);
            this.manager = manager;
            this.random = random;
            this.width = inputSize;
        }

        /**
         * Appends a dense layer with zero initial bias.
         *
         * @param units output width
         * @param activation nonlinearity after the affine map
         * @param irange weights start uniform in [-irange, irange]
         * @return this builder
         */
        public Builder dense(int units, Activation activation, double irange) {
            return dense(units, activation, irange, new float[units]);
        }

        /**
         * Appends a dense layer with a given initial bias.
         *
         * @param units output width
         * @param activation nonlinearity after the affine map
         * @param irange weights start uniform in [-irange, irange]
         * @param initialBias one value per unit
         * @return this builder
         */
        public Builder dense(int units, Activation activation, double irange, float[] initialBias) {
            requirePositive("units", units);
            if (initialBias.length != units) {
                throw new IllegalArgumentException("Initial bias has " + initialBias.length
                        + " values but the layer has " + units + " units");
            }
            NDArray weight = uniformWeight(units, width, irange);
            NDArray bias = manager.create(initialBias);
            register(weight, bias);
            layers.add(new DenseLayer(weight, bias, activation));
            width = units;
            return this;
        }

        /**
         * Appends a maxout layer with zero initial biases.
         *
         * @param units number of maxout units (the output width)
         * @param pieces affine pieces per unit
         * @param irange weights start uniform in [-irange, irange]
         * @return this builder
         */
        public Builder maxout(int units, int pieces, double irange) {
            requirePositive("units", units);
            requirePositive("pieces", pieces);
            NDArray weight = uniformWeight(units * pieces, width, irange);
            NDArray bias = manager.zeros(new Shape(units * (long) pieces));
            register(weight, bias);
            layers.add(new MaxoutLayer(weight, bias, units, pieces));
            width = units;
            return this;
        }

        /** Finishes the network; it needs at least one layer. */
        public FeedForwardNetwork build() {
            if (layers.isEmpty()) {
                throw new IllegalStateException("A network needs at least one layer");
            }
            return new FeedForwardNetwork(layers, namedParameters);
        }

        private NDArray uniformWeight(int rows, int columns, double irange) {
            if (!(irange > 0) || !Double.isFinite(irange)) {
                throw new IllegalArgumentException("irange must be a positive finite number, got " + irange);
            }
            float[] values = new float[rows * columns];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) ((2 * random.nextDouble() - 1) * irange);
            }
            return manager.create(values, new Shape(rows, columns));
        }

        private void register(NDArray weight, NDArray bias) {
            int index = layers.size();
            weight.setRequiresGradient(true);
            bias.setRequiresGradient(true);
            namedParameters.put(index + ".weight", weight);
            namedParameters.put(index + ".bias", bias);
        }

        private static void requirePositive(String name, int value) {
            if (value <= 0) {
                throw new IllegalArgumentException(name + " must be positive, got " + value);
            }
        }
    }
}
