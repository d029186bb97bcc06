package org.ganbench.bench.experiment;

import java.util.Locale;

/** The models `reproduce` can train and score, in Table 1 order, with their command-line names. */
public enum ModelKind {
    /** Deep belief network, a stack of RBMs. */
    DBN("dbn", "DBN"),
    /** Stacked contractive autoencoders. */
    STACKED_CAE("cae", "Stacked CAE"),
    /** Deep generative stochastic network. */
    DEEP_GSN("gsn", "Deep GSN"),
    /** The adversarial pair of Goodfellow et al. (2014). */
    GAN("gan", "Adversarial nets"),
    /** The convolutional CIFAR-10 pair, whose generator ends in a transposed convolution. */
    GAN_CONVOLUTIONAL("gan-conv", "Adversarial nets (convolutional)"),
    /** Training images used directly as samples: a perfect memoriser. */
    TRAINING_DATA("training-data", "Training data"),
    /** Centroids of k-means on the training images. */
    KMEANS("kmeans", "k-means");

    private final String optionName;
    private final String label;

    ModelKind(String optionName, String label) {
        this.optionName = optionName;
        this.label = label;
    }

    /** Name typed after {@code --models}. */
    public String optionName() {
        return optionName;
    }

    /** Row label in Table 1. */
    public String label() {
        return label;
    }

    /**
     * Returns the row label on one data set. On CIFAR-10 the paper shows two adversarial pairs, so
     * the fully connected one is named as such.
     *
     * @param dataset the data set of the table
     * @return the label
     */
    public String label(DatasetKind dataset) {
        return this == GAN && dataset == DatasetKind.CIFAR10 ? "Adversarial nets (fully connected)" : label;
    }

    /**
     * Parses a command-line name.
     *
     * @param name e.g. "gan" or "kmeans", any case
     * @return the kind
     * @throws IllegalArgumentException naming the value and the accepted names
     */
    public static ModelKind parse(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (ModelKind kind : values()) {
            if (kind.optionName.equals(wanted)) {
                return kind;
            }
        }
        StringBuilder accepted = new StringBuilder();
        for (ModelKind kind : values()) {
            accepted.append(accepted.length() == 0 ? "" : ", ").append(kind.optionName);
        }
        throw new IllegalArgumentException("Unknown model '" + name + "'; accepted: " + accepted + ", all");
    }
}
