package org.ganbench.bench.experiment;

import org.ganbench.bench.figures.ImageShape;
import org.ganbench.bench.report.PaperTable1;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The data sets {@code reproduce} runs, with their command-line names, the name their Table 1 is
 * printed under, the image shape and the rows that can be trained on them.
 */
public enum DatasetKind {

    /** MNIST digits: training images 0-49,999, validation 50,000-59,999, the 10,000 test images. */
    MNIST("mnist", PaperTable1.MNIST, ImageShape.MNIST, Protocol.SINGLE_TEST_SET),
    /** Fashion-MNIST, which runs the MNIST protocol unchanged. */
    FASHION_MNIST("fashion-mnist", "Fashion-MNIST", ImageShape.MNIST, Protocol.SINGLE_TEST_SET),
    /** The Toronto Face Database, from the licensed file {@code TFD_48x48.mat}. */
    TFD("tfd", PaperTable1.TFD, ImageShape.grey(48, 48), Protocol.FIVE_FOLDS),
    /** ORL faces resized to 48 x 48, a stand-in that runs the TFD protocol on folds split by subject. */
    ORL("orl", "ORL faces (48x48, TFD protocol)", ImageShape.grey(48, 48), Protocol.FIVE_FOLDS),
    /** Frey's face video frames, 28 x 20, a stand-in that runs the TFD protocol on contiguous blocks. */
    FREY("frey", "Frey faces (28x20, TFD protocol)", ImageShape.grey(28, 20), Protocol.FIVE_FOLDS),
    /** CIFAR-10, for the samples of Figure 2 of Goodfellow et al. (2014), which reports no log-likelihood on it. */
    CIFAR10("cifar10", "CIFAR-10", ImageShape.CIFAR10, Protocol.SAMPLES_ONLY);

    /** Scoring protocol of a data set's rows. */
    public enum Protocol {
        /** Bandwidth on 1,000 validation images, log-likelihood over one test set. */
        SINGLE_TEST_SET,
        /** Per fold: bandwidth on the fold's validation split, log-likelihood on its test split. */
        FIVE_FOLDS,
        /** No Parzen score: samples, nearest neighbours and interpolations only. */
        SAMPLES_ONLY
    }

    private final String optionName;
    private final String tableName;
    private final ImageShape shape;
    private final Protocol protocol;

    DatasetKind(String optionName, String tableName, ImageShape shape, Protocol protocol) {
        this.optionName = optionName;
        this.tableName = tableName;
        this.shape = shape;
        this.protocol = protocol;
    }

    /** Name typed after {@code --dataset}. */
    public String optionName() {
        return optionName;
    }

    /** Data set name in the heading of its table; face stand-ins never print as TFD. */
    public String tableName() {
        return tableName;
    }

    /** Shape of one image. */
    public ImageShape shape() {
        return shape;
    }

    /** Returns true if the data set can be fetched, so that it needs no {@code --data-dir}. */
    public boolean downloadable() {
        return this == MNIST || this == FASHION_MNIST;
    }

    /** Returns the scoring protocol of this data set. */
    public Protocol protocol() {
        return protocol;
    }

    /** Returns the rows that {@code --models all} selects, in table order. */
    public Set<ModelKind> models() {
        if (this == CIFAR10) {
            return EnumSet.of(ModelKind.GAN, ModelKind.GAN_CONVOLUTIONAL);
        }
        return EnumSet.complementOf(EnumSet.of(ModelKind.GAN_CONVOLUTIONAL));
    }

    /**
     * Parses a command-line name.
     *
     * @param name e.g. "mnist" or "cifar10", any case
     * @return the data set
     * @throws IllegalArgumentException naming the value and the accepted names
     */
    public static DatasetKind parse(String name) {
        String requested = name.trim().toLowerCase(Locale.ROOT);
        for (DatasetKind kind : values()) {
            if (kind.optionName.equals(requested)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("Unknown data set '" + name + "'; accepted: " + String.join(", ", names()));
    }

    /** Command-line names of every data set, in declaration order. */
    public static List<String> names() {
        return java.util.Arrays.stream(values()).map(DatasetKind::optionName).toList();
    }
}
