package org.ganbench.datasets;

/**
 * Image resizing by area averaging: each target pixel is the mean of the source image over the target pixel's
 * footprint, with source pixels that the footprint covers partly weighted by the covered fraction.
 *
 * <p>Area averaging suits shrinking, because every source pixel contributes in proportion to its overlap and
 * none is skipped, which limits aliasing. It preserves the mean intensity of the image up to rounding. The filter is separable, so rows are resampled first and columns second. All arithmetic
 * is in Java {@code double}, which gives the same results on every JVM (JEP 306), so resizing is reproducible.
 */
final class AreaResampler {

    private AreaResampler() {
    }

    /**
     * Resizes one row-major grey-scale image.
     *
     * @param source row-major pixel values in [0, 1]
     * @param sourceRows source height
     * @param sourceCols source width
     * @param targetRows target height
     * @param targetCols target width
     * @return a new row-major array of {@code targetRows * targetCols} values in [0, 1]
     * @throws IllegalArgumentException if a size is not positive or {@code source} has the wrong length
     */
    static float[] resize(float[] source, int sourceRows, int sourceCols, int targetRows, int targetCols) {
        if (sourceRows <= 0 || sourceCols <= 0 || targetRows <= 0 || targetCols <= 0) {
            throw new IllegalArgumentException(String.format(
                    "Cannot resize %dx%d to %dx%d: every size must be positive.", sourceRows, sourceCols, targetRows, targetCols));
        }
        if (source.length != sourceRows * sourceCols) {
            throw new IllegalArgumentException(String.format(
                    "A %dx%d image needs %d values but %d were passed.", sourceRows, sourceCols, sourceRows * sourceCols, source.length));
        }

        Footprint[] columnFootprints = footprints(sourceCols, targetCols);
        Footprint[] rowFootprints = footprints(sourceRows, targetRows);

        // First pass: resample every source row to the target width.
        double[] narrowed = new double[sourceRows * targetCols];
        for (int r = 0; r < sourceRows; r++) {
            for (int c = 0; c < targetCols; c++) {
                narrowed[r * targetCols + c] = columnFootprints[c].average(source, r * sourceCols, 1);
            }
        }

        // Second pass: resample every column of the narrowed image to the target height.
        float[] target = new float[targetRows * targetCols];
        for (int r = 0; r < targetRows; r++) {
            for (int c = 0; c < targetCols; c++) {
                double value = rowFootprints[r].average(narrowed, c, targetCols);
                // Rounding can push a mean of values in [0, 1] just outside that interval.
                target[r * targetCols + c] = (float) Math.min(1.0, Math.max(0.0, value));
            }
        }
        return target;
    }

    /**
     * The source pixels under one target pixel along one axis.
     *
     * @param first index of the first source pixel covered
     * @param weights covered fraction of each source pixel divided by the footprint length, summing to 1
     */
    private record Footprint(int first, double[] weights) {

        /** Returns the weighted mean of the covered values at {@code offset + (first + i) * stride}. */
        double average(float[] values, int offset, int stride) {
            double sum = 0;
            for (int i = 0; i < weights.length; i++) {
                sum += weights[i] * values[offset + (first + i) * stride];
            }
            return sum;
        }

        double average(double[] values, int offset, int stride) {
            double sum = 0;
            for (int i = 0; i < weights.length; i++) {
                sum += weights[i] * values[offset + (first + i) * stride];
            }
            return sum;
        }
    }

    /** Returns, for each target index, the source pixels that its footprint covers and their weights. */
    private static Footprint[] footprints(int sourceLength, int targetLength) {
        double scale = (double) sourceLength / targetLength;
        Footprint[] footprints = new Footprint[targetLength];
        for (int t = 0; t < targetLength; t++) {
            double start = t * scale;
            double end = Math.min(sourceLength, (t + 1) * scale);
            int first = (int) Math.floor(start);
            int last = Math.min(sourceLength - 1, (int) Math.ceil(end) - 1);

            double[] weights = new double[last - first + 1];
            for (int i = first; i <= last; i++) {
                double covered = Math.min(i + 1, end) - Math.max(i, start);
                weights[i - first] = covered / (end - start);
            }
            footprints[t] = new Footprint(first, weights);
        }
        return footprints;
    }
}
