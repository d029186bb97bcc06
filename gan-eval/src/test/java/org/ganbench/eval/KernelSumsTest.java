package org.ganbench.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Compares the fused vector kernel with PyTorch's separate operations and with a direct loop in double. */
class KernelSumsTest {

    private static final double[] INVERSE_VARIANCES = {100.0, 7.7, 1.0, 0.01};

    @Test
    void buildAddsTheVectorModule() {
        // The benchmarks measure the fused kernel, so the build must test it and not only the fallback.
        assertTrue(KernelSums.vectorModulePresent(), "surefire must run with --add-modules=jdk.incubator.vector");
    }

    @Test
    void fusedAndTorchAgreeWithDirectSums() {
        // 37 columns leave a tail after the 16-lane vectors and the 64-float unrolled maximum.
        for (int columns : new int[] {1, 15, 37, 64, 2500}) {
            float[] scores = randomScores(new Random(columns), 9, columns, 30f);
            assertBothMatchDirect(scores, 9, columns);
        }
    }

    @Test
    void exponentsFarBelowTheFloorContributeNothing() {
        // With 1 / sigma^2 = 100, a gap of 10 in score is an exponent of -1000: far below the floor of -80,
        // where exp would underflow and take SVML's slow path.
        float[] scores = new float[3 * 40];
        for (int j = 0; j < scores.length; j++) {
            scores[j] = j % 40 == 5 ? 10f : 0f;
        }
        try (ParallelRanges ranges = new ParallelRanges(1);
                NDManager manager = NDManager.newBaseManager()) {
            BlockKernelSums sums = new VectorKernelSums(ranges).compute(
                    manager.create(scores, new Shape(3, 40)), new double[] {100.0});

            for (int i = 0; i < 3; i++) {
                assertEquals(10f, sums.rowMaxima()[i]);
                assertEquals(1.0, sums.kernelSums()[0][i], 1e-30);
            }
        }
    }

    @Test
    void twoThreadsGiveTheSameBitsAsOne() {
        float[] scores = randomScores(new Random(3), 101, 300, 5f);
        try (ParallelRanges one = new ParallelRanges(1);
                ParallelRanges two = new ParallelRanges(2);
                NDManager manager = NDManager.newBaseManager()) {
            NDArray array = manager.create(scores, new Shape(101, 300));
            BlockKernelSums alone = new VectorKernelSums(one).compute(array, INVERSE_VARIANCES);
            BlockKernelSums split = new VectorKernelSums(two).compute(array, INVERSE_VARIANCES);

            assertArrayEquals(alone.rowMaxima(), split.rowMaxima());
            for (int k = 0; k < INVERSE_VARIANCES.length; k++) {
                assertArrayEquals(alone.kernelSums()[k], split.kernelSums()[k]);
            }
        }
    }

    @Test
    void chunkedScoresSkipPaddingAndMatchDirect() {
        // 3 chunks of 32 columns hold 70 scores: the last chunk has 6 scores, then padding of 1000, which
        // would become every row's maximum if the kernels read it.
        int rows = 5;
        int chunkWidth = 32;
        int columns = 70;
        float[] scores = randomScores(new Random(17), rows, columns, 20f);
        float[] chunked = new float[3 * rows * chunkWidth];
        Arrays.fill(chunked, 1000f);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                chunked[((j / chunkWidth) * rows + i) * chunkWidth + j % chunkWidth] = scores[i * columns + j];
            }
        }

        try (ParallelRanges ranges = new ParallelRanges(1);
                NDManager manager = NDManager.newBaseManager()) {
            Shape shape = new Shape(3, rows, 1, chunkWidth);
            BlockKernelSums fused = new VectorKernelSums(ranges).compute(manager.create(chunked, shape), columns,
                    INVERSE_VARIANCES);
            BlockKernelSums torch = new TorchKernelSums().compute(manager.create(chunked, shape), columns,
                    INVERSE_VARIANCES);

            for (int i = 0; i < rows; i++) {
                float maximum = directMaximum(scores, i * columns, columns);
                assertEquals(maximum, fused.rowMaxima()[i], "row " + i);
                assertEquals(maximum, torch.rowMaxima()[i], "row " + i);

                for (int k = 0; k < INVERSE_VARIANCES.length; k++) {
                    double expected = directSum(scores, i * columns, columns, maximum, INVERSE_VARIANCES[k]);
                    assertEquals(expected, fused.kernelSums()[k][i], 2e-6 * expected, "row " + i + ", k " + k);
                    assertEquals(expected, torch.kernelSums()[k][i], 2e-6 * expected, "row " + i + ", k " + k);
                }
            }
        }
    }

    private static void assertBothMatchDirect(float[] scores, int rows, int columns) {
        try (ParallelRanges ranges = new ParallelRanges(2);
                NDManager manager = NDManager.newBaseManager()) {
            BlockKernelSums fused = new VectorKernelSums(ranges).compute(
                    manager.create(scores, new Shape(rows, columns)), INVERSE_VARIANCES);
            BlockKernelSums torch = new TorchKernelSums().compute(
                    manager.create(scores, new Shape(rows, columns)), INVERSE_VARIANCES);

            for (int i = 0; i < rows; i++) {
                float maximum = directMaximum(scores, i * columns, columns);
                assertEquals(maximum, fused.rowMaxima()[i], "row " + i + " of " + columns + " columns");
                assertEquals(maximum, torch.rowMaxima()[i], "row " + i + " of " + columns + " columns");

                for (int k = 0; k < INVERSE_VARIANCES.length; k++) {
                    double expected = directSum(scores, i * columns, columns, maximum, INVERSE_VARIANCES[k]);
                    String where = "row " + i + ", 1/sigma^2 " + INVERSE_VARIANCES[k] + ", " + columns + " columns";
                    assertEquals(expected, fused.kernelSums()[k][i], 2e-6 * expected, where);
                    assertEquals(expected, torch.kernelSums()[k][i], 2e-6 * expected, where);
                }
            }
        }
    }

    private static float[] randomScores(Random random, int rows, int columns, float spread) {
        float[] scores = new float[rows * columns];
        for (int j = 0; j < scores.length; j++) {
            scores[j] = (random.nextFloat() - 0.5f) * spread;
        }
        return scores;
    }

    private static float directMaximum(float[] scores, int offset, int length) {
        float maximum = Float.NEGATIVE_INFINITY;
        for (int j = 0; j < length; j++) {
            maximum = Math.max(maximum, scores[offset + j]);
        }
        return maximum;
    }

    /** Sums the terms exactly in double, with exponents rounded to float32 as both kernels round them. */
    private static double directSum(float[] scores, int offset, int length, float maximum, double inverseVariance) {
        double sum = 0;
        for (int j = 0; j < length; j++) {
            sum += Math.exp((double) (scores[offset + j] - maximum) * inverseVariance);
        }
        return sum;
    }
}
