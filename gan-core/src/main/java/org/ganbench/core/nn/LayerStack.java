package org.ganbench.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Builds a {@link FeedForwardNetwork} that mixes dense, maxout and convolutional layers, such as
 * the CIFAR-10 generator and discriminator of Goodfellow et al. (2014).
 *
 * <p>The builder tracks the current row width and, after a convolutional layer or
 * {@link Builder#reshape}, the shape of the feature maps in the row. Initialisation follows
 * {@link FeedForwardNetwork.Builder}: weights uniform in [-irange, irange] from a seeded Java
 * generator and biases zero unless given. Parameters are named "layer index.weight" and
 * "layer index.bias", as there, so checkpoints and optimisers treat both kinds of network alike.
 */
public final class LayerStack {

    private LayerStack() {
    }

    /**
     * Starts a network that reads flat rows of {@code inputSize} features, such as noise vectors.
     *
     * @param manager owner of the parameter arrays, whose closing frees the network
     * @param inputSize number of input features, at least 1
     * @param random source of the initial weights
     * @return a builder to which layers are added in order
     * @throws IllegalArgumentException if the input size is below 1
     */
    public static Builder builder(NDManager manager, int inputSize, SplittableRandom random) {
        if (inputSize < 1) {
            throw new IllegalArgumentException("input size must be positive, got " + inputSize);
        }
        return new Builder(manager, inputSize, null, random);
    }

    /**
     * Starts a network that reads images or other feature maps as flat channel-planar rows.
     *
     * @param manager owner of the parameter arrays, whose closing frees the network
     * @param inputMaps shape of the maps in each input row
     * @param random source of the initial weights
     * @return a builder to which layers are added in order
     */
    public static Builder builder(NDManager manager, FeatureMapShape inputMaps, SplittableRandom random) {
        return new Builder(manager, inputMaps.size(), inputMaps, random);
    }

    /** Adds layers in order, initialises their parameters and tracks the row's width and maps. */
    public static final class Builder {

        private final NDManager manager;
        private final SplittableRandom random;
        private final List<Layer> layers = new ArrayList<>();
        private final Map<String, NDArray> namedParameters = new LinkedHashMap<>();
        private int width;
        private FeatureMapShape maps;

        private Builder(NDManager manager, int width, FeatureMapShape maps, SplittableRandom random) {
            this.manager = manager;
            this.random = random;
            this.width = width;
            this.maps = maps;
        }

        /**
         * Appends a dense layer with zero initial bias.
         *
         * @param units output width, at least 1
         * @param activation nonlinearity after the affine map
         * @param irange weights start uniform in [-irange, irange]
         * @return this builder
         */
        public Builder dense(int units, Activation activation, double irange) {
            requirePositive("units", units);
            return dense(units, activation, irange, new float[units]);
        }

        /**
         * Appends a dense layer with a given initial bias.
         *
         * @param units output width, at least 1
         * @param activation nonlinearity after the affine map
         * @param irange weights start uniform in [-irange, irange]
         * @param initialBias one value per unit
         * @return this builder
         * @throws IllegalArgumentException if a size or the irange is invalid
         */
        public Builder dense(int units, Activation activation, double irange, float[] initialBias) {
            requirePositive("units", units);
            requireBiasLength(initialBias, units);
            NDArray weight = uniform(new Shape(units, width), irange);
            return append(new DenseLayer(weight, manager.create(initialBias), activation));
        }

        /**
         * Appends a dense layer with pylearn2's sparse initialisation ({@code sparse_init}): each
         * unit gets {@code nonZeroWeights} incoming weights from distinct, uniformly chosen inputs,
         * drawn from N(0, standardDeviation^2), and all its other weights are zero.
         *
         * @param units output width, at least 1
         * @param activation nonlinearity after the affine map
         * @param nonZeroWeights incoming weights per unit that start non-zero, in [1, input width]
         * @param standardDeviation of the non-zero weights, pylearn2's {@code sparse_stdev} (default 1)
         * @param initialBias one value per unit
         * @return this builder
         * @throws IllegalArgumentException if a size or the standard deviation is invalid
         */
        public Builder sparseDense(int units, Activation activation, int nonZeroWeights, double standardDeviation,
                                   float[] initialBias) {
            requirePositive("units", units);
            requireBiasLength(initialBias, units);
            if (nonZeroWeights < 1 || nonZeroWeights > width) {
                throw new IllegalArgumentException("Sparse initialisation needs 1 to " + width
                        + " non-zero weights per unit (the input width), got " + nonZeroWeights);
            }
            if (!(standardDeviation > 0) || !Double.isFinite(standardDeviation)) {
                throw new IllegalArgumentException("Sparse initialisation standard deviation must be positive and finite, got "
                        + standardDeviation);
            }

            float[] values = new float[Math.multiplyExact(units, width)];
            for (int unit = 0; unit < units; unit++) {
                int row = unit * width;
                for (int drawn = 0; drawn < nonZeroWeights; drawn++) {
                    int column = random.nextInt(width);
                    // Rejection keeps the inputs distinct. Like pylearn2, it finds a free input by
                    // its zero weight, so a Gaussian draw of exactly 0 would leave that input free.
                    while (values[row + column] != 0f) {
                        column = random.nextInt(width);
                    }
                    values[row + column] = (float) (random.nextGaussian() * standardDeviation);
                }
            }
            NDArray weight = manager.create(values, new Shape(units, width));
            return append(new DenseLayer(weight, manager.create(initialBias), activation));
        }

        /**
         * Appends a maxout layer with zero initial biases.
         *
         * @param units number of maxout units (the output width), at least 1
         * @param pieces affine pieces per unit, at least 1
         * @param irange weights start uniform in [-irange, irange]
         * @return this builder
         */
        public Builder maxout(int units, int pieces, double irange) {
            requirePositive("units", units);
            requirePositive("pieces", pieces);
            long rows = (long) units * pieces;
            NDArray weight = uniform(new Shape(rows, width), irange);
            NDArray bias = manager.zeros(new Shape(rows));
            return append(new MaxoutLayer(weight, bias, units, pieces));
        }

        /**
         * Views the current row as feature maps, as pylearn2's {@code SpaceConverter} does between
         * a dense layer and a convolutional one. It adds no layer and no parameters.
         *
         * @param shape maps whose size equals the current width
         * @return this builder
         * @throws IllegalArgumentException if the shape's size differs from the current width
         */
        public Builder reshape(FeatureMapShape shape) {
            if (shape.size() != width) {
                throw new IllegalArgumentException("Cannot view a row of " + width + " values as maps " + shape
                        + " of " + shape.size() + " values; pick maps whose size is the previous layer's width");
            }
            maps = shape;
            return this;
        }

        /**
         * Appends a convolution with one zero-initialised bias per output channel.
         *
         * @param channels output channels, at least 1
         * @param kernel side of the square kernel, at least 1
         * @param stride step between kernel positions, at least 1
         * @param padding zeros added on every side of each map, at least 0
         * @param activation nonlinearity after the convolution
         * @param irange weights start uniform in [-irange, irange]
         * @return this builder
         * @throws IllegalStateException if the current row is not known as feature maps
         */
        public Builder convolution(int channels, int kernel, int stride, int padding, Activation activation,
                                   double irange) {
            FeatureMapShape input = requireMaps("a convolution");
            requirePositive("channels", channels);
            requirePositive("kernel", kernel);
            NDArray weight = uniform(new Shape(channels, input.channels(), kernel, kernel), irange);
            NDArray bias = manager.zeros(new Shape(channels));
            ConvolutionLayer layer = new ConvolutionLayer(weight, bias, input, stride, padding, activation);
            return append(layer, layer.outputShape());
        }

        /**
         * Appends a convolutional maxout layer with max pooling and zero-initialised biases, one
         * per convolution channel, as pylearn2's {@code MaxoutConvC01B} with {@code tied_b: 1}.
         *
         * @param units maxout units, the output channels, at least 1
         * @param pieces convolution channels per unit, at least 1
         * @param kernel side of the square kernel, at least 1
         * @param padding zeros added on every side of each map, at least 0
         * @param pooling max pooling after the maxout
         * @param irange weights start uniform in [-irange, irange]
         * @return this builder
         * @throws IllegalStateException if the current row is not known as feature maps
         */
        public Builder maxoutConvolution(int units, int pieces, int kernel, int padding, MaxPooling pooling,
                                         double irange) {
            FeatureMapShape input = requireMaps("a convolutional maxout layer");
            requirePositive("units", units);
            requirePositive("pieces", pieces);
            requirePositive("kernel", kernel);
            long channels = (long) units * pieces;
            NDArray weight = uniform(new Shape(channels, input.channels(), kernel, kernel), irange);
            NDArray bias = manager.zeros(new Shape(channels));
            MaxoutConvolutionLayer layer = new MaxoutConvolutionLayer(weight, bias, input, padding, units, pieces,
                    pooling);
            return append(layer, layer.outputShape());
        }

        /**
         * Appends a transposed convolution with a zero-initialised bias for every output value,
         * untied as the authors' {@code deconv.py} layer with {@code tied_b: 0}.
         *
         * @param channels output channels, at least 1
         * @param kernel side of the square kernel, at least 1
         * @param stride spacing of the input positions in the output, at least 1
         * @param padding rows and columns removed from every side of the output, in [0, kernel - 1]
         * @param activation nonlinearity after the transposed convolution
         * @param irange weights start uniform in [-irange, irange]
         * @return this builder
         * @throws IllegalStateException if the current row is not known as feature maps
         */
        public Builder transposedConvolution(int channels, int kernel, int stride, int padding, Activation activation,
                                             double irange) {
            FeatureMapShape input = requireMaps("a transposed convolution");
            requirePositive("channels", channels);
            requirePositive("kernel", kernel);
            int height = Convolutions.transposedOutputSide(input.height(), kernel, stride, padding);
            int outputWidth = Convolutions.transposedOutputSide(input.width(), kernel, stride, padding);
            requirePositive("transposed convolution output side", Math.min(height, outputWidth));

            NDArray weight = uniform(new Shape(input.channels(), channels, kernel, kernel), irange);
            NDArray bias = manager.zeros(new Shape(channels, height, outputWidth));
            TransposedConvolutionLayer layer = new TransposedConvolutionLayer(weight, bias, input, stride, padding,
                    activation);
            return append(layer, layer.outputShape());
        }

        /** Returns the width of the row that the next layer reads. */
        public int width() {
            return width;
        }

        /**
         * Finishes the network.
         *
         * @return the network, whose parameters the builder's manager owns
         * @throws IllegalStateException if no layer was added
         */
        public FeedForwardNetwork build() {
            if (layers.isEmpty()) {
                throw new IllegalStateException("A network needs at least one layer");
            }
            return newNetwork(layers, namedParameters);
        }

        private Builder append(Layer layer) {
            return append(layer, null);
        }

        private Builder append(Layer layer, FeatureMapShape outputMaps) {
            int index = layers.size();
            List<NDArray> parameters = layer.parameters();
            NDArray weight = parameters.get(0);
            NDArray bias = parameters.get(1);
            weight.setRequiresGradient(true);
            bias.setRequiresGradient(true);
            namedParameters.put(index + ".weight", weight);
            namedParameters.put(index + ".bias", bias);

            layers.add(layer);
            width = layer.outputSize();
            maps = outputMaps;
            return this;
        }

        private NDArray uniform(Shape shape, double irange) {
            if (!(irange > 0) || !Double.isFinite(irange)) {
                throw new IllegalArgumentException("irange must be a positive finite number, got " + irange);
            }
            float[] values = new float[Math.toIntExact(shape.size())];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) ((2 * random.nextDouble() - 1) * irange);
            }
            return manager.create(values, shape);
        }

        private FeatureMapShape requireMaps(String layerKind) {
            if (maps == null) {
                throw new IllegalStateException("The row of " + width + " values before " + layerKind
                        + " has no feature-map shape; call reshape(FeatureMapShape) after a dense layer");
            }
            return maps;
        }

        private static void requireBiasLength(float[] initialBias, int units) {
            if (initialBias.length != units) {
                throw new IllegalArgumentException("Initial bias has " + initialBias.length
                        + " values but the layer has " + units + " units");
            }
        }

        private static void requirePositive(String name, int value) {
            if (value <= 0) {
                throw new IllegalArgumentException(name + " must be positive, got " + value);
            }
        }
    }

    private static FeedForwardNetwork newNetwork(List<Layer> layers, Map<String, NDArray> namedParameters) {
        return FeedForwardNetwork.of(layers, namedParameters);
    }
}
