package org.ganbench.models.reference;

import java.util.Arrays;

/**
 * Outcome of a k-means run. The assignments are the nearest centroids of the final centroids, so
 * {@code inertia()} is the k-means objective of exactly the returned centroids.
 *
 * <p>The constructor copies the arrays and the accessors return copies, so a result cannot change
 * after it is built.
 *
 * @param centroids row-major (clusterCount, dimension)
 * @param clusterCount k
 * @param dimension values per point
 * @param assignments index of the nearest centroid of every training point
 * @param inertiaHistory sum of squared distances from each point to its assigned centroid, once
 *     for the initial centroids (index 0) and once after every Lloyd iteration. It does not
 *     increase, apart from float rounding.
 * @param converged whether the last iteration changed no assignment
 * @param emptyClustersReseeded how many times an empty cluster was moved onto a far point
 */
public record KMeansResult(
        float[] centroids,
        int clusterCount,
        int dimension,
        int[] assignments,
        double[] inertiaHistory,
        boolean converged,
        int emptyClustersReseeded) {

    /**
     * Validates the shapes and copies the arrays.
     *
     * @throws IllegalArgumentException if the centroid array does not hold clusterCount rows of
     *     dimension values, an assignment is out of range, or the inertia history is empty
     */
    public KMeansResult {
        if (clusterCount < 1 || dimension < 1 || centroids.length != (long) clusterCount * dimension) {
            throw new IllegalArgumentException("Centroid array of length " + centroids.length
                    + " is not " + clusterCount + " centroids of dimension " + dimension
                    + ". Pass a row-major (clusterCount, dimension) array");
        }
        for (int cluster : assignments) {
            if (cluster < 0 || cluster >= clusterCount) {
                throw new IllegalArgumentException("Assignment " + cluster
                        + " is invalid. Cluster indices must be in [0, " + clusterCount + ")");
            }
        }
        if (inertiaHistory.length == 0) {
            throw new IllegalArgumentException(
                    "The inertia history is empty. It needs at least the inertia of the initial centroids");
        }
        if (emptyClustersReseeded < 0) {
            throw new IllegalArgumentException("emptyClustersReseeded must be 0 or more, got " + emptyClustersReseeded);
        }
        centroids = centroids.clone();
        assignments = assignments.clone();
        inertiaHistory = inertiaHistory.clone();
    }

    /** Returns a copy of the centroids, row-major (clusterCount, dimension). */
    @Override
    public float[] centroids() {
        return centroids.clone();
    }

    /** Returns a copy of the index of the nearest centroid of every training point. */
    @Override
    public int[] assignments() {
        return assignments.clone();
    }

    /** Returns a copy of the inertia of the initial centroids and after every Lloyd iteration. */
    @Override
    public double[] inertiaHistory() {
        return inertiaHistory.clone();
    }

    /** Returns the number of Lloyd iterations run. */
    public int iterations() {
        return inertiaHistory.length - 1;
    }

    /** Returns the sum of squared distances from each point to its nearest final centroid. */
    public double inertia() {
        return inertiaHistory[inertiaHistory.length - 1];
    }

    /** Returns the number of training points assigned to each centroid. */
    public int[] clusterSizes() {
        int[] sizes = new int[clusterCount];
        for (int cluster : assignments) {
            sizes[cluster]++;
        }
        return sizes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KMeansResult that
                && clusterCount == that.clusterCount
                && dimension == that.dimension
                && converged == that.converged
                && emptyClustersReseeded == that.emptyClustersReseeded
                && Arrays.equals(centroids, that.centroids)
                && Arrays.equals(assignments, that.assignments)
                && Arrays.equals(inertiaHistory, that.inertiaHistory);
    }

    @Override
    public int hashCode() {
        int hash = Arrays.hashCode(centroids);
        hash = 31 * hash + Arrays.hashCode(assignments);
        return 31 * hash + Arrays.hashCode(inertiaHistory);
    }

    @Override
    public String toString() {
        return "KMeansResult[clusterCount=" + clusterCount + ", dimension=" + dimension
                + ", points=" + assignments.length + ", iterations=" + iterations()
                + ", inertia=" + inertia() + ", converged=" + converged
                + ", emptyClustersReseeded=" + emptyClustersReseeded + "]";
    }
}
