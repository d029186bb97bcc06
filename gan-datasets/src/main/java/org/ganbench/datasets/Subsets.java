package org.ganbench.datasets;

import java.nio.FloatBuffer;

/** Copies of chosen images of a set, as the folds of a face data set need. */
final class Subsets {

    private Subsets() {
    }

    /**
     * Copies the images at the given indices, in that order, into a new set.
     *
     * @param source the set to copy from
     * @param name name of the new set
     * @param indices image indices in [0, source.count()), at least one
     * @param labels one label per index for the new set, or null for an unlabelled set
     * @return the new set
     * @throws IllegalArgumentException if {@code indices} is empty or the labels do not match it
     * @throws IndexOutOfBoundsException if an index is outside the source set
     */
    static ImageSet select(ImageSet source, String name, int[] indices, int[] labels) {
        if (indices.length == 0) {
            throw new IllegalArgumentException(
                    "Subset " + name + " of " + source.name() + " would be empty. Pass at least one image index.");
        }

        int dimension = source.dimension();
        FloatBuffer all = source.pixelBuffer();
        float[] pixels = new float[indices.length * dimension];
        float[] image = new float[dimension];
        for (int i = 0; i < indices.length; i++) {
            all.get(indices[i] * dimension, image);
            System.arraycopy(image, 0, pixels, i * dimension, dimension);
        }
        return new ImageSet(name, source.rows(), source.cols(), indices.length, pixels, labels);
    }

    /**
     * Copies the images at the given indices together with their labels in the source set.
     *
     * @throws IllegalStateException if the source set has no labels
     */
    static ImageSet selectLabelled(ImageSet source, String name, int[] indices) {
        int[] labels = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            labels[i] = source.label(indices[i]);
        }
        return select(source, name, indices, labels);
    }
}
