package org.ganbench.core.nn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransposedConvolutionLayerTest {

    @Test
    void generatorGeometryGives32By32() {
        try (NDManager manager = NDManager.newBaseManager()) {
            TransposedConvolutionLayer layer = new TransposedConvolutionLayer(
                    RandomArrays.uniform(manager, 1, 8, 3, 5, 5), manager.zeros(new Shape(3, 32, 32)),
                    new FeatureMapShape(8, 10, 10), 3, 0, Activation.LINEAR);

            NDArray output = layer.forward(RandomArrays.uniform(manager, 2, 2, 800), false);

            assertEquals(new FeatureMapShape(3, 32, 32), layer.outputShape());
            assertEquals(new Shape(2, 3072), output.getShape());
        }
    }

    @Test
    void adjointOfConvolutionStride3() {
        assertAdjoint(new FeatureMapShape(3, 32, 32), 4, 5, 3, 0);
    }

    @Test
    void adjointOfConvolutionWithPadding() {
        // 7 x 7 maps, kernel 3, stride 2 and padding 1 give 4 x 4, and back to 7 x 7.
        assertAdjoint(new FeatureMapShape(2, 7, 7), 5, 3, 2, 1);
    }

    @Test
    void adjointOfConvolutionStride1() {
        assertAdjoint(new FeatureMapShape(3, 6, 5), 2, 3, 1, 2);
    }

    @Test
    void untiedBiasAddsPerPosition() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray bias = RandomArrays.uniform(manager, 3, 2, 7, 7);
            TransposedConvolutionLayer layer = new TransposedConvolutionLayer(manager.zeros(new Shape(4, 2, 3, 3)),
                    bias, new FeatureMapShape(4, 3, 3), 2, 0, Activation.LINEAR);

            float[] output = layer.forward(RandomArrays.uniform(manager, 4, 2, 36), false).toFloatArray();

            float[] expected = bias.toFloatArray();
            for (int row = 0; row < 2; row++) {
                float[] example = new float[expected.length];
                System.arraycopy(output, row * expected.length, example, 0, expected.length);
                assertArrayEquals(expected, example, 0f, "example " + row);
            }
        }
    }

    @Test
    void tiedBiasAddsPerChannel() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray bias = manager.create(new float[] {0.25f, -2f});
            TransposedConvolutionLayer layer = new TransposedConvolutionLayer(manager.zeros(new Shape(1, 2, 2, 2)),
                    bias, new FeatureMapShape(1, 2, 2), 1, 0, Activation.LINEAR);

            float[] output = layer.forward(manager.ones(new Shape(1, 4)), false).toFloatArray();

            assertArrayEquals(new float[] {0.25f, 0.25f, 0.25f, 0.25f, 0.25f, 0.25f, 0.25f, 0.25f, 0.25f,
                -2f, -2f, -2f, -2f, -2f, -2f, -2f, -2f, -2f}, output, 0f);
        }
    }

    @Test
    void gradientsReachWeightAndBias() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray weight = RandomArrays.uniform(manager, 5, 4, 3, 5, 5);
            NDArray bias = manager.zeros(new Shape(3, 32, 32));
            weight.setRequiresGradient(true);
            bias.setRequiresGradient(true);
            TransposedConvolutionLayer layer = new TransposedConvolutionLayer(weight, bias,
                    new FeatureMapShape(4, 10, 10), 3, 0, Activation.SIGMOID);

            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                collector.backward(layer.forward(RandomArrays.uniform(manager, 6, 2, 400), false).sum());
            }

            // Every kernel tap of a stride-3, 5 x 5 kernel meets some input, so every weight moves.
            assertEquals(weight.size(), RandomArrays.nonZero(weight.getGradient().toFloatArray()));
            assertEquals(bias.size(), RandomArrays.nonZero(bias.getGradient().toFloatArray()));
        }
    }

    @Test
    void detachedWeightsGetNoGradient() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray weight = RandomArrays.uniform(manager, 7, 2, 1, 3, 3);
            NDArray bias = manager.zeros(new Shape(1));
            weight.setRequiresGradient(true);
            bias.setRequiresGradient(true);
            NDArray x = RandomArrays.uniform(manager, 8, 2, 8);
            x.setRequiresGradient(true);
            TransposedConvolutionLayer layer = new TransposedConvolutionLayer(weight, bias,
                    new FeatureMapShape(2, 2, 2), 2, 0, Activation.LINEAR);

            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                collector.backward(layer.forward(x, true).sum());
            }

            assertEquals(0, RandomArrays.nonZero(weight.getGradient().toFloatArray()));
            assertEquals(0, RandomArrays.nonZero(bias.getGradient().toFloatArray()));
            assertTrue(RandomArrays.nonZero(x.getGradient().toFloatArray()) > 0);
        }
    }

    @Test
    void rejectsPaddingOfKernelSize() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray weight = manager.zeros(new Shape(2, 1, 3, 3));
            NDArray bias = manager.zeros(new Shape(1));
            FeatureMapShape input = new FeatureMapShape(2, 4, 4);

            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> new TransposedConvolutionLayer(weight, bias, input, 2, 3, Activation.LINEAR));

            assertTrue(error.getMessage().contains("at most kernel - 1 = 2"), error.getMessage());
        }
    }

    @Test
    void rejectsBiasOfOtherShape() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray weight = manager.zeros(new Shape(2, 3, 3, 3));
            NDArray bias = manager.zeros(new Shape(3, 5));
            FeatureMapShape input = new FeatureMapShape(2, 2, 2);

            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> new TransposedConvolutionLayer(weight, bias, input, 2, 0, Activation.LINEAR));

            assertTrue(error.getMessage().contains("(3) or (3, 5, 5)"), error.getMessage());
        }
    }

    /**
     * Checks that {@code <conv(x), y> = <x, convT(y)>} when both layers share one weight tensor
     * and have zero biases: the defining property of the transposed convolution.
     */
    private static void assertAdjoint(FeatureMapShape imageMaps, int featureChannels, int kernel, int stride,
                                      int padding) {
        int batch = 3;
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray weight = RandomArrays.uniform(manager, 11, featureChannels, imageMaps.channels(), kernel, kernel);
            ConvolutionLayer convolution = new ConvolutionLayer(weight, manager.zeros(new Shape(featureChannels)),
                    imageMaps, stride, padding, Activation.LINEAR);
            FeatureMapShape featureMaps = convolution.outputShape();
            TransposedConvolutionLayer transposed = new TransposedConvolutionLayer(weight,
                    manager.zeros(new Shape(imageMaps.channels())), featureMaps, stride, padding, Activation.LINEAR);
            NDArray x = RandomArrays.uniform(manager, 12, batch, imageMaps.size());
            NDArray y = RandomArrays.uniform(manager, 13, batch, featureMaps.size());

            double convolutionSide = RandomArrays.dot(convolution.forward(x, false).toFloatArray(), y.toFloatArray());
            double transposedSide = RandomArrays.dot(x.toFloatArray(), transposed.forward(y, false).toFloatArray());

            assertEquals(imageMaps, transposed.outputShape());
            assertEquals(convolutionSide, transposedSide, 1e-4 * Math.max(1, Math.abs(convolutionSide)));
        }
    }
}
