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
import org.ganbench.core.nn.FeedForwardNetwork;
import org.ganbench.core.nn.LayerStack;
import org.ganbench.core.optim.LearningRateSchedule;
import org.ganbench.core.optim.MomentumSchedule;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The Toronto Face Database adversarial pair of Goodfellow et al. (2014, Figure 2 b), as the
 * authors' released {@code tfd_pretrain/pretrain.yaml} configures it (repository
 * goodfeli/adversarial):
 * <pre>
 *   G: z (100, N(0, 1)) -> 8000 ReLU -> 8000 sigmoid -> 2304 sigmoid
 *   D: x (2304) -> maxout 1200 x 5 -> maxout 1200 x 5 -> 1 sigmoid
 * </pre>
 *
 * <p>Published: images of 48 x 48 from the unlabelled set, scaled to [0, 1]. G's hidden weights
 * are uniform in [-0.05, 0.05], and the sigmoid hidden layer's biases start at -2. The output
 * layer uses pylearn2's sparse initialisation with 100 non-zero N(0, 1) weights per unit, and
 * its biases start at the logit of each pixel's training mean. D's weights are uniform in
 * [-0.005, 0.005]. D keeps each pixel with probability 0.8 (scale 1.25) and each hidden input
 * with probability 0.5 (scale 2). Training: minibatch 100, learning rate 0.05 divided by
 * 1.000004 per update (floor 1e-6), momentum 0.5 rising to 0.7 between epochs 1 and 250,
 * simultaneous updates, non-saturating G objective, 50 epochs.
 *
 * <p>Not reproduced: every layer of both networks has {@code max_col_norm: 1.9365}, a cap on
 * each unit's incoming weight norm after every update, which {@code AdversarialTrainer} does not
 * apply. The released {@code tfd_pretrain/train.yaml} then continues from this pretrained pair
 * for 22 epochs after putting two new layers, 8000 ReLU and 100 sigmoid (bias -2), in front of
 * the generator. This class builds only the pretraining pair.
 *
 * <p>Chosen here: {@link Widths} lets a quick profile use narrower layers. Below 100 hidden
 * units, every output weight starts non-zero. The weights come from a seeded Java generator
 * rather than NumPy's.
 */
public final class TfdGan {

    /** Values per image: 48 x 48 grey. */
    public static final int DIMENSION = 2304;

    /** Width of z. */
    public static final int LATENT_DIMENSION = 100;

    /** Epochs of the released pretraining configuration. */
    public static final int PAPER_EPOCHS = 50;

    // pylearn2's sparse initialisation of the output layer: non-zero weights per unit and their
    // standard deviation (the default sparse_stdev).
    private static final int SPARSE_WEIGHTS_PER_UNIT = 100;
    private static final double SPARSE_STANDARD_DEVIATION = 1.0;

    private static final float SIGMOID_HIDDEN_BIAS = -2f;

    private TfdGan() {
    }

    /**
     * Builds the pair with the published widths.
     *
     * @param trainingPixels training images, row-major (count, 2304), values in [0, 1]
     * @param seed initialisation seed
     * @return a new pair owning a fresh manager
     */
    public static AdversarialPair paper(float[] trainingPixels, long seed) {
        return build(Widths.PAPER, trainingPixels, seed);
    }

    /**
     * Builds the pair with the given widths and the published initialisation and dropout.
     *
     * @param widths layer widths
     * @param trainingPixels training images, row-major (count, 2304), values in [0, 1], whose
     *     per-pixel means set G's output biases
     * @param seed initialisation seed
     * @return a new pair owning a fresh manager
     * @throws IllegalArgumentException if the pixel array is not a whole number of images
     */
    public static AdversarialPair build(Widths widths, float[] trainingPixels, long seed) {
        return build(widths, trainingPixels, DIMENSION, seed);
    }

    /**
     * Builds the pair for grey images of another size, such as the 28 x 20 Frey faces, with the
     * published initialisation and dropout.
     *
     * @param widths layer widths
     * @param trainingPixels training images, row-major (count, dimension), values in [0, 1], whose
     *     per-pixel means set G's output biases
     * @param dimension values per image
     * @param seed initialisation seed
     * @return a new pair owning a fresh manager
     * @throws IllegalArgumentException if the pixel array is not a whole number of images
     */
    public static AdversarialPair build(Widths widths, float[] trainingPixels, int dimension, long seed) {
        float[] outputBias = PixelMarginals.logitOfMean(trainingPixels, dimension);
        int sparseWeights = Math.min(SPARSE_WEIGHTS_PER_UNIT, widths.generatorHidden());
        float[] hiddenBias = new float[widths.generatorHidden()];
        Arrays.fill(hiddenBias, SIGMOID_HIDDEN_BIAS);

        SplittableRandom random = new SplittableRandom(SeedMixer.mix(seed, "initialisation", 0));
        NDManager manager = NDManager.newBaseManager();
        try {
            FeedForwardNetwork generator = LayerStack.builder(manager, widths.latent(), random)
                    .dense(widths.generatorHidden(), Activation.RELU, 0.05)
                    .dense(widths.generatorHidden(), Activation.SIGMOID, 0.05, hiddenBias)
                    .sparseDense(dimension, Activation.SIGMOID, sparseWeights, SPARSE_STANDARD_DEVIATION, outputBias)
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
     * Returns the optimisation of the released pretraining configuration, described on this class.
     *
     * @param epochs passes over the training set, {@link #PAPER_EPOCHS} as published
     * @param seed random seed of data order, noise and dropout
     * @return the configuration
     */
    public static TrainingConfig paperTraining(int epochs, long seed) {
        return new TrainingConfig(epochs, 100,
                new LearningRateSchedule(0.05, 1.000004, 1e-6),
                new MomentumSchedule(0.5, 0.7, 1, 250),
                UpdateMode.SIMULTANEOUS, 1, GeneratorObjective.NON_SATURATING, seed);
    }

    /**
     * Layer widths of the TFD pair.
     *
     * @param latent width of z
     * @param generatorHidden units in each of G's two hidden layers (ReLU, then sigmoid)
     * @param discriminatorUnits maxout units in each of D's two hidden layers
     * @param discriminatorPieces affine pieces per maxout unit
     */
    public record Widths(int latent, int generatorHidden, int discriminatorUnits, int discriminatorPieces) {

        /** The published widths: 100, 8000, 1200 and 5. */
        public static final Widths PAPER = new Widths(LATENT_DIMENSION, 8000, 1200, 5);

        /**
         * Validates that every width is positive.
         *
         * @throws IllegalArgumentException if a width is below 1
         */
        public Widths {
            if (latent < 1 || generatorHidden < 1 || discriminatorUnits < 1 || discriminatorPieces < 1) {
                throw new IllegalArgumentException("Every layer width must be positive, got latent=" + latent
                        + ", generatorHidden=" + generatorHidden + ", discriminatorUnits=" + discriminatorUnits
                        + ", discriminatorPieces=" + discriminatorPieces);
            }
        }
    }
}
