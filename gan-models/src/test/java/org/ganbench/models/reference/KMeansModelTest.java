package org.ganbench.models.reference;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KMeansModelTest {

    private static final int DIMENSION = 3;
    private static final int CLUSTERS = 6;

    /** Builds a model whose centroid c is (c, c + 0.1, c + 0.2) / 10, so every row is distinct. */
    private static KMeansModel modelWithKnownCentroids() {
        float[] centroids = new float[CLUSTERS * DIMENSION];
        for (int c = 0; c < CLUSTERS; c++) {
            for (int j = 0; j < DIMENSION; j++) {
                centroids[c * DIMENSION + j] = (c + 0.1f * j) / 10;
            }
        }
        KMeansResult result = new KMeansResult(centroids, CLUSTERS, DIMENSION, new int[] {0, 1, 2, 3, 4, 5, 5},
                new double[] {2.0, 1.0}, true, 0);
        KMeansConfig config = new KMeansConfig(CLUSTERS, 10, KMeansSeeding.K_MEANS_PLUS_PLUS, 1, 16, 1);
        return new KMeansModel(config, result);
    }

    private static Set<String> rowsOf(float[] values) {
        Set<String> rows = new HashSet<>();
        for (int start = 0; start < values.length; start += DIMENSION) {
            rows.add(Arrays.toString(Arrays.copyOfRange(values, start, start + DIMENSION)));
        }
        return rows;
    }

    @Test
    void sampleOfSizeKReturnsEveryCentroid() {
        KMeansModel model = modelWithKnownCentroids();

        float[] samples = model.sample(CLUSTERS, 5);

        assertEquals(rowsOf(model.result().centroids()), rowsOf(samples));
    }

    @Test
    void smallerSampleReturnsDistinctCentroids() {
        KMeansModel model = modelWithKnownCentroids();

        float[] samples = model.sample(4, 5);

        Set<String> rows = rowsOf(samples);
        assertEquals(4, rows.size());
        assertTrue(rowsOf(model.result().centroids()).containsAll(rows));
    }

    @Test
    void sameSeedSameSamples() {
        KMeansModel model = modelWithKnownCentroids();

        assertArrayEquals(model.sample(4, 11), model.sample(4, 11));
    }

    @Test
    void otherSeedOtherOrder() {
        KMeansModel model = modelWithKnownCentroids();

        assertFalse(Arrays.equals(model.sample(CLUSTERS, 11), model.sample(CLUSTERS, 12)));
    }

    @Test
    void sampleAboveKRejected() {
        KMeansModel model = modelWithKnownCentroids();

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> model.sample(7, 1));

        assertTrue(error.getMessage().contains("Cannot draw 7 distinct centroids from k = 6"), error.getMessage());
    }

    @Test
    void sampleOfZeroRejected() {
        KMeansModel model = modelWithKnownCentroids();

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> model.sample(0, 1));

        assertTrue(error.getMessage().contains("Request between 1 and 6"), error.getMessage());
    }

    @Test
    void mismatchedConfigRejected() {
        KMeansResult result = modelWithKnownCentroids().result();
        KMeansConfig config = new KMeansConfig(7, 10, KMeansSeeding.K_MEANS_PLUS_PLUS, 1, 16, 1);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new KMeansModel(config, result));

        assertTrue(error.getMessage().contains("has 6 centroids but the configuration asks for 7"), error.getMessage());
    }

    @Test
    void trainFitsCentroidsToData() {
        Blobs blobs = Blobs.draw(4, 5, 400, 0.3, 9);
        KMeansConfig config = new KMeansConfig(4, 30, KMeansSeeding.K_MEANS_PLUS_PLUS, 1, 100, 2);

        try (KMeansModel model = KMeansModel.train(blobs.points(), 5, config, false)) {
            assertEquals("k-means", model.name());
            assertEquals(5, model.dataDimension());
            assertEquals(4 * 5, model.sample(4, 1).length);
            assertTrue(model.result().converged());
        }
    }

    @Test
    void descriptionReportsSettingsAndOutcome() {
        Map<String, Object> description = modelWithKnownCentroids().description();

        assertEquals("k-means", description.get("model"));
        assertEquals(CLUSTERS, description.get("clusterCount"));
        assertEquals(1, description.get("iterationsRun"));
        assertEquals(true, description.get("converged"));
        assertEquals(1.0, description.get("inertia"));
        assertEquals(7, description.get("trainingExamples"));
    }
}
