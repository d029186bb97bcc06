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

class MaxoutConvolutionLayerTest {

    @Test
    void cifarDiscriminatorShapes() {
        // The three convolutional layers of the authors' CIFAR-10 discriminator, with 2 units each.
        try (NDManager manager = NDManager.newBaseManager()) {
            MaxoutConvolutionLayer first = layer(manager, new FeatureMapShape(3, 32, 32), 8, 4, new MaxPooling(4, 2));
            MaxoutConvolutionLayer second = layer(manager, first.outputShape(), 8, 3, new MaxPooling(4, 2));
            MaxoutConvolutionLayer third = layer(manager, second.outputShape(), 5, 3, new MaxPooling(2, 2));

            NDArray h = RandomArrays.uniform(manager, 1, 2, 3072);
            for (Layer layer : new Layer[] {first, second, third}) {
                h = layer.forward(h, false);
            }

            assertEquals(new FeatureMapShape(2, 16, 16), first.outputShape());
            assertEquals(new FeatureMapShape(2, 7, 7), second.outputShape());
            assertEquals(new FeatureMapShape(2, 5, 5), third.outputShape());
            assertEquals(new Shape(2, 50), h.getShape());
        }
    }

    @Test
    void maxoutThenCeilPooling() {
        // 1 x 1 kernels make the convolution a per-pixel affine map, so the expected output is
        // easy to write down: unit 0 computes max(x, -x) = |x|, unit 1 max(2x, x / 2).
        float[] image = {
            -5, 1, 2,
            0, 3, -4,
            7, -8, 0.5f,
        };
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray weight = manager.create(new float[] {1, -1, 2, 0.5f}, new Shape(4, 1, 1, 1));
            NDArray bias = manager.zeros(new Shape(4));
            MaxoutConvolutionLayer layer = new MaxoutConvolutionLayer(weight, bias, new FeatureMapShape(1, 3, 3), 0,
                    2, 2, new MaxPooling(2, 2));

            float[] output = layer.forward(manager.create(image, new Shape(1, 9)), false).toFloatArray();

            // Ceil mode keeps the partial windows of the last row and column.
            assertArrayEquals(new float[] {5, 4, 8, 0.5f, 6, 4, 14, 1}, output, 0f);
        }
    }

    @Test
    void gradientsReachWeightAndBias() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray weight = RandomArrays.uniform(manager, 2, 6, 3, 3, 3);
            NDArray bias = manager.zeros(new Shape(6));
            weight.setRequiresGradient(true);
            bias.setRequiresGradient(true);
            MaxoutConvolutionLayer layer = new MaxoutConvolutionLayer(weight, bias, new FeatureMapShape(3, 8, 8), 1,
                    3, 2, new MaxPooling(2, 2));

            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                collector.backward(layer.forward(RandomArrays.uniform(manager, 3, 4, 192), false).sum());
            }

            assertTrue(RandomArrays.nonZero(weight.getGradient().toFloatArray()) > 0);
            // Each pooled output passes its gradient to exactly one piece, so the bias
            // gradients of a unit's pieces add up to examples x pooled positions = 4 x 16.
            float[] biasGradient = bias.getGradient().toFloatArray();
            for (int unit = 0; unit < 3; unit++) {
                assertEquals(64f, biasGradient[2 * unit] + biasGradient[2 * unit + 1], 1e-3f, "unit " + unit);
            }
        }
    }

    @Test
    void rejectsWeightForOtherPieces() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray weight = manager.zeros(new Shape(5, 3, 3, 3));
            NDArray bias = manager.zeros(new Shape(6));
            FeatureMapShape input = new FeatureMapShape(3, 8, 8);
            MaxPooling pooling = new MaxPooling(2, 2);

            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> new MaxoutConvolutionLayer(weight, bias, input, 0, 3, 2, pooling));

            assertTrue(error.getMessage().contains("needs weight (6, 3, k, k)"), error.getMessage());
        }
    }

    private static MaxoutConvolutionLayer layer(NDManager manager, FeatureMapShape input, int kernel, int padding,
                                                MaxPooling pooling) {
        NDArray weight = RandomArrays.uniform(manager, kernel + padding, 4, input.channels(), kernel, kernel);
        return new MaxoutConvolutionLayer(weight, manager.zeros(new Shape(4)), input, padding, 2, 2, pooling);
    }
}
