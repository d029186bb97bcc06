package org.ganbench.datasets;

/** Conversion of 8-bit samples to intensities in [0, 1], and the checks that the image set records share. */
final class Pixels {

    /** Divisor that maps an unsigned byte in [0, 255] to a pixel intensity in [0, 1]. */
    static final float MAX_BYTE_VALUE = 255f;

    /** Intensity of each byte value, so that bulk conversion looks values up instead of dividing. */
    private static final float[] INTENSITY = new float[256];

    static {
        for (int value = 0; value < INTENSITY.length; value++) {
            INTENSITY[value] = value / MAX_BYTE_VALUE;
        }
    }

    private Pixels() {
    }

    /**
     * Scales unsigned bytes from [0, 255] to [0, 1].
     *
     * @param source the bytes, read as unsigned
     * @param sourceOffset index of the first byte to convert
     * @param target array that receives the intensities
     * @param targetOffset index in {@code target} of the first intensity
     * @param length number of values to convert
     */
    static void scaleUnsignedBytes(byte[] source, int sourceOffset, float[] target, int targetOffset, int length) {
        for (int i = 0; i < length; i++) {
            target[targetOffset + i] = INTENSITY[source[sourceOffset + i] & 0xFF];
        }
    }

    /**
     * Checks that every value lies in [0, 1].
     *
     * @param type record name for the message, such as "ImageSet"
     * @param name name of the set
     * @param pixels the values to check
     * @throws IllegalArgumentException naming the first value outside [0, 1] or NaN
     */
    static void requireUnitRange(String type, String name, float[] pixels) {
        for (int i = 0; i < pixels.length; i++) {
            // Written as a negated range test so that NaN fails it too.
            if (!(pixels[i] >= 0f && pixels[i] <= 1f)) {
                throw new IllegalArgumentException(String.format(
                        "%s %s: pixels[%d] is %s, outside [0, 1]. Scale the values first (divide 8-bit values by 255).",
                        type, name, i, pixels[i]));
            }
        }
    }

    /**
     * Checks that there is one non-negative class label per image.
     *
     * @param type record name for the message, such as "ImageSet"
     * @param name name of the set
     * @param count number of images
     * @param labels the labels to check
     * @throws IllegalArgumentException if the length differs from {@code count} or a label is negative
     */
    static void requireLabels(String type, String name, int count, int[] labels) {
        if (labels.length != count) {
            throw new IllegalArgumentException(String.format(
                    "%s %s: %d labels for %d images. Pass one label per image, or null.",
                    type, name, labels.length, count));
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0) {
                throw new IllegalArgumentException(String.format(
                        "%s %s: labels[%d] is %d, but class labels must be non-negative", type, name, i, labels[i]));
            }
        }
    }

    /**
     * Checks that a size is positive.
     *
     * @throws IllegalArgumentException naming the field and its value otherwise
     */
    static void requirePositive(String type, String field, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(type + " " + field + " is " + value + ", but it must be positive");
        }
    }
}
