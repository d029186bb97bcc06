package org.ganbench.models.reference;

import java.util.SplittableRandom;

/**
 * Well-separated Gaussian clusters for k-means tests: point i belongs to blob {@code i % centres}.
 *
 * @param points row-major (count, dimension)
 * @param centres row-major (blobCount, dimension), the true blob means
 * @param dimension values per point
 */
record Blobs(float[] points, float[] centres, int dimension) {

    /**
     * Draws blobs whose centres have coordinates in [-10, 10] and whose points scatter around them
     * with the given standard deviation per coordinate.
     */
    static Blobs draw(int blobCount, int dimension, int count, double spread, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] centres = new float[blobCount * dimension];
        for (int i = 0; i < centres.length; i++) {
            centres[i] = (float) (random.nextDouble() * 20 - 10);
        }

        float[] points = new float[count * dimension];
        for (int i = 0; i < count; i++) {
            int blob = i % blobCount;
            for (int j = 0; j < dimension; j++) {
                points[i * dimension + j] = (float) (centres[blob * dimension + j] + spread * random.nextGaussian());
            }
        }
        return new Blobs(points, centres, dimension);
    }

    int count() {
        return points.length / dimension;
    }

    int blobCount() {
        return centres.length / dimension;
    }

    /** Returns the squared Euclidean distance between row a of {@code x} and row b of {@code y}. */
    static double squaredDistance(float[] x, int a, float[] y, int b, int dimension) {
        double sum = 0;
        for (int j = 0; j < dimension; j++) {
            double difference = (double) x[a * dimension + j] - y[b * dimension + j];
            sum += difference * difference;
        }
        return sum;
    }

    /** Returns the index of the row of {@code rows} nearest to row {@code point} of {@code points}. */
    static int nearestRow(float[] points, int point, float[] rows, int dimension) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int r = 0; r < rows.length / dimension; r++) {
            double distance = squaredDistance(points, point, rows, r, dimension);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = r;
            }
        }
        return best;
    }
}
