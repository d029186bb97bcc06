package org.ganbench.datasets;

/**
 * Sizes that an IDX file must declare in its header. A size of {@link #ANY} accepts whatever the file declares.
 *
 * @param count expected number of records (images or labels), or {@link #ANY}
 * @param rows expected image height in pixels, or {@link #ANY}
 * @param cols expected image width in pixels, or {@link #ANY}
 */
public record ExpectedShape(int count, int rows, int cols) {

    /** Marker for a size that is not checked. */
    public static final int ANY = -1;

    private static final ExpectedShape UNCONSTRAINED = new ExpectedShape(ANY, ANY, ANY);

    /**
     * Validates the sizes.
     *
     * @throws IllegalArgumentException if a size is neither positive nor {@link #ANY}
     */
    public ExpectedShape {
        requirePositiveOrAny("count", count);
        requirePositiveOrAny("rows", rows);
        requirePositiveOrAny("cols", cols);
    }

    /**
     * Returns the shape that accepts any header.
     *
     * @return a shape with every size set to {@link #ANY}
     */
    public static ExpectedShape any() {
        return UNCONSTRAINED;
    }

    /**
     * Returns the shape of exactly {@code count} images of {@code rows x cols} pixels.
     *
     * @param count number of images
     * @param rows image height in pixels
     * @param cols image width in pixels
     * @return the shape
     * @throws IllegalArgumentException if a size is neither positive nor {@link #ANY}
     */
    public static ExpectedShape of(int count, int rows, int cols) {
        return new ExpectedShape(count, rows, cols);
    }

    /** Returns a description of the form "60000 images of 28x28", with "any" for unchecked sizes. */
    String describe() {
        return String.format("%s images of %sx%s", format(count), format(rows), format(cols));
    }

    /** Returns whether a header that declares these sizes satisfies this shape. */
    boolean accepts(int declaredCount, int declaredRows, int declaredCols) {
        return matches(count, declaredCount) && matches(rows, declaredRows) && matches(cols, declaredCols);
    }

    private static boolean matches(int expected, int declared) {
        return expected == ANY || expected == declared;
    }

    private static String format(int size) {
        return size == ANY ? "any" : Integer.toString(size);
    }

    private static void requirePositiveOrAny(String field, int value) {
        if (value <= 0 && value != ANY) {
            throw new IllegalArgumentException(
                    "ExpectedShape " + field + " is " + value + ". Pass a positive size or ExpectedShape.ANY.");
        }
    }
}
