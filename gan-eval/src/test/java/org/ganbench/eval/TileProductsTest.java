package org.ganbench.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TileProductsTest {

    @Test
    void chunkWidthCoversTheTileInWholeVectors() {
        assertEquals(16, TileProducts.chunkWidth(1));
        assertEquals(16, TileProducts.chunkWidth(256));
        assertEquals(32, TileProducts.chunkWidth(257));
        assertEquals(128, TileProducts.chunkWidth(2000));
        assertEquals(128, TileProducts.chunkWidth(2048));
    }

    @Test
    void convolutionMatchesDirectDotProducts() {
        // 37 samples in 16 chunks of 16 pixels: chunks 0 to 2 hold samples, the rest is padding.
        Random random = new Random(5);
        PointSet samples = DirectParzen.uniform(random, 40, 6);
        PointSet points = DirectParzen.uniform(random, 9, 6);
        double[] mean = AugmentedMatrices.mean(samples);
        int first = 3;
        int count = 37;
        int width = samples.dimension() + 1;
        int chunkWidth = TileProducts.chunkWidth(count);

        float[] tile = AugmentedMatrices.chunkedSampleTile(samples, mean, first, count);
        AugmentedMatrices.PointBlock block =
                AugmentedMatrices.pointBlock(points, 0, points.count(), points.count(), mean);

        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray tileArray = TileProducts.asImages(manager.create(tile, TileProducts.storageShape(width, count)));
            NDArray blockArray = manager.create(block.values(), new Shape(points.count(), width));
            float[] scores = TileProducts.scores(blockArray, tileArray).toFloatArray();

            for (int i = 0; i < points.count(); i++) {
                for (int j = 0; j < count; j++) {
                    double expected = directScore(points, i, samples, first + j, mean);
                    float actual = scores[((j / chunkWidth) * points.count() + i) * chunkWidth + j % chunkWidth];
                    assertEquals(expected, actual, 1e-5, "point " + i + ", sample " + (first + j));
                }
            }
        }
    }

    /** Computes the score (x - mu).(s - mu) - ||s - mu||^2 / 2 in double. */
    private static double directScore(PointSet points, int point, PointSet samples, int sample, double[] mean) {
        int d = samples.dimension();
        double dot = 0;
        double squaredNorm = 0;
        for (int f = 0; f < d; f++) {
            double x = points.values()[point * d + f] - mean[f];
            double s = samples.values()[sample * d + f] - mean[f];
            dot += x * s;
            squaredNorm += s * s;
        }
        return dot - 0.5 * squaredNorm;
    }
}
