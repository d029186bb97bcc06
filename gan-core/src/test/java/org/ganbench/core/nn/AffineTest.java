package org.ganbench.core.nn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The affine map against dot products in double, for minibatches that take the convolution and some that do not. */
class AffineTest {

    private static final int IN = 37;
    private static final int OUT = 23;

    @Test
    void pixelsPerImageKeepsSixteenImages() {
        assertEquals(0, Affine.pixelsPerImage(15), "15 rows are too few for 16 images");
        assertEquals(1, Affine.pixelsPerImage(16));
        assertEquals(1, Affine.pixelsPerImage(17), "a prime takes one pixel per image");
        assertEquals(5, Affine.pixelsPerImage(100), "the paper's minibatch: 20 images of 5 pixels");
        assertEquals(10, Affine.pixelsPerImage(200), "data and samples together: 20 images of 10 pixels");
        assertEquals(625, Affine.pixelsPerImage(10_000), "a sampling batch: 16 images of 625 pixels");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 15, 16, 17, 100, 200})
    void outputMatchesDotProducts(int rows) {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = RandomArrays.uniform(manager, 1, rows, IN);
            NDArray w = RandomArrays.uniform(manager, 2, OUT, IN);
            NDArray b = RandomArrays.uniform(manager, 3, OUT);

            NDArray y = Affine.apply(x, w, b, false);

            assertEquals(rows, y.getShape().get(0));
            assertEquals(OUT, y.getShape().get(1));
            float[] expected = reference(x.toFloatArray(), w.toFloatArray(), b.toFloatArray(), rows);
            assertClose(expected, y.toFloatArray(), "output of " + rows + " rows");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {15, 100})
    void gradientsMatchTheTransposedProducts(int rows) {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = RandomArrays.uniform(manager, 4, rows, IN);
            NDArray w = RandomArrays.uniform(manager, 5, OUT, IN);
            NDArray b = RandomArrays.uniform(manager, 6, OUT);
            NDArray upstream = RandomArrays.uniform(manager, 7, rows, OUT);
            x.setRequiresGradient(true);
            w.setRequiresGradient(true);
            b.setRequiresGradient(true);

            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                collector.backward(Affine.apply(x, w, b, false).mul(upstream).sum());
            }

            // d/dx = G W, d/dW = G^T x, d/db = column sums of G, for upstream gradient G.
            float[] g = upstream.toFloatArray();
            float[] xs = x.toFloatArray();
            float[] ws = w.toFloatArray();
            float[] inputGradient = new float[rows * IN];
            float[] weightGradient = new float[OUT * IN];
            float[] biasGradient = new float[OUT];
            for (int r = 0; r < rows; r++) {
                for (int o = 0; o < OUT; o++) {
                    biasGradient[o] += g[r * OUT + o];
                    for (int i = 0; i < IN; i++) {
                        inputGradient[r * IN + i] += g[r * OUT + o] * ws[o * IN + i];
                        weightGradient[o * IN + i] += g[r * OUT + o] * xs[r * IN + i];
                    }
                }
            }
            assertClose(inputGradient, x.getGradient().toFloatArray(), "input gradient, " + rows + " rows");
            assertClose(weightGradient, w.getGradient().toFloatArray(), "weight gradient, " + rows + " rows");
            assertClose(biasGradient, b.getGradient().toFloatArray(), "bias gradient, " + rows + " rows");
        }
    }

    @Test
    void detachedParametersReceiveNoGradient() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = RandomArrays.uniform(manager, 8, 100, IN);
            NDArray w = RandomArrays.uniform(manager, 9, OUT, IN);
            NDArray b = RandomArrays.uniform(manager, 10, OUT);
            x.setRequiresGradient(true);
            w.setRequiresGradient(true);
            b.setRequiresGradient(true);

            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                collector.backward(Affine.apply(x, w, b, true).sum());
            }

            assertTrue(RandomArrays.nonZero(x.getGradient().toFloatArray()) > 0, "the input still gets its gradient");
            assertEquals(0, RandomArrays.nonZero(w.getGradient().toFloatArray()), "W was detached");
            assertEquals(0, RandomArrays.nonZero(b.getGradient().toFloatArray()), "b was detached");
        }
    }

    @Test
    void modelManagerKeepsNoViews() {
        try (NDManager model = NDManager.newBaseManager()) {
            NDArray w = RandomArrays.uniform(model, 11, OUT, IN);
            NDArray b = RandomArrays.uniform(model, 12, OUT);
            w.setRequiresGradient(true);
            b.setRequiresGradient(true);
            int arraysBefore = model.getManagedArrays().size();

            for (int step = 0; step < 3; step++) {
                try (NDManager minibatch = model.newSubManager()) {
                    NDArray x = RandomArrays.uniform(minibatch, 13, 100, IN);
                    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                        collector.backward(Affine.apply(x, w, b, false).sum());
                    }
                }
            }

            // Anything a step leaves in the model's manager stays until the model closes, a leak over a long run.
            assertEquals(arraysBefore, model.getManagedArrays().size(), "arrays left in the model's manager");
        }
    }

    @Test
    void minibatchManagerKeepsOnlyOutputs() {
        try (NDManager model = NDManager.newBaseManager(); NDManager minibatch = model.newSubManager()) {
            NDArray w = RandomArrays.uniform(model, 14, OUT, IN);
            NDArray b = RandomArrays.uniform(model, 15, OUT);
            NDArray x = RandomArrays.uniform(minibatch, 16, 100, IN);
            int arraysBefore = minibatch.getManagedArrays().size();

            // A caller that keeps its input and closes each output must not accumulate arrays.
            for (int call = 0; call < 3; call++) {
                Affine.apply(x, w, b, false).close();
            }

            assertEquals(arraysBefore, minibatch.getManagedArrays().size(), "arrays left in the minibatch's manager");
        }
    }

    @Test
    void higherRankInputTakesLinear() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = RandomArrays.uniform(manager, 17, 16, 2, IN);
            NDArray w = RandomArrays.uniform(manager, 18, OUT, IN);
            NDArray b = RandomArrays.uniform(manager, 19, OUT);

            NDArray y = Affine.apply(x, w, b, false);

            assertEquals(new Shape(16, 2, OUT), y.getShape());
        }
    }

    private static float[] reference(float[] x, float[] w, float[] b, int rows) {
        float[] y = new float[rows * OUT];
        for (int r = 0; r < rows; r++) {
            for (int o = 0; o < OUT; o++) {
                double sum = b[o];
                for (int i = 0; i < IN; i++) {
                    sum += (double) x[r * IN + i] * w[o * IN + i];
                }
                y[r * OUT + o] = (float) sum;
            }
        }
        return y;
    }

    private static void assertClose(float[] expected, float[] actual, String label) {
        assertEquals(expected.length, actual.length, label + ": length");
        for (int i = 0; i < expected.length; i++) {
            // Sums of at most a few hundred terms of size <= 1 in float32: 1e-4 absolute is ample rounding room.
            assertEquals(expected[i], actual[i], 1e-4, label + " differs at " + i);
        }
    }
}
