package org.ganbench.models.reference;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.Arrays;

/**
 * Assigns every point to its nearest centroid in squared Euclidean distance.
 *
 * <p>The search uses ||x - c||^2 = ||x||^2 - 2 x.c + ||c||^2, so one matrix product per block of
 * points scores all centroids at once. Native memory stays at about {@code blockSize x k} floats
 * however many points there are. The squared distance of each point to its chosen centroid is then
 * recomputed directly in double precision, because the expanded form loses digits to cancellation
 * when a point is close to its centroid.
 */
final class NearestCentroid {

    private final float[] points;
    private final int dimension;
    private final int pointCount;
    private final int blockSize;

    NearestCentroid(float[] points, int dimension, int blockSize) {
        this.points = points;
        this.dimension = dimension;
        this.pointCount = points.length / dimension;
        this.blockSize = blockSize;
    }

    /**
     * Finds the nearest centroid of every point.
     *
     * @param manager parent of the scopes that hold the blocks; nothing stays attached to it
     * @param centroids row-major (clusterCount, dimension)
     * @param clusterCount k
     * @return the nearest centroid of each point and the squared distance to it
     */
    Assignment assign(NDManager manager, float[] centroids, int clusterCount) {
        int[] clusters = new int[pointCount];

        try (NDManager scope = manager.newSubManager()) {
            NDArray centroidMatrix = scope.create(centroids, new Shape(clusterCount, dimension));
            NDArray centroidsTransposed = centroidMatrix.transpose();
            NDArray centroidNorms = centroidMatrix.square().sum(new int[] {1});

            for (int start = 0; start < pointCount; start += blockSize) {
                int end = Math.min(pointCount, start + blockSize);
                try (NDManager blockScope = scope.newSubManager()) {
                    NDArray block = blockScope.create(Arrays.copyOfRange(points, start * dimension, end * dimension),
                            new Shape(end - start, dimension));

                    // ||x||^2 is the same for every centroid of a row, so the argmin leaves it out.
                    NDArray scores = block.matMul(centroidsTransposed).muli(-2).addi(centroidNorms);
                    long[] nearest = scores.argMin(1).toLongArray();
                    for (int row = 0; row < nearest.length; row++) {
                        clusters[start + row] = (int) nearest[row];
                    }
                }
            }
        }

        return new Assignment(clusters, squaredDistances(centroids, clusters));
    }

    private double[] squaredDistances(float[] centroids, int[] clusters) {
        double[] distances = new double[pointCount];
        for (int i = 0; i < pointCount; i++) {
            int pointOffset = i * dimension;
            int centroidOffset = clusters[i] * dimension;
            double sum = 0;
            for (int j = 0; j < dimension; j++) {
                double difference = (double) points[pointOffset + j] - centroids[centroidOffset + j];
                sum += difference * difference;
            }
            distances[i] = sum;
        }
        return distances;
    }

    /**
     * Nearest centroids of a point set.
     *
     * @param clusters index of the nearest centroid of each point
     * @param squaredDistances squared Euclidean distance of each point to that centroid
     */
    record Assignment(int[] clusters, double[] squaredDistances) {

        /** Returns the k-means objective: the sum of the squared distances. */
        double inertia() {
            double sum = 0;
            for (double distance : squaredDistances) {
                sum += distance;
            }
            return sum;
        }

        /** Counts the points whose cluster differs from the one in {@code previous}. */
        int changedFrom(int[] previous) {
            int changed = 0;
            for (int i = 0; i < clusters.length; i++) {
                if (clusters[i] != previous[i]) {
                    changed++;
                }
            }
            return changed;
        }
    }
}
