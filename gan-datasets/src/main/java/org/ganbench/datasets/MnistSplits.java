package org.ganbench.datasets;

import java.util.Objects;

/**
 * The MNIST splits of one load, with a note on where the files came from.
 *
 * @param train training images and labels
 * @param validation held-out images and labels for model selection, such as choosing the Parzen-window bandwidth
 * @param test images and labels for the final log-likelihood estimate
 * @param origin human-readable description of the sources of the files, for logs and reports
 */
public record MnistSplits(ImageSet train, ImageSet validation, ImageSet test, String origin) {

    /**
     * Validates the splits.
     *
     * @throws NullPointerException if any component is null
     * @throws IllegalArgumentException if the splits differ in image size or the origin is blank
     */
    public MnistSplits {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(origin, "origin");
        if (origin.isBlank()) {
            throw new IllegalArgumentException("MnistSplits origin is blank. Describe where the files came from.");
        }
        for (ImageSet split : new ImageSet[] {validation, test}) {
            if (split.rows() != train.rows() || split.cols() != train.cols()) {
                throw new IllegalArgumentException(String.format(
                        "MnistSplits: %s has %dx%d images but %s has %dx%d. All splits must share one image size.",
                        split.name(), split.rows(), split.cols(), train.name(), train.rows(), train.cols()));
            }
        }
    }
}
