package org.ganbench.bench.experiment;

import org.ganbench.core.AdversarialPair;
import org.ganbench.core.TrainingConfig;
import org.ganbench.models.CifarGan;
import org.ganbench.models.MnistGan;
import org.ganbench.models.TfdGan;

/**
 * The adversarial pair and optimisation of the authors' released configuration for one data set:
 * {@code mnist.yaml} for MNIST and Fashion-MNIST, the TFD pretraining configuration for TFD and the
 * face sets, and the two CIFAR-10 configurations. The quick profile narrows the face and CIFAR-10
 * networks, whose published 8,000-unit generator layers would not train in minutes on a CPU.
 *
 * @param architecture which released configuration the pair follows
 * @param widths the layer widths, one of the width records of {@link MnistGan}, {@link TfdGan} or
 *     {@link CifarGan}, matching the architecture
 * @param epochs passes over the training set that the profile gives this data set
 */
record GanSetup(Architecture architecture, Object widths, int epochs) {

    /** The released configurations. */
    enum Architecture {
        /** {@code mnist.yaml}. */
        MNIST("released mnist.yaml"),
        /** {@code tfd_pretrain/pretrain.yaml}, with the image size of the data set. */
        FACES("released tfd_pretrain/pretrain.yaml"),
        /** {@code cifar10_fully_connected.yaml}. */
        CIFAR_FULLY_CONNECTED("released cifar10_fully_connected.yaml"),
        /** {@code cifar10_convolutional.yaml}. */
        CIFAR_CONVOLUTIONAL("released cifar10_convolutional.yaml");

        private final String file;

        Architecture(String file) {
            this.file = file;
        }

        /** Returns the configuration's source, for result.json. */
        String source() {
            return "Goodfellow et al. (2014), " + file;
        }
    }

    /** Quick-profile widths of the face pair: the MNIST pair's hidden widths. */
    static final TfdGan.Widths QUICK_FACE_WIDTHS = new TfdGan.Widths(TfdGan.LATENT_DIMENSION, 1200, 240, 5);

    /** Quick-profile widths of the fully connected CIFAR-10 pair. */
    static final CifarGan.FullyConnectedWidths QUICK_CIFAR_WIDTHS =
            new CifarGan.FullyConnectedWidths(CifarGan.LATENT_DIMENSION, 1200, 240, 5);

    /** Quick-profile widths of the convolutional CIFAR-10 pair: a quarter of the published maps. */
    static final CifarGan.ConvolutionalWidths QUICK_CIFAR_CONVOLUTIONAL_WIDTHS =
            new CifarGan.ConvolutionalWidths(CifarGan.LATENT_DIMENSION, 1200, 20, 8, 8, 48, 2, 240, 5);

    /**
     * Chooses the configuration of one GAN row.
     *
     * @param dataset the data set
     * @param kind {@link ModelKind#GAN} or {@link ModelKind#GAN_CONVOLUTIONAL}
     * @param profile quick or paper
     * @return the setup
     */
    static GanSetup of(DatasetKind dataset, ModelKind kind, ExperimentProfile profile) {
        boolean paper = profile == ExperimentProfile.PAPER;
        switch (dataset) {
            case TFD, ORL, FREY:
                return new GanSetup(Architecture.FACES, paper ? TfdGan.Widths.PAPER : QUICK_FACE_WIDTHS,
                        paper ? TfdGan.PAPER_EPOCHS : 10);
            case CIFAR10:
                if (kind == ModelKind.GAN_CONVOLUTIONAL) {
                    return new GanSetup(Architecture.CIFAR_CONVOLUTIONAL,
                            paper ? CifarGan.ConvolutionalWidths.PAPER : QUICK_CIFAR_CONVOLUTIONAL_WIDTHS,
                            paper ? 300 : 2);
                }
                return new GanSetup(Architecture.CIFAR_FULLY_CONNECTED,
                        paper ? CifarGan.FullyConnectedWidths.PAPER : QUICK_CIFAR_WIDTHS, paper ? 300 : 5);
            default:
                // The MNIST pair keeps its published widths in both profiles.
                return new GanSetup(Architecture.MNIST, MnistGan.Widths.PAPER, paper ? 300 : 30);
        }
    }

    /**
     * Builds the pair.
     *
     * @param trainPixels training images, whose pixel means set the output biases of the MNIST and
     *     face generators
     * @param dimension values per image
     * @param seed initialisation seed
     * @return a new pair
     */
    AdversarialPair build(float[] trainPixels, int dimension, long seed) {
        return switch (architecture) {
            case MNIST -> MnistGan.build((MnistGan.Widths) widths, trainPixels, dimension, seed);
            case FACES -> TfdGan.build((TfdGan.Widths) widths, trainPixels, dimension, seed);
            case CIFAR_FULLY_CONNECTED -> CifarGan.fullyConnected((CifarGan.FullyConnectedWidths) widths, seed);
            case CIFAR_CONVOLUTIONAL -> CifarGan.convolutional((CifarGan.ConvolutionalWidths) widths, seed);
        };
    }

    /**
     * Returns the released optimisation of this configuration.
     *
     * @param epochCount passes over the training set
     * @param seed seed of data order, noise and dropout
     * @return the configuration
     */
    TrainingConfig training(int epochCount, long seed) {
        return switch (architecture) {
            case MNIST -> TrainingConfig.paperMnist(epochCount, seed);
            case FACES -> TfdGan.paperTraining(epochCount, seed);
            case CIFAR_FULLY_CONNECTED -> CifarGan.fullyConnectedTraining(epochCount, seed);
            case CIFAR_CONVOLUTIONAL -> CifarGan.convolutionalTraining(epochCount, seed);
        };
    }
}
