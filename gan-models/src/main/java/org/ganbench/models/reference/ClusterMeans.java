package org.ganbench.models.reference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The update step of Lloyd's algorithm: each centroid moves to the mean of the points assigned
 * to it.
 *
 * <p>A cluster without points has no mean. It is re-seeded on the point that is farthest from its
 * own centroid, because that point contributes most to the inertia.
 * The point then counts as a member of the re-seeded cluster and no longer of its old cluster.
 * A point is never taken from a cluster of one, so re-seeding cannot empty another cluster.
 * Re-seeding does not increase the inertia, since the moved point's cost drops to 0 and its old
 * cluster's mean is recomputed without it.
 */
final class ClusterMeans {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterMeans.class);

    private ClusterMeans() {
    }

    /**
     * Replaces every centroid by the mean of its points, re-seeding empty clusters first.
     *
     * @param points row-major (count, dimension)
     * @param dimension values per point
     * @param assignment current nearest centroids and squared distances; not modified
     * @param centroids row-major (clusterCount, dimension), overwritten with the new centroids
     * @param clusterCount k; at most the number of points
     * @return the number of empty clusters that were re-seeded
     */
    static int update(float[] points, int dimension, NearestCentroid.Assignment assignment,
                      float[] centroids, int clusterCount) {
        int[] clusters = assignment.clusters();
        int[] sizes = new int[clusterCount];
        for (int cluster : clusters) {
            sizes[cluster]++;
        }

        int emptyClusters = (int) Arrays.stream(sizes).filter(size -> size == 0).count();
        if (emptyClusters > 0) {
            clusters = reseedEmptyClusters(clusters, assignment.squaredDistances(), sizes);
            LOG.debug("Re-seeded {} empty clusters on the points farthest from their centroids", emptyClusters);
        }

        writeMeans(points, dimension, clusters, sizes, centroids, clusterCount);
        return emptyClusters;
    }

    /**
     * Moves the points farthest from their centroids into the empty clusters, one point each.
     *
     * @param sizes cluster sizes, updated to the new membership
     * @return a copy of {@code clusters} with the moved points reassigned
     */
    private static int[] reseedEmptyClusters(int[] clusters, double[] squaredDistances, int[] sizes) {
        int[] reassigned = clusters.clone();
        Integer[] farthestFirst = IntStream.range(0, clusters.length).boxed().toArray(Integer[]::new);
        Arrays.sort(farthestFirst, Comparator.comparingDouble((Integer i) -> squaredDistances[i]).reversed());

        int candidate = 0;
        for (int empty = 0; empty < sizes.length; empty++) {
            if (sizes[empty] > 0) {
                continue;
            }
            // With at least as many points as clusters, some cluster always has a spare point.
            while (sizes[reassigned[farthestFirst[candidate]]] <= 1) {
                candidate++;
            }
            int point = farthestFirst[candidate];
            sizes[reassigned[point]]--;
            reassigned[point] = empty;
            sizes[empty] = 1;
            candidate++;
        }
        return reassigned;
    }

    /** Writes the mean of each cluster's points, summed in double precision, into its row. */
    private static void writeMeans(float[] points, int dimension, int[] clusters, int[] sizes,
                                   float[] centroids, int clusterCount) {
        // Counting sort of the point indices by cluster, so each cluster's sum needs one buffer.
        int[] firstMember = new int[clusterCount + 1];
        for (int cluster = 0; cluster < clusterCount; cluster++) {
            firstMember[cluster + 1] = firstMember[cluster] + sizes[cluster];
        }
        int[] next = Arrays.copyOf(firstMember, clusterCount);
        int[] members = new int[clusters.length];
        for (int i = 0; i < clusters.length; i++) {
            members[next[clusters[i]]++] = i;
        }

        double[] sum = new double[dimension];
        for (int cluster = 0; cluster < clusterCount; cluster++) {
            int size = sizes[cluster];
            if (size == 0) {
                continue;
            }
            Arrays.fill(sum, 0);
            for (int m = firstMember[cluster]; m < firstMember[cluster + 1]; m++) {
                int offset = members[m] * dimension;
                for (int j = 0; j < dimension; j++) {
                    sum[j] += points[offset + j];
                }
            }
            int row = cluster * dimension;
            for (int j = 0; j < dimension; j++) {
                centroids[row + j] = (float) (sum[j] / size);
            }
        }
    }
}
