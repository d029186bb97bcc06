package org.ganbench.datasets;

import java.util.List;
import java.util.Objects;

/**
 * The CIFAR-10 training and test images with the names of their ten classes (Krizhevsky, "Learning Multiple
 * Layers of Features from Tiny Images", 2009).
 *
 * @param train the 50,000 training images, labelled 0 to 9, in the order of {@code data_batch_1.bin} to
 *     {@code data_batch_5.bin}
 * @param test the 10,000 test images of {@code test_batch.bin}, labelled 0 to 9
 * @param classNames class names in label order, for example {@code classNames.get(0)} is "airplane"
 */
public record Cifar10Data(ColourImageSet train, ColourImageSet test, List<String> classNames) {

    /**
     * Validates the sets and copies the class names.
     *
     * @throws NullPointerException if a component or class name is null
     * @throws IllegalArgumentException if the sets are unlabelled, differ in image shape, or have a label
     *     without a class name
     */
    public Cifar10Data {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        classNames = List.copyOf(classNames);
        if (train.channels() != test.channels() || train.rows() != test.rows() || train.cols() != test.cols()) {
            throw new IllegalArgumentException(String.format(
                    "Cifar10Data: training images are %dx%dx%d but test images are %dx%dx%d. Both must share one shape.",
                    train.channels(), train.rows(), train.cols(), test.channels(), test.rows(), test.cols()));
        }
        for (ColourImageSet split : List.of(train, test)) {
            requireNamedLabels(split, classNames.size());
        }
    }

    private static void requireNamedLabels(ColourImageSet split, int classCount) {
        if (!split.hasLabels()) {
            throw new IllegalArgumentException("Cifar10Data: " + split.name() + " has no labels. Pass labelled sets.");
        }
        for (int i = 0; i < split.count(); i++) {
            if (split.label(i) >= classCount) {
                throw new IllegalArgumentException(String.format(
                        "Cifar10Data: image %d of %s has label %d but only %d class names were given.",
                        i, split.name(), split.label(i), classCount));
            }
        }
    }
}
