package org.ganbench.models;

/**
 * Global contrast normalisation, the CIFAR-10 preprocessing of the authors' released
 * configurations ({@code gcn: 55.} in pylearn2's CIFAR10 dataset): each image is centred on its
 * own mean and scaled to Euclidean norm {@code scale}. With scale 55 and 3072 values, the
 * root-mean-square value of an image is 55 / sqrt(3072), about 0.99.
 *
 * <p>The transform ignores a positive rescaling of its input, so images in [0, 1] give the same
 * result as pylearn2's [0, 255] pixels, apart from the near-constant images that the minimum
 * divisor guards.
 */
public final class GlobalContrastNormalization {

    /** The scale of the authors' CIFAR-10 configurations. */
    public static final double PAPER_SCALE = 55.0;

    // pylearn2's global_contrast_normalize leaves an image unscaled when its norm divided by the
    // scale is below this, so a constant image becomes all zeros instead of NaN.
    private static final double MIN_DIVISOR = 1e-8;

    private GlobalContrastNormalization() {
    }

    /**
     * Centres each image and scales it to the given Euclidean norm.
     *
     * @param images row-major (count, dimension), finite values
     * @param dimension values per image
     * @param scale Euclidean norm of each normalised image, positive
     * @return a new array of the same shape
     * @throws IllegalArgumentException if the length is not a positive multiple of the dimension,
     *     the scale is not positive, or a value is NaN or infinite
     */
    public static float[] normalize(float[] images, int dimension, double scale) {
        int count = imageCount(images, dimension);
        if (!(scale > 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("Contrast normalisation scale must be positive and finite, got " + scale);
        }

        float[] normalized = new float[images.length];
        for (int image = 0; image < count; image++) {
            int offset = image * dimension;
            double mean = 0;
            for (int i = 0; i < dimension; i++) {
                mean += images[offset + i];
            }
            mean /= dimension;

            double squares = 0;
            for (int i = 0; i < dimension; i++) {
                double centred = images[offset + i] - mean;
                squares += centred * centred;
            }
            double divisor = Math.sqrt(squares) / scale;
            if (divisor < MIN_DIVISOR) {
                divisor = 1;
            }

            for (int i = 0; i < dimension; i++) {
                normalized[offset + i] = (float) ((images[offset + i] - mean) / divisor);
            }
        }
        return normalized;
    }

    /**
     * Maps normalised images, or a generator's samples in that space, to [0, 1] for display, as
     * pylearn2's viewer does. Each image is divided by its largest absolute value, which puts it
     * in [-1, 1], and then shifted to (v + 1) / 2. An all-zero image becomes uniform grey 0.5.
     *
     * @param images row-major (count, dimension), finite values
     * @param dimension values per image
     * @return a new array of the same shape with values in [0, 1]
     * @throws IllegalArgumentException if the length is not a positive multiple of the dimension,
     *     or a value is NaN or infinite
     */
    public static float[] toDisplayRange(float[] images, int dimension) {
        int count = imageCount(images, dimension);

        float[] display = new float[images.length];
        for (int image = 0; image < count; image++) {
            int offset = image * dimension;
            double largest = 0;
            for (int i = 0; i < dimension; i++) {
                largest = Math.max(largest, Math.abs(images[offset + i]));
            }
            double divisor = largest > 0 ? largest : 1;

            for (int i = 0; i < dimension; i++) {
                double value = (images[offset + i] / divisor + 1) / 2;
                // Rounding can leave the extreme value a hair outside [0, 1].
                display[offset + i] = (float) Math.min(1, Math.max(0, value));
            }
        }
        return display;
    }

    private static int imageCount(float[] images, int dimension) {
        if (dimension < 1 || images.length == 0 || images.length % dimension != 0) {
            throw new IllegalArgumentException("Image array of length " + images.length
                    + " is not a positive multiple of the dimension " + dimension + "; pass whole images, row-major");
        }
        for (int i = 0; i < images.length; i++) {
            if (!Float.isFinite(images[i])) {
                throw new IllegalArgumentException("Image " + (i / dimension) + " has value " + images[i]
                        + " at index " + (i % dimension) + "; contrast normalisation needs finite values");
            }
        }
        return images.length / dimension;
    }
}
