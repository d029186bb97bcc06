package org.ganbench.models.reference;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.ganbench.core.SeedMixer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Chooses the initial centroids of {@link KMeans} from the training points, together with the
 * nearest initial centroid of every point.
 *
 * <p>k-means++ runs in rounds. Each round draws up to {@code seedingBatchSize} new centroids
 * without replacement, each with probability proportional to D(x)^2, the squared distance to the
 * nearest centroid chosen before the round. One matrix product then lowers D(x)^2 by the round's
 * centroids. With a batch size of 1 this is exactly Arthur and Vassilvitskii's k-means++. A larger
 * batch can place two centroids of one round in the same region, which the Lloyd iterations then
 * correct, and it turns 10,000 memory-bound matrix-vector products into a few compute-bound matrix
 * products. Tracking which centroid lowered D(x)^2 last gives the first assignment without another
 * pass over the data.
 */
final class CentroidSeeding {

    private static final Logger LOG = LoggerFactory.getLogger(CentroidSeeding.class);

    private CentroidSeeding() {
    }

    /**
     * Chooses {@code config.clusterCount()} distinct training points as initial centroids and
     * assigns every point to the nearest of them.
     *
     * @param manager parent of the scopes that hold points in native memory; nothing stays attached
     * @param nearestCentroid searches the training points
     * @param points row-major (count, dimension), with count at least the cluster count
     * @param dimension values per point
     * @param config seeding method, batch size, cluster count and seed
     * @param showProgress whether to draw a progress bar over the k-means++ rounds
     * @return the initial centroids and the assignment to them
     */
    static Seeds choose(NDManager manager, NearestCentroid nearestCentroid, float[] points, int dimension,
                        KMeansConfig config, boolean showProgress) {
        int pointCount = points.length / dimension;
        SplittableRandom random = new SplittableRandom(SeedMixer.mix(config.seed(), "kmeans-seeding", 0));

        if (config.seeding() == KMeansSeeding.RANDOM_POINTS) {
            float[] centroids = DistinctRows.copy(points, dimension,
                    DistinctRows.indices(pointCount, config.clusterCount(), random));
            return new Seeds(centroids, nearestCentroid.assign(manager, centroids, config.clusterCount()));
        }

        long start = System.nanoTime();
        Seeds seeds = kMeansPlusPlus(manager, nearestCentroid, points, dimension, config, random, showProgress);
        LOG.info("k-means++ chose {} centroids in rounds of up to {} in {} s", config.clusterCount(),
                config.seedingBatchSize(), String.format("%.1f", (System.nanoTime() - start) / 1e9));
        return seeds;
    }

    private static Seeds kMeansPlusPlus(NDManager manager, NearestCentroid nearestCentroid, float[] points,
                                        int dimension, KMeansConfig config, SplittableRandom random,
                                        boolean showProgress) {
        int pointCount = points.length / dimension;
        int clusterCount = config.clusterCount();
        float[] centroids = new float[clusterCount * dimension];
        SquaredDistanceSampler sampler = new SquaredDistanceSampler(pointCount, random);

        try (NDManager scope = manager.newSubManager();
             TrainingProgress progress = TrainingProgress.start(showProgress, "k-means++", clusterCount)) {
            NDArray data = scope.create(points, new Shape(pointCount, dimension));
            NDArray dataTransposed = data.transpose();
            NDArray pointNorms = data.square().sum(new int[] {1});

            int chosenCount = 0;
            int[] round = {random.nextInt(pointCount)};
            while (true) {
                for (int i = 0; i < round.length; i++) {
                    System.arraycopy(points, round[i] * dimension, centroids, (chosenCount + i) * dimension,
                            dimension);
                }
                RoundDistances distances = nearestOfRound(scope, dataTransposed, pointNorms,
                        DistinctRows.copy(points, dimension, round), round.length);
                sampler.lower(distances, round, chosenCount);
                chosenCount += round.length;
                progress.stepBy(round.length);
                if (chosenCount == clusterCount) {
                    break;
                }

                round = sampler.draw(Math.min(config.seedingBatchSize(), clusterCount - chosenCount));
            }
        }

        if (sampler.uniformDraws > 0) {
            LOG.warn("{} of {} initial centroids duplicate earlier ones, because every remaining point coincided "
                    + "with a chosen centroid, so the data has fewer distinct points than clusters",
                    sampler.uniformDraws, clusterCount);
        }
        return new Seeds(centroids, nearestCentroid.withClusters(centroids, sampler.nearest));
    }

    /** Returns, for every point, the squared distance to the nearest of the round's centroids and its position. */
    private static RoundDistances nearestOfRound(NDManager scope, NDArray dataTransposed, NDArray pointNorms,
                                                 float[] roundCentroids, int roundSize) {
        int dimension = roundCentroids.length / roundSize;
        try (NDManager roundScope = scope.newSubManager()) {
            NDArray centroids = roundScope.create(roundCentroids, new Shape(roundSize, dimension));
            NDArray centroidNorms = centroids.square().sum(new int[] {1}, true);

            // (roundSize, points): ||c||^2 - 2 c.x + ||x||^2
            NDArray distances = centroids.matMul(dataTransposed).muli(-2).addi(pointNorms).addi(centroidNorms);
            return new RoundDistances(distances.min(new int[] {0}).toFloatArray(),
                    distances.argMin(0).toLongArray());
        }
    }

    /**
     * Initial centroids and the assignment of the training points to them.
     *
     * @param centroids row-major (clusterCount, dimension)
     * @param assignment nearest initial centroid of every point
     */
    record Seeds(float[] centroids, NearestCentroid.Assignment assignment) {
    }

    /**
     * Squared distance of every point to the nearest centroid of a round, and that centroid's
     * position in the round.
     */
    private record RoundDistances(float[] squaredDistances, long[] positions) {
    }

    /**
     * D(x)^2 of every point, the centroid that attains it, and the draws D(x)^2 weights. Chosen
     * points have weight 0, so they are never drawn again.
     */
    private static final class SquaredDistanceSampler {

        private final double[] weights;
        private final int[] nearest;
        private final boolean[] chosen;
        private final SplittableRandom random;
        private int uniformDraws;

        SquaredDistanceSampler(int pointCount, SplittableRandom random) {
            this.weights = new double[pointCount];
            this.nearest = new int[pointCount];
            this.chosen = new boolean[pointCount];
            this.random = random;
            Arrays.fill(weights, Double.POSITIVE_INFINITY);
        }

        /**
         * Lowers each weight to the squared distance to the round's centroids, which become
         * chosen as centroids {@code firstCentroid}, {@code firstCentroid + 1}, and so on.
         */
        void lower(RoundDistances distances, int[] round, int firstCentroid) {
            float[] squaredDistances = distances.squaredDistances();
            for (int i = 0; i < squaredDistances.length; i++) {
                // Rounding can make the expanded distance slightly negative.
                double distance = Math.max(0.0, squaredDistances[i]);
                if (distance < weights[i]) {
                    weights[i] = distance;
                    nearest[i] = firstCentroid + (int) distances.positions()[i];
                }
            }
            for (int r = 0; r < round.length; r++) {
                // The expanded distance of a point to itself is rounding noise, not exactly 0.
                weights[round[r]] = 0;
                nearest[round[r]] = firstCentroid + r;
                chosen[round[r]] = true;
            }
        }

        /**
         * Draws {@code count} unchosen points one after another, each with probability
         * proportional to its weight among the points not drawn yet.
         *
         * <p>If every remaining point has weight 0, the data has fewer distinct points than
         * clusters, so the rest are drawn uniformly from the unchosen points.
         */
        int[] draw(int count) {
            double total = 0;
            for (double weight : weights) {
                total += weight;
            }

            int[] drawn = new int[count];
            for (int t = 0; t < count; t++) {
                int point = total > 0 ? drawByWeight(random.nextDouble() * total) : -1;
                if (point < 0) {
                    point = drawUniformUnchosen();
                    uniformDraws++;
                }
                total -= weights[point];
                weights[point] = 0;
                chosen[point] = true;
                drawn[t] = point;
            }
            return drawn;
        }

        /** Returns the first point whose cumulative weight exceeds {@code target}, or -1 if all weights are 0. */
        private int drawByWeight(double target) {
            double cumulative = 0;
            int lastPositive = -1;
            for (int i = 0; i < weights.length; i++) {
                if (weights[i] > 0) {
                    cumulative += weights[i];
                    lastPositive = i;
                    if (cumulative > target) {
                        return i;
                    }
                }
            }
            // Reached only when rounding left the running total above the sum of the weights.
            return lastPositive;
        }

        private int drawUniformUnchosen() {
            int unchosen = 0;
            for (boolean taken : chosen) {
                if (!taken) {
                    unchosen++;
                }
            }
            int skip = random.nextInt(unchosen);
            for (int i = 0; i < chosen.length; i++) {
                if (!chosen[i] && skip-- == 0) {
                    return i;
                }
            }
            throw new IllegalStateException("No unchosen point is left, so the cluster count exceeds the point count");
        }
    }
}
