package org.ganbench.models.reference;

import ai.djl.ndarray.NDManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;

/**
 * Lloyd's algorithm for k-means: alternately assign every point to its nearest centroid and move
 * every centroid to the mean of its points, which never increases the inertia (the sum of squared
 * distances from the points to their centroids).
 *
 * <ul>
 *   <li>Seeding: k-means++ or k distinct random points, see {@link KMeansSeeding}.</li>
 *   <li>Assignment: DJL matrix products over blocks of {@link KMeansConfig#blockSize()} points.
 *       After the first iteration only the centroids that moved are searched, see
 *       {@link NearestCentroid}.</li>
 *   <li>Empty clusters: re-seeded on the points farthest from their centroids before the means are
 *       taken, see {@link ClusterMeans}.</li>
 *   <li>Stopping: after an iteration that changes no assignment, or after
 *       {@link KMeansConfig#maxIterations()} iterations.</li>
 * </ul>
 *
 * <p>Each call to {@code fit} opens its own NDManager and closes it before returning, so a
 * {@code KMeans} keeps no native memory between calls. The seeding is the only random step, so the same
 * configuration and data always give the same result.
 */
public final class KMeans {

    private static final Logger LOG = LoggerFactory.getLogger(KMeans.class);

    private final KMeansConfig config;
    private final boolean showProgress;

    /**
     * Prepares a k-means run.
     *
     * @param config cluster count, iteration limit, seeding and block size
     * @param showProgress whether to draw console progress bars over seeding and iterations
     * @throws NullPointerException if {@code config} is null
     */
    public KMeans(KMeansConfig config, boolean showProgress) {
        if (config == null) {
            throw new NullPointerException("config is null. Pass KMeansConfig.quick(), paper() or your own");
        }
        this.config = config;
        this.showProgress = showProgress;
    }

    /**
     * Seeds the centroids with the configured seeding, then runs Lloyd's iterations.
     *
     * @param points row-major (count, dimension); not modified
     * @param dimension values per point
     * @return the centroids, the final assignments and the inertia of every iteration
     * @throws IllegalArgumentException if the array is not a positive multiple of the dimension,
     *     contains a NaN or infinite value, or has fewer points than the cluster count
     */
    public KMeansResult fit(float[] points, int dimension) {
        int pointCount = checkPoints(points, dimension);
        LOG.info("k-means: {} points of dimension {}, k = {}, {} seeding, at most {} iterations",
                pointCount, dimension, config.clusterCount(), config.seeding(), config.maxIterations());

        NearestCentroid nearestCentroid = new NearestCentroid(points, dimension, config.blockSize());
        try (NDManager manager = NDManager.newBaseManager()) {
            CentroidSeeding.Seeds seeds =
                    CentroidSeeding.choose(manager, nearestCentroid, points, dimension, config, showProgress);
            return iterate(manager, nearestCentroid, points, dimension, seeds.centroids(), seeds.assignment());
        }
    }

    /**
     * Runs Lloyd's iterations from the given centroids instead of the configured seeding.
     *
     * @param points row-major (count, dimension); not modified
     * @param dimension values per point
     * @param initialCentroids row-major (clusterCount, dimension); not modified
     * @return the centroids, the final assignments and the inertia of every iteration
     * @throws IllegalArgumentException if the points are invalid as for {@link #fit(float[], int)},
     *     or the initial centroids are not clusterCount finite rows of the dimension
     */
    public KMeansResult fit(float[] points, int dimension, float[] initialCentroids) {
        int pointCount = checkPoints(points, dimension);
        long expectedLength = (long) config.clusterCount() * dimension;
        if (initialCentroids == null || initialCentroids.length != expectedLength) {
            throw new IllegalArgumentException("Initial centroids have length "
                    + (initialCentroids == null ? "null" : initialCentroids.length) + " but k x dimension = "
                    + config.clusterCount() + " x " + dimension + " = " + expectedLength
                    + ". Pass one row per cluster");
        }
        requireFinite(initialCentroids, "initial centroids", dimension);
        LOG.info("k-means: {} points of dimension {}, k = {}, given initial centroids, at most {} iterations",
                pointCount, dimension, config.clusterCount(), config.maxIterations());

        NearestCentroid nearestCentroid = new NearestCentroid(points, dimension, config.blockSize());
        float[] centroids = initialCentroids.clone();
        try (NDManager manager = NDManager.newBaseManager()) {
            NearestCentroid.Assignment assignment = nearestCentroid.assign(manager, centroids, config.clusterCount());
            return iterate(manager, nearestCentroid, points, dimension, centroids, assignment);
        }
    }

    /**
     * Runs Lloyd's iterations from the given centroids and their assignment.
     *
     * @param centroids row-major (clusterCount, dimension), updated in place
     * @param assignment nearest of the given centroids for every point
     */
    private KMeansResult iterate(NDManager manager, NearestCentroid nearestCentroid, float[] points, int dimension,
                                 float[] centroids, NearestCentroid.Assignment assignment) {
        int clusterCount = config.clusterCount();
        double[] inertia = new double[config.maxIterations() + 1];
        inertia[0] = assignment.inertia();
        LOG.info("k-means iteration 0: inertia {} of the initial centroids", format(inertia[0]));

        int iterations = 0;
        int reseeded = 0;
        boolean converged = false;
        try (TrainingProgress progress = TrainingProgress.start(showProgress, "k-means", config.maxIterations())) {
            while (iterations < config.maxIterations() && !converged) {
                long start = System.nanoTime();
                float[] previousCentroids = centroids.clone();
                int reseededNow = ClusterMeans.update(points, dimension, assignment, centroids, clusterCount);
                boolean[] moved = changedRows(previousCentroids, centroids, dimension);
                NearestCentroid.Assignment next =
                        nearestCentroid.reassign(manager, centroids, clusterCount, assignment, moved);
                int changed = next.changedFrom(assignment.clusters());

                iterations++;
                reseeded += reseededNow;
                inertia[iterations] = next.inertia();
                converged = changed == 0;
                assignment = next;

                LOG.info("k-means iteration {}/{}: inertia {}, {} centroids moved, {} assignments changed, "
                        + "{} empty clusters re-seeded, {} s", iterations, config.maxIterations(),
                        format(inertia[iterations]), count(moved), changed, reseededNow,
                        String.format("%.1f", (System.nanoTime() - start) / 1e9));
                progress.stepBy(1);
                progress.message("inertia " + format(inertia[iterations]));
            }
        }

        if (converged) {
            LOG.info("k-means converged after {} iterations: inertia {}", iterations, format(inertia[iterations]));
        } else {
            LOG.info("k-means stopped at the limit of {} iterations: inertia {}", iterations,
                    format(inertia[iterations]));
        }
        return new KMeansResult(centroids, clusterCount, dimension, assignment.clusters(),
                Arrays.copyOf(inertia, iterations + 1), converged, reseeded);
    }

    private static boolean[] changedRows(float[] before, float[] after, int dimension) {
        boolean[] changed = new boolean[before.length / dimension];
        for (int row = 0; row < changed.length; row++) {
            changed[row] = !Arrays.equals(before, row * dimension, (row + 1) * dimension,
                    after, row * dimension, (row + 1) * dimension);
        }
        return changed;
    }

    private static int count(boolean[] flags) {
        int count = 0;
        for (boolean flag : flags) {
            if (flag) {
                count++;
            }
        }
        return count;
    }

    private int checkPoints(float[] points, int dimension) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be at least 1, got " + dimension);
        }
        if (points == null || points.length == 0 || points.length % dimension != 0) {
            throw new IllegalArgumentException("Point array of length " + (points == null ? "null" : points.length)
                    + " is not a positive multiple of the dimension " + dimension
                    + ". Pass a row-major (count, dimension) array");
        }
        int pointCount = points.length / dimension;
        if (pointCount < config.clusterCount()) {
            throw new IllegalArgumentException("k-means with k = " + config.clusterCount() + " needs at least "
                    + config.clusterCount() + " points but got " + pointCount
                    + ". Pass more points or lower clusterCount");
        }
        requireFinite(points, "points", dimension);
        return pointCount;
    }

    private static void requireFinite(float[] values, String name, int dimension) {
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new IllegalArgumentException("Invalid value " + values[i] + " in row " + i / dimension
                        + ", column " + i % dimension + " of the " + name + ". k-means needs finite values");
            }
        }
    }

    private static String format(double inertia) {
        return String.format("%.6g", inertia);
    }
}
