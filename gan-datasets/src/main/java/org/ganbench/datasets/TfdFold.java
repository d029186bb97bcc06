package org.ganbench.datasets;

import java.util.Objects;

/**
 * One fold of the Toronto Face Database protocol: disjoint training, validation and test sets of grey-scale
 * faces. The Parzen-window evaluation of Goodfellow et al. (2014) picks the bandwidth on the validation set
 * of a fold and reports the log-likelihood of its test set. {@link TfdData#fold(int)} returns the folds of
 * TFD itself, {@link FaceFolds} those of the face sets that stand in for it.
 *
 * @param index fold number, 0 to 4
 * @param train training images
 * @param validation images for model selection, such as the Parzen-window bandwidth
 * @param test images for the final log-likelihood estimate
 */
public record TfdFold(int index, ImageSet train, ImageSet validation, ImageSet test) {

    /** Number of folds in the TFD protocol. */
    public static final int COUNT = 5;

    /**
     * Validates the fold.
     *
     * @throws NullPointerException if a set is null
     * @throws IllegalArgumentException if {@code index} is outside [0, 5) or the sets differ in image size
     */
    public TfdFold {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(test, "test");
        requireIndex(index);
        for (ImageSet split : new ImageSet[] {validation, test}) {
            if (split.rows() != train.rows() || split.cols() != train.cols()) {
                throw new IllegalArgumentException(String.format(
                        "TfdFold %d: %s has %dx%d images but %s has %dx%d. All sets of a fold must share one size.",
                        index, split.name(), split.rows(), split.cols(), train.name(), train.rows(), train.cols()));
            }
        }
    }

    /**
     * Checks a fold number.
     *
     * @param index the fold number to check
     * @throws IllegalArgumentException if {@code index} is outside [0, 5)
     */
    static void requireIndex(int index) {
        if (index < 0 || index >= COUNT) {
            throw new IllegalArgumentException("Fold " + index + " does not exist. Pass a fold from 0 to " + (COUNT - 1) + ".");
        }
    }
}
