package org.ganbench.models.reference;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class NearestCentroidTest {

    private static final int DIMENSION = 10;
    private static final int CLUSTERS = 40;
    private static final Blobs BLOBS = Blobs.draw(5, DIMENSION, 1000, 0.5, 13);

    private static NDManager manager;

    @BeforeAll
    static void openManager() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void closeManager() {
        manager.close();
    }

    /** Forty distinct data points as centroids, eight per blob on average. */
    private static float[] centroidsOnDataPoints() {
        int[] rows = DistinctRows.indices(BLOBS.count(), CLUSTERS, new SplittableRandom(5));
        return DistinctRows.copy(BLOBS.points(), DIMENSION, rows);
    }

    private static int[] bruteForce(float[] centroids) {
        int[] nearest = new int[BLOBS.count()];
        for (int i = 0; i < nearest.length; i++) {
            nearest[i] = Blobs.nearestRow(BLOBS.points(), i, centroids, DIMENSION);
        }
        return nearest;
    }

    @Test
    void assignMatchesBruteForce() {
        // 1000 points in blocks of 30 leave a partial last block of 10.
        NearestCentroid search = new NearestCentroid(BLOBS.points(), DIMENSION, 30);
        float[] centroids = centroidsOnDataPoints();

        NearestCentroid.Assignment assignment = search.assign(manager, centroids, CLUSTERS);

        assertArrayEquals(bruteForce(centroids), assignment.clusters());
    }

    @Test
    void squaredDistancesAreExact() {
        NearestCentroid search = new NearestCentroid(BLOBS.points(), DIMENSION, 100);
        float[] centroids = centroidsOnDataPoints();

        NearestCentroid.Assignment assignment = search.assign(manager, centroids, CLUSTERS);

        for (int i = 0; i < BLOBS.count(); i++) {
            double expected = Blobs.squaredDistance(BLOBS.points(), i, centroids, assignment.clusters()[i], DIMENSION);
            assertEquals(expected, assignment.squaredDistances()[i], 1e-12 * Math.max(1, expected), "point " + i);
        }
    }

    @Test
    void reassignAfterFewMovesMatchesBruteForce() {
        NearestCentroid search = new NearestCentroid(BLOBS.points(), DIMENSION, 64);
        float[] centroids = centroidsOnDataPoints();
        NearestCentroid.Assignment before = search.assign(manager, centroids, CLUSTERS);

        // Centroid 3 jumps onto blob 2's centre and takes points from other clusters. Centroid 5
        // leaves the data, so all of its points need a new cluster.
        float[] moved = centroids.clone();
        System.arraycopy(BLOBS.centres(), 2 * DIMENSION, moved, 3 * DIMENSION, DIMENSION);
        Arrays.fill(moved, 5 * DIMENSION, 6 * DIMENSION, 500f);
        boolean[] movedFlags = new boolean[CLUSTERS];
        movedFlags[3] = true;
        movedFlags[5] = true;

        NearestCentroid.Assignment after = search.reassign(manager, moved, CLUSTERS, before, movedFlags);

        int[] expected = bruteForce(moved);
        assertArrayEquals(expected, after.clusters());
        assertNotEquals(0, after.changedFrom(before.clusters()));
        assertEquals(search.assign(manager, moved, CLUSTERS).inertia(), after.inertia(), 1e-9 * after.inertia());
    }

    @Test
    void reassignWithoutMovesKeepsAssignment() {
        NearestCentroid search = new NearestCentroid(BLOBS.points(), DIMENSION, 64);
        float[] centroids = centroidsOnDataPoints();
        NearestCentroid.Assignment before = search.assign(manager, centroids, CLUSTERS);

        NearestCentroid.Assignment after = search.reassign(manager, centroids, CLUSTERS, before, new boolean[CLUSTERS]);

        assertSame(before, after);
    }

    @Test
    void reassignAfterMostMovesMatchesBruteForce() {
        NearestCentroid search = new NearestCentroid(BLOBS.points(), DIMENSION, 64);
        float[] centroids = centroidsOnDataPoints();
        NearestCentroid.Assignment before = search.assign(manager, centroids, CLUSTERS);

        // Every centroid shifts, which takes the full-search path.
        float[] moved = centroids.clone();
        for (int v = 0; v < moved.length; v++) {
            moved[v] += (v % 3) - 1;
        }
        boolean[] movedFlags = new boolean[CLUSTERS];
        Arrays.fill(movedFlags, true);

        NearestCentroid.Assignment after = search.reassign(manager, moved, CLUSTERS, before, movedFlags);

        assertArrayEquals(bruteForce(moved), after.clusters());
    }
}
