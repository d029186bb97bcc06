package org.ganbench.models;

import ai.djl.ndarray.NDManager;
import org.ganbench.core.AdversarialPair;
import org.ganbench.core.Discriminator;
import org.ganbench.core.Generator;
import org.ganbench.core.SeedMixer;
import org.ganbench.core.nn.Activation;
import org.ganbench.core.nn.DropoutSpec;
import org.ganbench.core.nn.FeedForwardNetwork;

import java.util.SplittableRandom;

/**
 * The MNIST adversarial pair of Goodfellow et al. (2014), as configured in the authors' released
 * {@code mnist.yaml}:
 * <pre>
 *   G: z (100, N(0, 1)) -> 1200 ReLU -> 1200 ReLU -> 784 sigmoid      weights U[-0.05, 0.05]
 *   D: x (784) -> maxout 240 x 5 -> maxout 240 x 5 -> 1 sigmoid        weights U[-0.005, 0.005]
 * </pre>
 * G's output bias starts at the logit of each pixel's mean over the training set, clipped to
 * [1e-7, 1 - 1e-7] as pylearn2's {@code init_sigmoid_bias_from_marginals} does. D keeps each
 * pixel with probability 0.8 (scale 1.25) and each hidden input with probability 0.5 (scale 2).
 */
public final class MnistGan {

    /** Width of z. */
    public static final int LATENT_DIMENSION = 100;

    private MnistGan() {
    }

    /**
     * Builds the pair with the published widths.
     *
     * @param trainingPixels training images, row-major (count, 784), values in [0, 1]
     * @param seed initialisation seed
     * @return a new pair owning a fresh manager
     */
    public static AdversarialPair paper(float[] trainingPixels, long seed) {
        return build(Widths.PAPER, trainingPixels, 784, seed);
    }

    /**
     * Builds the pair with the given widths and the paper's initialisation and dropout.
     *
     * @param widths layer widths
     * @param trainingPixels training data, row-major (count, dimension), values in [0, 1]
     * @param dimension values per example
     * @param seed initialisation seed
     * @return a new pair owning a fresh manager
     */
    public static AdversarialPair build(Widths widths, float[] trainingPixels, int dimension, long seed) {
        float[] outputBias = PixelMarginals.logitOfMean(trainingPixels, dimension);
        SplittableRandom random = new SplittableRandom(SeedMixer.mix(seed, "initialisation", 0));
        NDManager manager = NDManager.newBaseManager();
        try {
            FeedForwardNetwork generator = FeedForwardNetwork.builder(manager, widths.latent(), random)
                    .dense(widths.generatorHidden(), Activation.RELU, 0.05)
                    .dense(widths.generatorHidden(), Activation.RELU, 0.05)
                    .dense(dimension, Activation.SIGMOID, 0.05, outputBias)
                    .build();
            FeedForwardNetwork discriminator = FeedForwardNetwork.builder(manager, dimension, random)
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
     * Layer widths of the MNIST pair.
     *
     * @param latent width of z
     * @param generatorHidden units in each of G's two ReLU layers
     * @param discriminatorUnits maxout units in each of D's two hidden layers
     * @param discriminatorPieces affine pieces per maxout unit
     */
    public record Widths(int latent, int generatorHidden, int discriminatorUnits, int discriminatorPieces) {

        /** The published widths: 100, 1200, 240 and 5. */
        public static final Widths PAPER = new Widths(LATENT_DIMENSION, 1200, 240, 5);

        /** Validates that every width is positive. */
        public Widths {
            if (latent < 1 || generatorHidden < 1 || discriminatorUnits < 1 || discriminatorPieces < 1) {
                throw new IllegalArgumentException("Every layer width must be positive, got " + this);
            }
        }
    }
}
