package org.ganbench.bench.figures;

/**
 * Shape of one flattened image: grey ({@code channels == 1}) or RGB colour ({@code channels == 3}).
 *
 * <p>Colour images are stored channel-planar as in the CIFAR-10 binary files: the whole red plane,
 * then green, then blue, each plane row-major, so the value of channel {@code c} at row {@code y}
 * and column {@code x} is at index {@code c * height * width + y * width + x}.
 *
 * @param channels 1 for grey, 3 for RGB colour
 * @param height image height in pixels
 * @param width image width in pixels
 */
public record ImageShape(int channels, int height, int width) {

    /** Shape of an MNIST digit: 28 x 28 grey. */
    public static final ImageShape MNIST = grey(28, 28);

    /** Shape of a CIFAR-10 image: 32 x 32 RGB. */
    public static final ImageShape CIFAR10 = colour(32, 32);

    /**
     * Validates the shape.
     *
     * @throws IllegalArgumentException if {@code channels} is not 1 or 3, a side is below 1, or
     *     the image has more than {@code Integer.MAX_VALUE} values
     */
    public ImageShape {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("Image channels must be 1 (grey) or 3 (RGB), got " + channels + ".");
        }
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException("Image height and width must be at least 1 pixel, got "
                    + height + " x " + width + ".");
        }
        if ((long) channels * height * width > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("Image shape " + channels + " x " + height + " x " + width
                    + " has more values than a Java array can index; use smaller images.");
        }
    }

    /**
     * Creates a grey image shape.
     *
     * @param height image height in pixels
     * @param width image width in pixels
     * @return a one-channel shape
     * @throws IllegalArgumentException if a side is below 1
     */
    public static ImageShape grey(int height, int width) {
        return new ImageShape(1, height, width);
    }

    /**
     * Creates a channel-planar RGB image shape.
     *
     * @param height image height in pixels
     * @param width image width in pixels
     * @return a three-channel shape
     * @throws IllegalArgumentException if a side is below 1
     */
    public static ImageShape colour(int height, int width) {
        return new ImageShape(3, height, width);
    }

    /**
     * Returns the number of values in one flattened image, {@code channels * height * width}.
     *
     * @return the image dimension
     */
    public int dimension() {
        return channels * height * width;
    }

    /**
     * Returns the number of pixels in one channel plane, {@code height * width}.
     *
     * @return the plane size
     */
    public int planeSize() {
        return height * width;
    }

    @Override
    public String toString() {
        return channels + " x " + height + " x " + width;
    }
}
