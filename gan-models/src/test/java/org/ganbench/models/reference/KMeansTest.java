package org.ganbench.models.reference;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KMeansTest {

    private static final int DIMENSION = 10;
    private static final Blobs BLOBS = Blobs.draw(5, DIMENSION, 1000, 0.5, 42);

    private static KMeansConfig config(int clusterCount, int maxIterations, KMeansSeeding seeding, int batch) {
        return new KMeansConfig(clusterCount, maxIterations, seeding, batch, 256, 7);
    }

    @Test
    void kMeansPlusPlusRecoversBlobCentres() {
        KMeansResult result = new KMeans(config(5, 50, KMeansSeeding.K_MEANS_PLUS_PLUS, 1), false)
                .fit(BLOBS.points(), DIMENSION);

        float[] centroids = result.centroids();
        Set<Integer> matched = new HashSet<>();
        for (int blob = 0; blob < 5; blob++) {
            int nearest = Blobs.nearestRow(BLOBS.centres(), blob, centroids, DIMENSION);
            double distance = Math.sqrt(Blobs.squaredDistance(BLOBS.centres(), blob, centroids, nearest, DIMENSION));
            // The mean of 200 points with spread 0.5 in 10-D is off by about 0.5 * sqrt(10 / 200) = 0.11.
            assertTrue(distance < 0.3, "blob " + blob + " centre is " + distance + " from the nearest centroid");
            matched.add(nearest);
        }
        assertEquals(5, matched.size(), "every blob needs its own centroid");
    }

    @Test
    void lloydConvergesOnSeparatedBlobs() {
        KMeansResult result = new KMeans(config(5, 50, KMeansSeeding.K_MEANS_PLUS_PLUS, 1), false)
                .fit(BLOBS.points(), DIMENSION);

        assertTrue(result.converged());
        assertTrue(result.iterations() < 50, "iterations: " + result.iterations());
    }

    @Test
    void inertiaNeverIncreases() {
        // Random seeding with more clusters than blobs needs several iterations to settle.
        KMeansResult result = new KMeans(config(12, 100, KMeansSeeding.RANDOM_POINTS, 1), false)
                .fit(BLOBS.points(), DIMENSION);

        double[] inertia = result.inertiaHistory();
        assertTrue(inertia.length >= 3, "too few iterations to test: " + Arrays.toString(inertia));
        for (int i = 1; i < inertia.length; i++) {
            // Relative slack for float32 centroids and near-tied distances.
            assertTrue(inertia[i] <= inertia[i - 1] * (1 + 1e-6),
                    "inertia rose at iteration " + i + ": " + Arrays.toString(inertia));
        }
        assertTrue(inertia[inertia.length - 1] < inertia[0], "inertia did not fall: " + Arrays.toString(inertia));
    }

    @Test
    void assignmentsMatchBruteForce() {
        // With 40 clusters, later iterations move few centroids and take the incremental search.
        // A block size of 128 does not divide 1000, so the last block is partial.
        for (int limit : new int[] {2, 15}) {
            KMeansConfig config = new KMeansConfig(40, limit, KMeansSeeding.RANDOM_POINTS, 1, 128, 3);
            KMeansResult result = new KMeans(config, false).fit(BLOBS.points(), DIMENSION);

            assertMatchesBruteForce(result, "limit " + limit);
        }
    }

    @Test
    void seedingAssignmentMatchesBruteForce() {
        KMeansResult result = new KMeans(config(50, 0, KMeansSeeding.K_MEANS_PLUS_PLUS, 8), false)
                .fit(BLOBS.points(), DIMENSION);

        assertMatchesBruteForce(result, "batched k-means++ seeding");
    }

    private static void assertMatchesBruteForce(KMeansResult result, String label) {
        float[] centroids = result.centroids();
        int[] assignments = result.assignments();
        double inertia = 0;
        for (int i = 0; i < BLOBS.count(); i++) {
            int nearest = Blobs.nearestRow(BLOBS.points(), i, centroids, DIMENSION);
            assertEquals(nearest, assignments[i], label + ": assignment of point " + i);
            inertia += Blobs.squaredDistance(BLOBS.points(), i, centroids, nearest, DIMENSION);
        }
        assertEquals(inertia, result.inertia(), 1e-9 * inertia, label);
    }

    @Test
    void centroidsAreMeansOfAssignedPoints() {
        KMeansResult result = new KMeans(config(5, 50, KMeansSeeding.K_MEANS_PLUS_PLUS, 1), false)
                .fit(BLOBS.points(), DIMENSION);

        float[] centroids = result.centroids();
        int[] assignments = result.assignments();
        int[] sizes = result.clusterSizes();
        double[] sums = new double[centroids.length];
        for (int i = 0; i < BLOBS.count(); i++) {
            for (int j = 0; j < DIMENSION; j++) {
                sums[assignments[i] * DIMENSION + j] += BLOBS.points()[i * DIMENSION + j];
            }
        }
        for (int v = 0; v < centroids.length; v++) {
            assertEquals(sums[v] / sizes[v / DIMENSION], centroids[v], 1e-5, "centroid value " + v);
        }
    }

    @Test
    void emptyClusterReseededOnFarthestPoint() {
        // Four centroids on four blob centres and one far from all data: the fifth cluster starts
        // empty, and the farthest points belong to the blob that has no centroid.
        float[] initial = new float[5 * DIMENSION];
        System.arraycopy(BLOBS.centres(), 0, initial, 0, 4 * DIMENSION);
        Arrays.fill(initial, 4 * DIMENSION, 5 * DIMENSION, 1000f);

        KMeansResult result = new KMeans(config(5, 50, KMeansSeeding.K_MEANS_PLUS_PLUS, 1), false)
                .fit(BLOBS.points(), DIMENSION, initial);

        assertTrue(result.emptyClustersReseeded() >= 1, "re-seeded: " + result.emptyClustersReseeded());
        for (int size : result.clusterSizes()) {
            assertEquals(200, size, "cluster sizes: " + Arrays.toString(result.clusterSizes()));
        }
        int fifth = Blobs.nearestRow(BLOBS.centres(), 4, result.centroids(), DIMENSION);
        assertTrue(Blobs.squaredDistance(BLOBS.centres(), 4, result.centroids(), fifth, DIMENSION) < 0.09,
                "the re-seeded centroid did not reach the fifth blob");
    }

    @Test
    void identicalPointsGiveZeroInertia() {
        // Fewer distinct points than clusters: k-means++ runs out of D(x)^2 weight, ties leave
        // clusters empty, and every re-seed lands on the same point.
        float[] points = new float[20 * 3];
        Arrays.fill(points, 0.25f);

        KMeansResult result = new KMeans(new KMeansConfig(3, 10, KMeansSeeding.K_MEANS_PLUS_PLUS, 1, 4, 1), false)
                .fit(points, 3);

        assertEquals(0.0, result.inertia());
        assertTrue(result.converged());
        float[] expected = new float[3 * 3];
        Arrays.fill(expected, 0.25f);
        assertArrayEquals(expected, result.centroids());
    }

    @Test
    void seedsAreDistinctDataPoints() {
        for (KMeansConfig config : new KMeansConfig[] {
                config(50, 0, KMeansSeeding.K_MEANS_PLUS_PLUS, 1),
                config(50, 0, KMeansSeeding.K_MEANS_PLUS_PLUS, 8),
                config(50, 0, KMeansSeeding.RANDOM_POINTS, 1)}) {
            KMeansResult result = new KMeans(config, false).fit(BLOBS.points(), DIMENSION);

            float[] seeds = result.centroids();
            Set<Integer> rows = new HashSet<>();
            for (int c = 0; c < 50; c++) {
                int row = Blobs.nearestRow(seeds, c, BLOBS.points(), DIMENSION);
                assertEquals(0.0, Blobs.squaredDistance(seeds, c, BLOBS.points(), row, DIMENSION),
                        config + ": seed " + c + " is not a data point");
                rows.add(row);
            }
            assertEquals(50, rows.size(), config + ": seeds repeat a data point");
            assertEquals(0, result.iterations());
        }
    }

    @Test
    void kMeansPlusPlusSpreadsSeedsOverBlobs() {
        // D(x)^2 sampling puts the first five seeds in five different blobs with high probability.
        KMeansResult result = new KMeans(config(5, 0, KMeansSeeding.K_MEANS_PLUS_PLUS, 1), false)
                .fit(BLOBS.points(), DIMENSION);

        Set<Integer> blobs = new HashSet<>();
        for (int c = 0; c < 5; c++) {
            blobs.add(Blobs.nearestRow(result.centroids(), c, BLOBS.centres(), DIMENSION));
        }
        assertEquals(5, blobs.size());
    }

    @Test
    void sameSeedSameResult() {
        KMeansConfig config = config(8, 20, KMeansSeeding.K_MEANS_PLUS_PLUS, 3);

        KMeansResult first = new KMeans(config, false).fit(BLOBS.points(), DIMENSION);
        KMeansResult second = new KMeans(config, false).fit(BLOBS.points(), DIMENSION);

        assertEquals(first, second);
    }

    @Test
    void otherSeedOtherSeeds() {
        KMeansConfig config = config(8, 0, KMeansSeeding.K_MEANS_PLUS_PLUS, 1);

        KMeansResult first = new KMeans(config, false).fit(BLOBS.points(), DIMENSION);
        KMeansResult second = new KMeans(config.withSeed(8), false).fit(BLOBS.points(), DIMENSION);

        assertFalse(Arrays.equals(first.centroids(), second.centroids()));
    }

    @Test
    void stopsAtIterationLimit() {
        KMeansResult result = new KMeans(config(12, 2, KMeansSeeding.RANDOM_POINTS, 1), false)
                .fit(BLOBS.points(), DIMENSION);

        assertEquals(2, result.iterations());
        assertEquals(3, result.inertiaHistory().length);
    }

    @Test
    void fewerPointsThanClustersRejected() {
        KMeans kMeans = new KMeans(config(11, 5, KMeansSeeding.K_MEANS_PLUS_PLUS, 1), false);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> kMeans.fit(new float[10 * 2], 2));

        assertTrue(error.getMessage().contains("needs at least 11 points but got 10"), error.getMessage());
    }

    @Test
    void raggedPointArrayRejected() {
        KMeans kMeans = new KMeans(config(2, 5, KMeansSeeding.K_MEANS_PLUS_PLUS, 1), false);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> kMeans.fit(new float[7], 2));

        assertTrue(error.getMessage().contains("length 7 is not a positive multiple of the dimension 2"),
                error.getMessage());
    }

    @Test
    void nonPositiveDimensionRejected() {
        KMeans kMeans = new KMeans(config(2, 5, KMeansSeeding.K_MEANS_PLUS_PLUS, 1), false);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> kMeans.fit(new float[8], 0));

        assertTrue(error.getMessage().contains("dimension must be at least 1, got 0"), error.getMessage());
    }

    @Test
    void nanPointRejected() {
        float[] points = new float[8];
        points[5] = Float.NaN;
        KMeans kMeans = new KMeans(config(2, 5, KMeansSeeding.K_MEANS_PLUS_PLUS, 1), false);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> kMeans.fit(points, 2));

        assertTrue(error.getMessage().contains("NaN in row 2, column 1"), error.getMessage());
    }

    @Test
    void wrongInitialCentroidLengthRejected() {
        KMeans kMeans = new KMeans(config(5, 5, KMeansSeeding.K_MEANS_PLUS_PLUS, 1), false);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> kMeans.fit(BLOBS.points(), DIMENSION, new float[4 * DIMENSION]));

        assertTrue(error.getMessage().contains("length 40 but k x dimension = 5 x 10 = 50"), error.getMessage());
    }

    @Test
    void nullConfigRejected() {
        NullPointerException error = assertThrows(NullPointerException.class, () -> new KMeans(null, false));

        assertNotEquals(null, error.getMessage());
    }
}
