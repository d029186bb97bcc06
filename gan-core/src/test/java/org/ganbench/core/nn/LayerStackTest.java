package org.ganbench.core.nn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LayerStackTest {

    @Test
    void namesParametersByLayer() {
        try (NDManager manager = NDManager.newBaseManager()) {
            FeedForwardNetwork network = LayerStack.builder(manager, 6, new SplittableRandom(1))
                    .dense(8, Activation.RELU, 0.05)
                    .reshape(new FeatureMapShape(2, 2, 2))
                    .transposedConvolution(3, 3, 2, 0, Activation.LINEAR, 0.05)
                    .build();

            Map<String, NDArray> parameters = network.namedParameters();
            assertEquals(List.of("0.weight", "0.bias", "1.weight", "1.bias"), List.copyOf(parameters.keySet()));
            assertEquals(new Shape(8, 6), parameters.get("0.weight").getShape());
            assertEquals(new Shape(2, 3, 3, 3), parameters.get("1.weight").getShape());
            assertEquals(new Shape(3, 5, 5), parameters.get("1.bias").getShape());
            assertEquals(48 + 8 + 54 + 75, network.parameterCount());
            assertEquals(75, network.outputSize());
            assertTrue(parameters.values().stream().allMatch(NDArray::hasGradient));
        }
    }

    @Test
    void imageInputStackRuns() {
        try (NDManager manager = NDManager.newBaseManager()) {
            FeedForwardNetwork network = LayerStack.builder(manager, new FeatureMapShape(3, 8, 8), new SplittableRandom(2))
                    .maxoutConvolution(2, 2, 3, 1, new MaxPooling(2, 2), 0.005)
                    .maxout(4, 5, 0.005)
                    .dense(1, Activation.LINEAR, 0.005)
                    .build();

            NDArray h = RandomArrays.uniform(manager, 3, 5, 192);
            for (Layer layer : network.layers()) {
                h = layer.forward(h, false);
            }

            assertEquals(32, network.layers().get(1).inputSize());
            assertEquals(new Shape(5, 1), h.getShape());
        }
    }

    @Test
    void forwardLeavesNothingInModelManager() {
        try (NDManager model = NDManager.newBaseManager()) {
            FeedForwardNetwork network = LayerStack.builder(model, 4, new SplittableRandom(9))
                    .dense(8, Activation.RELU, 0.05)
                    .reshape(new FeatureMapShape(2, 2, 2))
                    .transposedConvolution(3, 3, 2, 0, Activation.SIGMOID, 0.05)
                    .convolution(4, 3, 1, 1, Activation.RELU, 0.05)
                    .maxoutConvolution(2, 2, 3, 1, new MaxPooling(2, 2), 0.05)
                    .build();
            int before = model.getManagedArrays().size();

            for (boolean detach : new boolean[] {false, true}) {
                try (NDManager minibatch = model.newSubManager();
                     GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    NDArray h = RandomArrays.uniform(minibatch, 10, 3, 4);
                    // Detached weights leave the input as the only leaf that backward can reach.
                    h.setRequiresGradient(true);
                    for (Layer layer : network.layers()) {
                        h = layer.forward(h, detach);
                    }
                    collector.backward(h.sum());
                }
            }

            assertEquals(before, model.getManagedArrays().size());
        }
    }

    @Test
    void sameSeedSameWeights() {
        try (NDManager manager = NDManager.newBaseManager()) {
            float[] first = convolutionWeight(manager, 7);
            float[] second = convolutionWeight(manager, 7);
            float[] other = convolutionWeight(manager, 8);

            assertArrayEquals(first, second, 0f);
            assertTrue(first[0] != other[0]);
        }
    }

    @Test
    void sparseDenseFixesFanIn() {
        float[] bias = {-1f, 0f, 1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f, 9f, 10f};
        try (NDManager manager = NDManager.newBaseManager()) {
            FeedForwardNetwork network = LayerStack.builder(manager, 50, new SplittableRandom(4))
                    .sparseDense(12, Activation.SIGMOID, 7, 1.0, bias)
                    .build();

            float[] weight = network.namedParameters().get("0.weight").toFloatArray();
            for (int unit = 0; unit < 12; unit++) {
                float[] row = new float[50];
                System.arraycopy(weight, unit * 50, row, 0, 50);
                assertEquals(7, RandomArrays.nonZero(row), "unit " + unit);
            }
            assertArrayEquals(bias, network.namedParameters().get("0.bias").toFloatArray(), 0f);
        }
    }

    @Test
    void sparseDenseRejectsWideFanIn() {
        try (NDManager manager = NDManager.newBaseManager()) {
            LayerStack.Builder builder = LayerStack.builder(manager, 50, new SplittableRandom(5));
            float[] bias = new float[3];

            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> builder.sparseDense(3, Activation.SIGMOID, 51, 1.0, bias));

            assertTrue(error.getMessage().contains("got 51"), error.getMessage());
        }
    }

    @Test
    void convolutionNeedsMaps() {
        try (NDManager manager = NDManager.newBaseManager()) {
            LayerStack.Builder builder = LayerStack.builder(manager, 6, new SplittableRandom(6))
                    .dense(8, Activation.RELU, 0.05);

            IllegalStateException error = assertThrows(IllegalStateException.class,
                    () -> builder.convolution(2, 1, 1, 0, Activation.LINEAR, 0.05));

            assertTrue(error.getMessage().contains("reshape(FeatureMapShape)"), error.getMessage());
        }
    }

    @Test
    void reshapeRejectsOtherSize() {
        try (NDManager manager = NDManager.newBaseManager()) {
            LayerStack.Builder builder = LayerStack.builder(manager, 6, new SplittableRandom(7))
                    .dense(8, Activation.RELU, 0.05);
            FeatureMapShape nine = new FeatureMapShape(1, 3, 3);

            IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> builder.reshape(nine));

            assertTrue(error.getMessage().contains("row of 8 values"), error.getMessage());
        }
    }

    @Test
    void emptyStackRejected() {
        try (NDManager manager = NDManager.newBaseManager()) {
            LayerStack.Builder builder = LayerStack.builder(manager, 6, new SplittableRandom(8));

            assertThrows(IllegalStateException.class, builder::build);
        }
    }

    private static float[] convolutionWeight(NDManager manager, long seed) {
        FeedForwardNetwork network = LayerStack.builder(manager, new FeatureMapShape(2, 4, 4), new SplittableRandom(seed))
                .convolution(3, 3, 1, 1, Activation.RELU, 0.05)
                .build();
        return network.namedParameters().get("0.weight").toFloatArray();
    }
}
