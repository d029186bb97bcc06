package org.ganbench.models.reference;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.Arrays;

/**
 * Assigns every point to its nearest centroid in squared Euclidean distance.
 *
 * <p>The search uses ||x - c||^2 = ||x||^2 - 2 x.c + ||c||^2, so one matrix product per block of
 * points scores many centroids at once. Native memory stays at about {@code blockSize x k} floats
 * however many points there are. The squared distance of each point to its chosen centroid is then
 * recomputed directly in double precision, because the expanded form loses digits to cancellation
 * when a point is close to its centroid.
 *
 * <p>After the first pass, {@link #reassign} searches only what an update can have changed. A
 * centroid that did not move is still the nearest of the unmoved centroids for every point it
 * had, so such a point only needs comparing with the centroids that moved. A point whose own
 * centroid moved gets a full search. Late Lloyd iterations move few centroids, so they cost a
 * small fraction of a full pass, with the same result up to ties.
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
     * Finds the nearest centroid of every point by searching all centroids.
     *
     * @param manager parent of the scopes that hold the blocks; nothing stays attached to it
     * @param centroids row-major (clusterCount, dimension)
     * @param clusterCount k
     * @return the nearest centroid of each point and the squared distance to it
     */
    Assignment assign(NDManager manager, float[] centroids, int clusterCount) {
        int[] clusters = searchAmong(manager, range(pointCount), centroids, range(clusterCount));
        return new Assignment(clusters, squaredDistances(centroids, clusters));
    }

    /**
     * Builds the assignment to given clusters, computing the squared distances exactly.
     *
     * @param centroids row-major (clusterCount, dimension)
     * @param clusters nearest centroid of each point, found elsewhere
     * @return the assignment
     */
    Assignment withClusters(float[] centroids, int[] clusters) {
        return new Assignment(clusters.clone(), squaredDistances(centroids, clusters));
    }

    /**
     * Updates an assignment after the centroids flagged in {@code moved} changed.
     *
     * @param manager parent of the scopes that hold the blocks; nothing stays attached to it
     * @param centroids row-major (clusterCount, dimension), the updated centroids
     * @param clusterCount k
     * @param previous nearest centroids before the update, which must have been exact for the
     *     centroids that did not move
     * @param moved which centroids differ from the ones {@code previous} was computed for
     * @return the nearest centroid of each point and the squared distance to it
     */
    Assignment reassign(NDManager manager, float[] centroids, int clusterCount, Assignment previous,
                        boolean[] moved) {
        int[] movedCentroids = indicesOf(moved, true);
        if (movedCentroids.length * 2 > clusterCount) {
            // Gathering rows costs more than it saves when most centroids moved.
            return assign(manager, centroids, clusterCount);
        }
        if (movedCentroids.length == 0) {
            return previous;
        }

        int[] clusters = previous.clusters().clone();
        double[] distances = previous.squaredDistances().clone();
        boolean[] ownMoved = new boolean[pointCount];
        for (int i = 0; i < pointCount; i++) {
            ownMoved[i] = moved[clusters[i]];
        }

        int[] fullSearch = indicesOf(ownMoved, true);
        int[] nearestOfAll = searchAmong(manager, fullSearch, centroids, range(clusterCount));
        for (int r = 0; r < fullSearch.length; r++) {
            int point = fullSearch[r];
            clusters[point] = nearestOfAll[r];
            distances[point] = squaredDistance(point, centroids, clusters[point]);
        }

        int[] movedOnly = indicesOf(ownMoved, false);
        int[] nearestOfMoved = searchAmong(manager, movedOnly, centroids, movedCentroids);
        for (int r = 0; r < movedOnly.length; r++) {
            int point = movedOnly[r];
            // Confirm in double precision before switching, so rounding cannot raise the inertia.
            double candidate = squaredDistance(point, centroids, nearestOfMoved[r]);
            if (candidate < distances[point]) {
                clusters[point] = nearestOfMoved[r];
                distances[point] = candidate;
            }
        }
        return new Assignment(clusters, distances);
    }

    /**
     * For each listed point, finds the nearest of the listed centroids by blocked matrix products.
     *
     * @return for each listed point, the index (into all centroids) of the nearest listed one
     */
    private int[] searchAmong(NDManager manager, int[] pointRows, float[] centroids, int[] candidates) {
        int[] nearest = new int[pointRows.length];
        if (pointRows.length == 0) {
            return nearest;
        }

        try (NDManager scope = manager.newSubManager()) {
            NDArray candidateMatrix = scope.create(DistinctRows.copy(centroids, dimension, candidates),
                    new Shape(candidates.length, dimension));
            NDArray candidatesTransposed = candidateMatrix.transpose();
            NDArray candidateNorms = candidateMatrix.square().sum(new int[] {1});

            for (int start = 0; start < pointRows.length; start += blockSize) {
                int end = Math.min(pointRows.length, start + blockSize);
                int[] blockRows = Arrays.copyOfRange(pointRows, start, end);
                try (NDManager blockScope = scope.newSubManager()) {
                    NDArray block = blockScope.create(DistinctRows.copy(points, dimension, blockRows),
                            new Shape(blockRows.length, dimension));

                    // ||x||^2 is the same for every centroid of a row, so the argmin leaves it out.
                    NDArray scores = block.matMul(candidatesTransposed).muli(-2).addi(candidateNorms);
                    long[] best = scores.argMin(1).toLongArray();
                    for (int row = 0; row < best.length; row++) {
                        nearest[start + row] = candidates[(int) best[row]];
                    }
                }
            }
        }
        return nearest;
    }

    private double[] squaredDistances(float[] centroids, int[] clusters) {
        double[] distances = new double[pointCount];
        for (int i = 0; i < pointCount; i++) {
            distances[i] = squaredDistance(i, centroids, clusters[i]);
        }
        return distances;
    }

    private double squaredDistance(int point, float[] centroids, int cluster) {
        int pointOffset = point * dimension;
        int centroidOffset = cluster * dimension;
        double sum = 0;
        for (int j = 0; j < dimension; j++) {
            double difference = (double) points[pointOffset + j] - centroids[centroidOffset + j];
            sum += difference * difference;
        }
        return sum;
    }

    private static int[] range(int count) {
        int[] indices = new int[count];
        for (int i = 0; i < count; i++) {
            indices[i] = i;
        }
        return indices;
    }

    private static int[] indicesOf(boolean[] flags, boolean value) {
        int count = 0;
        for (boolean flag : flags) {
            if (flag == value) {
                count++;
            }
        }
        int[] indices = new int[count];
        int next = 0;
        for (int i = 0; i < flags.length; i++) {
            if (flags[i] == value) {
                indices[next++] = i;
            }
        }
        return indices;
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
