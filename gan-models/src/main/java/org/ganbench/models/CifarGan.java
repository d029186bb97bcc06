package org.ganbench.models;

import ai.djl.ndarray.NDManager;
import org.ganbench.core.AdversarialPair;
import org.ganbench.core.Discriminator;
import org.ganbench.core.Generator;
import org.ganbench.core.GeneratorObjective;
import org.ganbench.core.SeedMixer;
import org.ganbench.core.TrainingConfig;
import org.ganbench.core.UpdateMode;
import org.ganbench.core.nn.Activation;
import org.ganbench.core.nn.DropoutSpec;
import org.ganbench.core.nn.FeatureMapShape;
import org.ganbench.core.nn.FeedForwardNetwork;
import org.ganbench.core.nn.LayerStack;
import org.ganbench.core.nn.MaxPooling;
import org.ganbench.core.optim.LearningRateSchedule;
import org.ganbench.core.optim.MomentumSchedule;

import java.util.SplittableRandom;

/**
 * The two CIFAR-10 adversarial pairs of Goodfellow et al. (2014, Figure 2 c and d), as the authors'
 * released {@code cifar10_fully_connected.yaml} and {@code cifar10_convolutional.yaml} configure
 * them (repository goodfeli/adversarial). Both read images as channel-planar rows of 3072 values.
 *
 * <p>Published in both configurations:
 * <ul>
 *   <li>Data: the first 40,000 of the 50,000 training images (the last 10,000 were the validation
 *       set), after global contrast normalisation with scale 55, see
 *       {@link GlobalContrastNormalization}. Samples therefore live in that normalised space, not
 *       in [0, 1].</li>
 *   <li>Noise: z of width 100, standard normal.</li>
 *   <li>Discriminator dropout: each input value kept with probability 0.8 (scale 1.25), each
 *       hidden layer's input with probability 0.5 (scale 2).</li>
 *   <li>Optimiser: simultaneous updates of both networks, non-saturating generator objective,
 *       momentum 0.5 rising linearly to 0.7 between epochs 1 and 250, learning rate divided by
 *       1.000004 after every update with a floor of 1e-6. No termination criterion is given.</li>
 *   <li>Initialisation: generator weights uniform in [-0.05, 0.05] except where noted,
 *       discriminator weights in [-0.005, 0.005], all biases zero (the output bias from pixel
 *       marginals is commented out in both files).</li>
 * </ul>
 *
 * <p>Chosen here: the weights are drawn from a seeded Java generator rather than NumPy's, and
 * {@link ConvolutionalWidths} and {@link FullyConnectedWidths} let a quick profile use narrower
 * layers, and their {@code PAPER} constants keep the published widths.
 */
public final class CifarGan {

    /** Values per image: 3 channels of 32 x 32, channel-planar. */
    public static final int DIMENSION = 3072;

    /** One image as feature maps. */
    public static final FeatureMapShape IMAGE = new FeatureMapShape(3, 32, 32);

    /** Width of z in both configurations. */
    public static final int LATENT_DIMENSION = 100;

    /** Training images the authors used: the first 40,000 of the training batches. */
    public static final int TRAINING_IMAGES = 40_000;

    // Side of the generator's last hidden layer seen as maps: 10 x 10, so that a 5 x 5 transposed
    // convolution with stride 3 gives 3 * (10 - 1) + 5 = 32.
    private static final int GENERATOR_MAP_SIDE = 10;

    private CifarGan() {
    }

    /**
     * Builds the fully connected pair of {@code cifar10_fully_connected.yaml}:
     * <pre>
     *   G: z (100) -> 8000 ReLU -> 8000 sigmoid -> 3072 linear     weights U[-0.05, 0.05], output U[-0.5, 0.5]
     *   D: x (3072) -> maxout 1600 x 5 -> maxout 1600 x 5 -> 1 sigmoid     weights U[-0.005, 0.005]
     * </pre>
     * The output layer's larger irange (0.5) is published. D's sigmoid is applied inside the loss,
     * so its last layer outputs the logit.
     *
     * @param widths layer widths, {@link FullyConnectedWidths#PAPER} for the published ones
     * @param seed initialisation seed
     * @return a new pair owning a fresh manager
     */
    public static AdversarialPair fullyConnected(FullyConnectedWidths widths, long seed) {
        SplittableRandom random = initialisationRandom(seed);
        NDManager manager = NDManager.newBaseManager();
        try {
            FeedForwardNetwork generator = FeedForwardNetwork.builder(manager, widths.latent(), random)
                    .dense(widths.generatorHidden(), Activation.RELU, 0.05)
                    .dense(widths.generatorHidden(), Activation.SIGMOID, 0.05)
                    .dense(DIMENSION, Activation.LINEAR, 0.5)
                    .build();
            FeedForwardNetwork discriminator = FeedForwardNetwork.builder(manager, DIMENSION, random)
                    .maxout(widths.discriminatorUnits(), widths.discriminatorPieces(), 0.005)
                    .maxout(widths.discriminatorUnits(), widths.discriminatorPieces(), 0.005)
                    .dense(1, Activation.LINEAR, 0.005)
                    .build();
            DropoutSpec dropout = new DropoutSpec(new double[] {0.8, 0.5, 0.5}, new double[] {1.25, 2.0, 2.0});
            return new AdversarialPair(new Generator(generator), new Discriminator(discriminator, dropout), manager);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /**
     * Builds the convolutional pair of {@code cifar10_convolutional.yaml}:
     * <pre>
     *   G: z (100) -> 8000 ReLU -> 8000 sigmoid, seen as 80 maps of 10 x 10
     *      -> transposed convolution to 3 x 32 x 32 (5 x 5 kernel, stride 3, no padding), linear,
     *         one bias per output value                                   weights U[-0.05, 0.05]
     *   D: x (3 x 32 x 32)
     *      -> maxout convolution 32 units x 2 pieces, 8 x 8 kernel, padding 4 -> 33 x 33, max pool 4 stride 2 -> 16 x 16
     *      -> maxout convolution 32 units x 2 pieces, 8 x 8 kernel, padding 3 -> 15 x 15, max pool 4 stride 2 -> 7 x 7
     *      -> maxout convolution 192 units x 2 pieces, 5 x 5 kernel, padding 3 -> 9 x 9, max pool 2 stride 2 -> 5 x 5
     *      -> maxout 500 x 5 -> 1 sigmoid                                  weights U[-0.005, 0.005]
     * </pre>
     * Convolutional biases are one per channel ({@code tied_b: 1}). Pooling keeps partial
     * windows, as the cuda-convnet kernels behind the released code did (see {@link MaxPooling}).
     *
     * <p>Chosen here: pylearn2 reshapes the 8000-unit layer to maps in (row, column, channel)
     * order, this code in (channel, row, column) order. The layer before is fully connected with
     * independently drawn weights, so the two orders give the same family of networks and the
     * same distribution of initial networks.
     *
     * <p>NOTE: the discriminator's output starts close to 1/2, because activations shrink through
     * five layers with weights of +/-0.005. In runs of a few hundred updates with the quick widths, at learning rate 0.004 and at
     * 0.05, mean D(x) and D(G(z)) stayed at 0.5000 and the generator learned nothing. Whether the
     * paper profile leaves that plateau has not been run.
     *
     * @param widths layer widths, {@link ConvolutionalWidths#PAPER} for the published ones
     * @param seed initialisation seed
     * @return a new pair owning a fresh manager
     */
    public static AdversarialPair convolutional(ConvolutionalWidths widths, long seed) {
        SplittableRandom random = initialisationRandom(seed);
        NDManager manager = NDManager.newBaseManager();
        try {
            FeatureMapShape generatorMaps = new FeatureMapShape(widths.generatorMaps(), GENERATOR_MAP_SIDE,
                    GENERATOR_MAP_SIDE);
            FeedForwardNetwork generator = LayerStack.builder(manager, widths.latent(), random)
                    .dense(widths.generatorHidden(), Activation.RELU, 0.05)
                    .dense(generatorMaps.size(), Activation.SIGMOID, 0.05)
                    .reshape(generatorMaps)
                    .transposedConvolution(IMAGE.channels(), 5, 3, 0, Activation.LINEAR, 0.05)
                    .build();

            int pieces = widths.discriminatorMapPieces();
            FeedForwardNetwork discriminator = LayerStack.builder(manager, IMAGE, random)
                    .maxoutConvolution(widths.discriminatorMaps1(), pieces, 8, 4, new MaxPooling(4, 2), 0.005)
                    .maxoutConvolution(widths.discriminatorMaps2(), pieces, 8, 3, new MaxPooling(4, 2), 0.005)
                    .maxoutConvolution(widths.discriminatorMaps3(), pieces, 5, 3, new MaxPooling(2, 2), 0.005)
                    .maxout(widths.discriminatorUnits(), widths.discriminatorPieces(), 0.005)
                    .dense(1, Activation.LINEAR, 0.005)
                    .build();
            DropoutSpec dropout = new DropoutSpec(new double[] {0.8, 0.5, 0.5, 0.5, 0.5},
                    new double[] {1.25, 2.0, 2.0, 2.0, 2.0});
            return new AdversarialPair(new Generator(generator), new Discriminator(discriminator, dropout), manager);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /**
     * Returns the optimisation of {@code cifar10_fully_connected.yaml}: minibatch 100, learning
     * rate 0.025, and the shared schedule described on this class.
     *
     * @param epochs passes over the training set, for which the configuration sets no limit
     * @param seed random seed of data order, noise and dropout
     * @return the configuration
     */
    public static TrainingConfig fullyConnectedTraining(int epochs, long seed) {
        return training(epochs, 100, 0.025, seed);
    }

    /**
     * Returns the optimisation of {@code cifar10_convolutional.yaml}: minibatch 128, learning rate
     * 0.004, and the shared schedule described on this class.
     *
     * @param epochs passes over the training set, for which the configuration sets no limit
     * @param seed random seed of data order, noise and dropout
     * @return the configuration
     */
    public static TrainingConfig convolutionalTraining(int epochs, long seed) {
        return training(epochs, 128, 0.004, seed);
    }

    private static TrainingConfig training(int epochs, int batchSize, double learningRate, long seed) {
        return new TrainingConfig(epochs, batchSize,
                new LearningRateSchedule(learningRate, 1.000004, 1e-6),
                new MomentumSchedule(0.5, 0.7, 1, 250),
                UpdateMode.SIMULTANEOUS, 1, GeneratorObjective.NON_SATURATING, seed);
    }

    private static SplittableRandom initialisationRandom(long seed) {
        return new SplittableRandom(SeedMixer.mix(seed, "initialisation", 0));
    }

    /**
     * Layer widths of the fully connected CIFAR-10 pair.
     *
     * @param latent width of z
     * @param generatorHidden units in each of G's two hidden layers (ReLU, then sigmoid)
     * @param discriminatorUnits maxout units in each of D's two hidden layers
     * @param discriminatorPieces affine pieces per maxout unit
     */
    public record FullyConnectedWidths(int latent, int generatorHidden, int discriminatorUnits,
                                       int discriminatorPieces) {

        /** The published widths: 100, 8000, 1600 and 5. */
        public static final FullyConnectedWidths PAPER = new FullyConnectedWidths(LATENT_DIMENSION, 8000, 1600, 5);

        /**
         * Validates that every width is positive.
         *
         * @throws IllegalArgumentException if a width is below 1
         */
        public FullyConnectedWidths {
            if (latent < 1 || generatorHidden < 1 || discriminatorUnits < 1 || discriminatorPieces < 1) {
                throw new IllegalArgumentException("Every layer width must be positive, got latent=" + latent
                        + ", generatorHidden=" + generatorHidden + ", discriminatorUnits=" + discriminatorUnits
                        + ", discriminatorPieces=" + discriminatorPieces);
            }
        }
    }

    /**
     * Layer widths of the convolutional CIFAR-10 pair. Kernels, padding and pooling are fixed by
     * the 32 x 32 image and the published geometry, so only channel and unit counts vary.
     *
     * @param latent width of z
     * @param generatorHidden units in G's ReLU layer
     * @param generatorMaps maps of 10 x 10 that G's sigmoid layer forms (that layer has
     *     generatorMaps * 100 units) and that the transposed convolution reads
     * @param discriminatorMaps1 maxout units (output maps) of D's first convolutional layer
     * @param discriminatorMaps2 maxout units of D's second convolutional layer
     * @param discriminatorMaps3 maxout units of D's third convolutional layer
     * @param discriminatorMapPieces convolution channels per maxout unit in all three
     * @param discriminatorUnits units of D's fully connected maxout layer
     * @param discriminatorPieces affine pieces per unit of that layer
     */
    public record ConvolutionalWidths(int latent, int generatorHidden, int generatorMaps, int discriminatorMaps1,
                                      int discriminatorMaps2, int discriminatorMaps3, int discriminatorMapPieces,
                                      int discriminatorUnits, int discriminatorPieces) {

        /** The published widths: 100, 8000, 80 maps, 32, 32 and 192 maps of 2 pieces, 500 x 5. */
        public static final ConvolutionalWidths PAPER = new ConvolutionalWidths(LATENT_DIMENSION, 8000, 80, 32, 32,
                192, 2, 500, 5);

        /**
         * Validates that every width is positive.
         *
         * @throws IllegalArgumentException if a width is below 1
         */
        public ConvolutionalWidths {
            int[] all = {latent, generatorHidden, generatorMaps, discriminatorMaps1, discriminatorMaps2,
                discriminatorMaps3, discriminatorMapPieces, discriminatorUnits, discriminatorPieces};
            for (int width : all) {
                if (width < 1) {
                    throw new IllegalArgumentException("Every layer width must be positive, got latent=" + latent
                            + ", generatorHidden=" + generatorHidden + ", generatorMaps=" + generatorMaps
                            + ", discriminatorMaps=" + discriminatorMaps1 + "/" + discriminatorMaps2 + "/"
                            + discriminatorMaps3 + ", discriminatorMapPieces=" + discriminatorMapPieces
                            + ", discriminatorUnits=" + discriminatorUnits
                            + ", discriminatorPieces=" + discriminatorPieces);
                }
            }
        }
    }
}
