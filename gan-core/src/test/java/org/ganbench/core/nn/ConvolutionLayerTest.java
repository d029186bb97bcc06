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

class ConvolutionLayerTest {

    @Test
    void outputShapeFollowsStride() {
        try (NDManager manager = NDManager.newBaseManager()) {
            ConvolutionLayer layer = new ConvolutionLayer(RandomArrays.uniform(manager, 1, 4, 3, 5, 5),
                    manager.zeros(new Shape(4)), new FeatureMapShape(3, 32, 32), 3, 0, Activation.LINEAR);

            NDArray output = layer.forward(RandomArrays.uniform(manager, 2, 2, 3072), false);

            assertEquals(new FeatureMapShape(4, 10, 10), layer.outputShape());
            assertEquals(400, layer.outputSize());
            assertEquals(new Shape(2, 400), output.getShape());
        }
    }

    @Test
    void forwardMatchesDirectSum() {
        // Non-square maps, stride 2 and padding 1 catch swapped axes and off-by-one offsets.
        int batch = 2;
        FeatureMapShape input = new FeatureMapShape(2, 5, 6);
        int outChannels = 3;
        int kernel = 3;
        int stride = 2;
        int padding = 1;
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray weight = RandomArrays.uniform(manager, 3, outChannels, input.channels(), kernel, kernel);
            NDArray bias = RandomArrays.uniform(manager, 4, outChannels);
            NDArray x = RandomArrays.uniform(manager, 5, batch, input.size());
            ConvolutionLayer layer = new ConvolutionLayer(weight, bias, input, stride, padding, Activation.RELU);

            float[] actual = layer.forward(x, false).toFloatArray();

            float[] expected = directConvolution(x.toFloatArray(), weight.toFloatArray(), bias.toFloatArray(),
                    batch, input, layer.outputShape(), kernel, stride, padding);
            assertEquals(new FeatureMapShape(3, 3, 3), layer.outputShape());
            assertArrayEquals(expected, actual, 1e-5f);
        }
    }

    @Test
    void gradientsReachWeightAndBias() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray weight = RandomArrays.uniform(manager, 6, 4, 3, 5, 5);
            NDArray bias = manager.zeros(new Shape(4));
            weight.setRequiresGradient(true);
            bias.setRequiresGradient(true);
            ConvolutionLayer layer = new ConvolutionLayer(weight, bias, new FeatureMapShape(3, 32, 32), 3, 0,
                    Activation.LINEAR);

            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                collector.backward(layer.forward(RandomArrays.uniform(manager, 7, 2, 3072), false).sum());
            }

            // d(sum of outputs) / d(bias of a channel) = examples x positions = 2 x 100.
            assertArrayEquals(new float[] {200, 200, 200, 200}, bias.getGradient().toFloatArray(), 1e-3f);
            assertEquals(weight.size(), RandomArrays.nonZero(weight.getGradient().toFloatArray()));
        }
    }

    @Test
    void detachedWeightsGetNoGradient() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray weight = RandomArrays.uniform(manager, 8, 2, 1, 3, 3);
            NDArray bias = manager.zeros(new Shape(2));
            weight.setRequiresGradient(true);
            bias.setRequiresGradient(true);
            NDArray x = RandomArrays.uniform(manager, 9, 2, 16);
            x.setRequiresGradient(true);
            ConvolutionLayer layer = new ConvolutionLayer(weight, bias, new FeatureMapShape(1, 4, 4), 1, 1,
                    Activation.LINEAR);

            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                collector.backward(layer.forward(x, true).sum());
            }

            assertEquals(0, RandomArrays.nonZero(weight.getGradient().toFloatArray()));
            assertEquals(0, RandomArrays.nonZero(bias.getGradient().toFloatArray()));
            assertTrue(RandomArrays.nonZero(x.getGradient().toFloatArray()) > 0);
        }
    }

    @Test
    void rejectsOtherInputChannels() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray weight = manager.zeros(new Shape(4, 2, 5, 5));
            NDArray bias = manager.zeros(new Shape(4));
            FeatureMapShape rgb = new FeatureMapShape(3, 32, 32);

            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> new ConvolutionLayer(weight, bias, rgb, 1, 0, Activation.LINEAR));

            assertTrue(error.getMessage().contains("reads 2 channels"), error.getMessage());
        }
    }

    @Test
    void rejectsKernelLargerThanInput() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray weight = manager.zeros(new Shape(1, 1, 5, 5));
            NDArray bias = manager.zeros(new Shape(1));
            FeatureMapShape tiny = new FeatureMapShape(1, 3, 3);

            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> new ConvolutionLayer(weight, bias, tiny, 1, 0, Activation.LINEAR));

            assertTrue(error.getMessage().contains("does not fit"), error.getMessage());
        }
    }

    /** Cross-correlation with zero padding, written as the textbook sum, followed by ReLU. */
    static float[] directConvolution(float[] x, float[] weight, float[] bias, int batch, FeatureMapShape in,
                                     FeatureMapShape out, int kernel, int stride, int padding) {
        float[] result = new float[batch * out.size()];
        for (int b = 0; b < batch; b++) {
            for (int o = 0; o < out.channels(); o++) {
                for (int i = 0; i < out.height(); i++) {
                    for (int j = 0; j < out.width(); j++) {
                        double sum = bias[o];
                        for (int c = 0; c < in.channels(); c++) {
                            for (int ki = 0; ki < kernel; ki++) {
                                for (int kj = 0; kj < kernel; kj++) {
                                    int row = i * stride + ki - padding;
                                    int column = j * stride + kj - padding;
                                    if (row < 0 || row >= in.height() || column < 0 || column >= in.width()) {
                                        continue;
                                    }
                                    float value = x[b * in.size() + (c * in.height() + row) * in.width() + column];
                                    sum += value * weight[((o * in.channels() + c) * kernel + ki) * kernel + kj];
                                }
                            }
                        }
                        result[b * out.size() + (o * out.height() + i) * out.width() + j] = (float) Math.max(sum, 0);
                    }
                }
            }
        }
        return result;
    }
}
