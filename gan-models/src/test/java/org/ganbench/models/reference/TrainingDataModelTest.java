package org.ganbench.models.reference;

import org.ganbench.datasets.IdxReader;
import org.ganbench.datasets.ImageSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingDataModelTest {

    private static final int DIMENSION = 4;
    private static final int COUNT = 50;

    /** Builds rows where row i is (i, i, i, i) / 64, so a sampled row names its index. */
    private static float[] indexedRows() {
        float[] data = new float[COUNT * DIMENSION];
        for (int i = 0; i < data.length; i++) {
            data[i] = (i / DIMENSION) / 64f;
        }
        return data;
    }

    /** Returns the training index of each sampled row, checking that the row is a training row. */
    private static int[] rowIndices(float[] samples) {
        int[] indices = new int[samples.length / DIMENSION];
        for (int r = 0; r < indices.length; r++) {
            int index = Math.round(samples[r * DIMENSION] * 64);
            float[] expected = new float[DIMENSION];
            Arrays.fill(expected, index / 64f);
            assertArrayEquals(expected, Arrays.copyOfRange(samples, r * DIMENSION, (r + 1) * DIMENSION),
                    "sample row " + r + " is not a training row");
            indices[r] = index;
        }
        return indices;
    }

    @Test
    void sampleReturnsDistinctTrainingRows() {
        TrainingDataModel model = new TrainingDataModel(indexedRows(), DIMENSION);

        int[] indices = rowIndices(model.sample(30, 3));

        Set<Integer> distinct = new HashSet<>();
        for (int index : indices) {
            distinct.add(index);
        }
        assertEquals(30, distinct.size());
    }

    @Test
    void fullSampleIsPermutation() {
        TrainingDataModel model = new TrainingDataModel(indexedRows(), DIMENSION);

        int[] indices = rowIndices(model.sample(COUNT, 3));

        Arrays.sort(indices);
        for (int i = 0; i < COUNT; i++) {
            assertEquals(i, indices[i]);
        }
    }

    @Test
    void sameSeedSameRows() {
        TrainingDataModel model = new TrainingDataModel(indexedRows(), DIMENSION);

        assertArrayEquals(model.sample(20, 17), model.sample(20, 17));
    }

    @Test
    void otherSeedOtherRows() {
        TrainingDataModel model = new TrainingDataModel(indexedRows(), DIMENSION);

        assertFalse(Arrays.equals(model.sample(20, 17), model.sample(20, 18)));
    }

    @Test
    void everyRowCanBeDrawn() {
        // 200 draws of 5 rows from 50 miss a given row with probability 0.9^200, about 7e-10.
        TrainingDataModel model = new TrainingDataModel(indexedRows(), DIMENSION);
        Set<Integer> seen = new HashSet<>();

        for (long seed = 0; seed < 200; seed++) {
            for (int index : rowIndices(model.sample(5, seed))) {
                seen.add(index);
            }
        }

        assertEquals(COUNT, seen.size());
    }

    @Test
    void sampleAboveTrainingSizeRejected() {
        TrainingDataModel model = new TrainingDataModel(indexedRows(), DIMENSION);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> model.sample(51, 1));

        assertTrue(error.getMessage().contains("Cannot draw 51 distinct examples from 50"), error.getMessage());
    }

    @Test
    void sampleOfZeroRejected() {
        TrainingDataModel model = new TrainingDataModel(indexedRows(), DIMENSION);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> model.sample(0, 1));

        assertTrue(error.getMessage().contains("Request between 1 and 50"), error.getMessage());
    }

    @Test
    void raggedTrainingArrayRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new TrainingDataModel(new float[10], DIMENSION));

        assertTrue(error.getMessage().contains("length 10 is not a positive multiple of the dimension 4"),
                error.getMessage());
    }

    @Test
    void nonPositiveDimensionRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new TrainingDataModel(new float[8], 0));

        assertTrue(error.getMessage().contains("dimension must be at least 1, got 0"), error.getMessage());
    }

    @Test
    void samplesIdxImagesInUnitRange(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("train-images-idx3-ubyte");
        writeImages(file, 12, 3, 3);
        ImageSet images = IdxReader.readImages(file, "train");

        TrainingDataModel model = new TrainingDataModel(images.pixels(), images.dimension());
        float[] samples = model.sample(12, 4);

        assertEquals("Training data", model.name());
        assertEquals(9, model.dataDimension());
        for (float value : samples) {
            assertTrue(value >= 0, "pixel below 0: " + value);
            assertTrue(value <= 1, "pixel above 1: " + value);
        }
        Set<Float> firstPixels = new HashSet<>();
        for (int r = 0; r < 12; r++) {
            firstPixels.add(samples[r * 9]);
        }
        assertEquals(12, firstPixels.size());
    }

    /** Writes an IDX image file whose image i has every pixel equal to 20 * i. */
    private static void writeImages(Path file, int count, int rows, int cols) throws IOException {
        try (OutputStream stream = Files.newOutputStream(file);
             DataOutputStream out = new DataOutputStream(stream)) {
            out.writeInt(0x00000803);
            out.writeInt(count);
            out.writeInt(rows);
            out.writeInt(cols);
            for (int i = 0; i < count; i++) {
                for (int p = 0; p < rows * cols; p++) {
                    out.writeByte(20 * i);
                }
            }
        }
    }
}
