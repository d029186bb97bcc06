package org.ganbench.eval;

import java.util.Arrays;
import java.util.Objects;

/**
 * Points in R^d stored as a row-major {@code count x dimension} matrix, one point per row.
 *
 * <p>The constructor does not copy {@code values}, because sample and test sets reach tens of
 * megabytes. Callers must not modify the array after construction. Every value must be finite,
 * so a NaN cannot silently turn a log-likelihood into NaN.
 *
 * @param values row-major coordinates, {@code values[point * dimension + feature]}
 * @param count number of points (rows), at least 1
 * @param dimension number of features per point (columns), at least 1
 */
public record PointSet(float[] values, int count, int dimension) {

    /**
     * Validates the shape and the values.
     *
     * @throws NullPointerException if {@code values} is null
     * @throws IllegalArgumentException if {@code count} or {@code dimension} is not positive, if
     *     {@code values.length != count * dimension}, or if any value is NaN or infinite
     */
    public PointSet {
        Objects.requireNonNull(values, "values must not be null. Pass a row-major count x dimension array");

        if (count <= 0) {
            throw new IllegalArgumentException(
                    "invalid point count " + count + ". Pass a set with at least one point");
        }
        if (dimension <= 0) {
            throw new IllegalArgumentException(
                    "invalid dimension " + dimension + ". Pass the number of features per point, at least 1");
        }

        long expectedLength = (long) count * dimension;
        if (values.length != expectedLength) {
            throw new IllegalArgumentException("values has length " + values.length + " but count x dimension = "
                    + count + " x " + dimension + " = " + expectedLength
                    + ". Pass a row-major array with one row per point");
        }

        requireFinite(values, dimension);
    }

    /**
     * Creates a point set from one array per point, copying the coordinates.
     *
     * @param points the points, all rows of the same non-zero length
     * @return a point set with {@code points.length} rows
     * @throws IllegalArgumentException if {@code points} is empty, if the rows differ in length, or if
     *     any value is not finite
     */
    public static PointSet of(float[][] points) {
        if (points.length == 0) {
            throw new IllegalArgumentException("points is empty. Pass at least one point");
        }

        int dimension = points[0].length;
        float[] values = new float[points.length * dimension];
        for (int i = 0; i < points.length; i++) {
            if (points[i].length != dimension) {
                throw new IllegalArgumentException("point " + i + " has " + points[i].length
                        + " features but point 0 has " + dimension + ". Pass points of one dimension");
            }
            System.arraycopy(points[i], 0, values, i * dimension, dimension);
        }
        return new PointSet(values, points.length, dimension);
    }

    /**
     * Copies the first {@code n} points, for example the 1,000 validation images that bandwidth
     * selection uses.
     *
     * @param n number of leading points to keep, from 1 to {@link #count()}
     * @return a new point set that shares no storage with this one
     * @throws IllegalArgumentException if {@code n} is not in {@code [1, count]}
     */
    public PointSet first(int n) {
        if (n <= 0 || n > count) {
            throw new IllegalArgumentException(
                    "cannot take the first " + n + " points of a set of " + count + ". Pass n in [1, " + count + "]");
        }
        return new PointSet(Arrays.copyOf(values, n * dimension), n, dimension);
    }

    /** Compares shape and values element by element, unlike the default record equality on arrays. */
    @Override
    public boolean equals(Object other) {
        return other instanceof PointSet that
                && count == that.count
                && dimension == that.dimension
                && Arrays.equals(values, that.values);
    }

    /** Hashes shape and values, consistent with {@link #equals(Object)}. */
    @Override
    public int hashCode() {
        return 31 * (31 * count + dimension) + Arrays.hashCode(values);
    }

    /** Describes the shape only, because the values can run to millions of numbers. */
    @Override
    public String toString() {
        return "PointSet[count=" + count + ", dimension=" + dimension + "]";
    }

    private static void requireFinite(float[] values, int dimension) {
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new IllegalArgumentException("value " + values[i] + " at point " + i / dimension
                        + ", feature " + i % dimension
                        + " is not finite. Remove or repair NaN and infinite values before estimating log-likelihoods");
            }
        }
    }
}
