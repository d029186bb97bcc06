package org.ganbench.datasets;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * Immutable set of equally sized multi-channel images, such as RGB photographs, with optional class labels.
 *
 * <p>It is a separate type from the grey-scale {@link ImageSet} so that no existing caller of
 * {@code ImageSet} meets a third axis it does not expect. Each image is stored channel-planar, as the
 * {@code (channels, rows, cols)} layout that DJL and PyTorch use for one image: the whole first channel
 * row-major, then the second, and so on. Images follow each other in one float32 array of
 * {@code count x channels x rows x cols} values in [0, 1]. The constructor and the array accessors copy,
 * so no caller can change a set after it is built. Use {@link #pixelBuffer()} for bulk reads without a copy.
 *
 * @param name short name used in logs and reports, for example {@code "cifar10-train"}
 * @param channels number of colour channels, 3 for RGB
 * @param rows image height in pixels
 * @param cols image width in pixels
 * @param count number of images
 * @param pixels channel-planar pixel values in [0, 1], of length {@code count * channels * rows * cols}
 * @param labels one class label per image, or null for an unlabelled set
 */
public record ColourImageSet(String name, int channels, int rows, int cols, int count, float[] pixels,
        int[] labels) {

    private static final String TYPE = "ColourImageSet";

    /**
     * Validates and copies the arrays.
     *
     * @throws NullPointerException if {@code name} or {@code pixels} is null
     * @throws IllegalArgumentException if the name is blank, a size is not positive, the pixel array does not
     *     have {@code count * channels * rows * cols} values, a pixel is outside [0, 1] or NaN, or the label
     *     array does not have {@code count} non-negative values
     */
    public ColourImageSet {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pixels, "pixels");
        if (name.isBlank()) {
            throw new IllegalArgumentException(
                    "ColourImageSet name is blank. Give the set a short name such as \"cifar10-train\".");
        }
        Pixels.requirePositive(TYPE, "channels", channels);
        Pixels.requirePositive(TYPE, "rows", rows);
        Pixels.requirePositive(TYPE, "cols", cols);
        Pixels.requirePositive(TYPE, "count", count);

        long expectedLength = (long) count * channels * rows * cols;
        if (pixels.length != expectedLength) {
            throw new IllegalArgumentException(String.format(
                    "ColourImageSet %s: pixels has %d values but %d images of %d channels of %dx%d need %d. "
                            + "Pass count * channels * rows * cols values.",
                    name, pixels.length, count, channels, rows, cols, expectedLength));
        }
        Pixels.requireUnitRange(TYPE, name, pixels);
        if (labels != null) {
            Pixels.requireLabels(TYPE, name, count, labels);
        }

        pixels = pixels.clone();
        labels = labels == null ? null : labels.clone();
    }

    /**
     * Returns the number of values per image.
     *
     * @return {@code channels * rows * cols}
     */
    public int dimension() {
        return channels * rows * cols;
    }

    /**
     * Returns a copy of all pixel values. This copies {@code count * dimension()} floats on every call, so
     * prefer {@link #pixelBuffer()} or {@link #image(int)} inside loops.
     *
     * @return a new array of channel-planar pixel values in [0, 1]
     */
    @Override
    public float[] pixels() {
        return pixels.clone();
    }

    /**
     * Returns a copy of the class labels.
     *
     * @return a new array with one label per image, or null if the set is unlabelled
     */
    @Override
    public int[] labels() {
        return labels == null ? null : labels.clone();
    }

    /**
     * Returns a read-only view of all pixel values, without copying them.
     *
     * @return a read-only buffer positioned at 0 with {@code count * dimension()} values remaining
     */
    public FloatBuffer pixelBuffer() {
        return FloatBuffer.wrap(pixels).asReadOnlyBuffer();
    }

    /**
     * Returns whether every image has a class label.
     *
     * @return true if the set was built with labels
     */
    public boolean hasLabels() {
        return labels != null;
    }

    /**
     * Returns the pixels of one image.
     *
     * @param index image index in [0, count)
     * @return a new array of {@link #dimension()} channel-planar values in [0, 1]
     * @throws IndexOutOfBoundsException if {@code index} is outside [0, count)
     */
    public float[] image(int index) {
        Objects.checkIndex(index, count);
        int start = index * dimension();
        return Arrays.copyOfRange(pixels, start, start + dimension());
    }

    /**
     * Returns one pixel value.
     *
     * @param index image index in [0, count)
     * @param channel channel in [0, channels), for RGB 0 = red, 1 = green, 2 = blue
     * @param row row in [0, rows), 0 at the top
     * @param col column in [0, cols), 0 at the left
     * @return the value in [0, 1]
     * @throws IndexOutOfBoundsException if an index is outside its range
     */
    public float pixel(int index, int channel, int row, int col) {
        Objects.checkIndex(index, count);
        Objects.checkIndex(channel, channels);
        Objects.checkIndex(row, rows);
        Objects.checkIndex(col, cols);
        return pixels[index * dimension() + (channel * rows + row) * cols + col];
    }

    /**
     * Returns the class label of one image.
     *
     * @param index image index in [0, count)
     * @return the label of that image
     * @throws IndexOutOfBoundsException if {@code index} is outside [0, count)
     * @throws IllegalStateException if the set has no labels
     */
    public int label(int index) {
        Objects.checkIndex(index, count);
        if (labels == null) {
            throw new IllegalStateException("ColourImageSet " + name + " has no labels. Read it with its labels.");
        }
        return labels[index];
    }

    /**
     * Copies a contiguous range of images, and their labels if any, into a new set.
     *
     * @param sliceName name of the new set
     * @param from index of the first image, inclusive
     * @param to index after the last image, exclusive
     * @return a set of {@code to - from} images
     * @throws IllegalArgumentException if the range is empty or outside [0, count], or the name is blank
     * @throws NullPointerException if {@code sliceName} is null
     */
    public ColourImageSet slice(String sliceName, int from, int to) {
        if (from < 0 || to > count || from >= to) {
            throw new IllegalArgumentException(String.format(
                    "ColourImageSet %s: invalid slice [%d, %d) of %d images. Pass 0 <= from < to <= %d.",
                    name, from, to, count, count));
        }

        float[] slicePixels = Arrays.copyOfRange(pixels, from * dimension(), to * dimension());
        int[] sliceLabels = labels == null ? null : Arrays.copyOfRange(labels, from, to);
        return new ColourImageSet(sliceName, channels, rows, cols, to - from, slicePixels, sliceLabels);
    }

    /** Compares sizes, names and array contents, unlike the array identity a record would compare. */
    @Override
    public boolean equals(Object other) {
        return other instanceof ColourImageSet that
                && name.equals(that.name)
                && channels == that.channels
                && rows == that.rows
                && cols == that.cols
                && count == that.count
                && Arrays.equals(pixels, that.pixels)
                && Arrays.equals(labels, that.labels);
    }

    @Override
    public int hashCode() {
        int result = Objects.hash(name, channels, rows, cols, count);
        result = 31 * result + Arrays.hashCode(pixels);
        return 31 * result + Arrays.hashCode(labels);
    }

    /** Summarizes the set without its pixel values. */
    @Override
    public String toString() {
        return String.format("ColourImageSet[name=%s, count=%d, size=%dx%dx%d, labels=%s]",
                name, count, channels, rows, cols, labels == null ? "none" : "yes");
    }
}
