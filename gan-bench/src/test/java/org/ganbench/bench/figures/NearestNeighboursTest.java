package org.ganbench.bench.figures;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class NearestNeighboursTest {

    /** Odd, so the dot product's remainder loop runs too. */
    private static final int DIMENSION = 37;

    /** More than two of the search's 1024-image chunks, so merging across chunks is exercised. */
    private static final int TRAINING_COUNT = 2500;

    @Test
    void nearestMatchesBruteForce() {
        Random random = new Random(7);
        float[] training = randomImages(random, TRAINING_COUNT);
        float[] queries = randomImages(random, 40);

        int[] found = new NearestNeighbours(training, DIMENSION).nearest(queries);

        assertArrayEquals(bruteForce(training, queries), found);
    }

    @Test
    void nearestMatchesBruteForceWithDuplicates() {
        Random random = new Random(11);
        float[] training = randomImages(random, TRAINING_COUNT);
        // Image 2100 is copied to 1500 and 300, which lie in earlier chunks, and image 40 to 41.
        copyImage(training, 2100, 1500);
        copyImage(training, 2100, 300);
        copyImage(training, 40, 41);
        float[] queries = new float[3 * DIMENSION];
        System.arraycopy(training, 2100 * DIMENSION, queries, 0, DIMENSION);
        System.arraycopy(training, 41 * DIMENSION, queries, DIMENSION, DIMENSION);
        System.arraycopy(randomImages(random, 1), 0, queries, 2 * DIMENSION, DIMENSION);

        int[] found = new NearestNeighbours(training, DIMENSION).nearest(queries);

        assertArrayEquals(bruteForce(training, queries), found);
        assertEquals(300, found[0]);
        assertEquals(40, found[1]);
    }

    @Test
    void nearestTieKeepsLowestIndex() {
        // Both training images lie at distance 1 from the query.
        float[] training = {2f, 0f, 0f, 0f};
        float[] query = {1f, 0f};

        int[] found = new NearestNeighbours(training, 2).nearest(query);

        assertEquals(0, found[0]);
    }

    @Test
    void nearestFindsExactCopy() {
        Random random = new Random(3);
        float[] training = randomImages(random, TRAINING_COUNT);
        // A near copy of image 1234 at a lower index must not win over the exact copy.
        copyImage(training, 1234, 17);
        training[17 * DIMENSION + 5] += 1e-3f;
        float[] query = new NearestNeighbours(training, DIMENSION).trainingImage(1234);

        int[] found = new NearestNeighbours(training, DIMENSION).nearest(query);

        assertEquals(1234, found[0]);
    }

    @Test
    void nearestWithOneTrainingImage() {
        float[] training = {0.5f, 0.5f, 0.5f};
        float[] queries = {0f, 0f, 0f, 1f, 1f, 1f};

        int[] found = new NearestNeighbours(training, 3).nearest(queries);

        assertArrayEquals(new int[] {0, 0}, found);
    }

    @Test
    void trainingImageReturnsCopy() {
        float[] training = {1f, 2f, 3f, 4f};
        NearestNeighbours search = new NearestNeighbours(training, 2);

        float[] image = search.trainingImage(1);
        image[0] = 99f;

        assertArrayEquals(new float[] {3f, 4f}, search.trainingImage(1));
        assertEquals(2, search.trainingCount());
        assertThrows(IndexOutOfBoundsException.class, () -> search.trainingImage(2));
    }

    @Test
    void constructorRejectsBadSizes() {
        IllegalArgumentException zeroDimension = assertThrows(IllegalArgumentException.class,
                () -> new NearestNeighbours(new float[4], 0));
        IllegalArgumentException partialImage = assertThrows(IllegalArgumentException.class,
                () -> new NearestNeighbours(new float[5], 2));
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> new NearestNeighbours(new float[0], 2));

        assertTrue(zeroDimension.getMessage().contains("got 0"), zeroDimension.getMessage());
        assertTrue(partialImage.getMessage().contains("length 5"), partialImage.getMessage());
        assertTrue(empty.getMessage().contains("length 0"), empty.getMessage());
    }

    @Test
    void nearestRejectsBadQueries() {
        NearestNeighbours search = new NearestNeighbours(new float[6], 3);
        float[] withNaN = {0f, Float.NaN, 0f};

        IllegalArgumentException wrongLength = assertThrows(IllegalArgumentException.class,
                () -> search.nearest(new float[4]));
        IllegalArgumentException notFinite = assertThrows(IllegalArgumentException.class,
                () -> search.nearest(withNaN));

        assertTrue(wrongLength.getMessage().contains("dimension 3"), wrongLength.getMessage());
        assertTrue(notFinite.getMessage().contains("Query 0 has value NaN at pixel 1"), notFinite.getMessage());
    }

    private static float[] randomImages(Random random, int count) {
        float[] images = new float[count * DIMENSION];
        for (int i = 0; i < images.length; i++) {
            images[i] = random.nextFloat();
        }
        return images;
    }

    private static void copyImage(float[] images, int from, int to) {
        System.arraycopy(images, from * DIMENSION, images, to * DIMENSION, DIMENSION);
    }

    /** Reference search: exact squared distances in double, first minimum wins. */
    private static int[] bruteForce(float[] training, float[] queries) {
        int[] nearest = new int[queries.length / DIMENSION];
        for (int q = 0; q < nearest.length; q++) {
            double best = Double.POSITIVE_INFINITY;
            for (int t = 0; t < training.length / DIMENSION; t++) {
                double distance = 0.0;
                for (int i = 0; i < DIMENSION; i++) {
                    double difference = (double) queries[q * DIMENSION + i] - training[t * DIMENSION + i];
                    distance += difference * difference;
                }
                if (distance < best) {
                    best = distance;
                    nearest[q] = t;
                }
            }
        }
        return nearest;
    }
}
