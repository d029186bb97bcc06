package org.ganbench.models;

import org.ganbench.core.AdversarialPair;
import org.ganbench.core.GeneratorSampler;
import org.ganbench.core.TrainingConfig;
import org.ganbench.core.nn.Layer;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CifarGanTest {

    private static final CifarGan.FullyConnectedWidths QUICK_FULLY_CONNECTED =
            new CifarGan.FullyConnectedWidths(10, 32, 8, 5);

    private static final CifarGan.ConvolutionalWidths QUICK_CONVOLUTIONAL =
            new CifarGan.ConvolutionalWidths(10, 32, 4, 4, 4, 8, 2, 16, 5);

    @Test
    void fullyConnectedTrainsOneStep() {
        TrainingConfig config = CifarGan.fullyConnectedTraining(1, 3);
        // Roughly the range of contrast-normalised CIFAR-10 pixels.
        float[] data = OneEpoch.uniformData(config.batchSize(), CifarGan.DIMENSION, -2, 2, 4);

        try (AdversarialPair pair = CifarGan.fullyConnected(QUICK_FULLY_CONNECTED, 5)) {
            OneEpoch.Result result = OneEpoch.train(pair, config, data, CifarGan.DIMENSION);

            assertEquals(1, result.metrics().iterations());
            assertTrue(Double.isFinite(result.metrics().discriminatorLoss()));
            assertTrue(Double.isFinite(result.metrics().generatorLoss()));
            OneEpoch.assertBothNetworksUpdated(result, 3, 3);
        }
    }

    @Test
    void convolutionalTrainsOneStep() {
        TrainingConfig config = CifarGan.convolutionalTraining(1, 3);
        float[] data = OneEpoch.uniformData(config.batchSize(), CifarGan.DIMENSION, -2, 2, 6);

        try (AdversarialPair pair = CifarGan.convolutional(QUICK_CONVOLUTIONAL, 7)) {
            OneEpoch.Result result = OneEpoch.train(pair, config, data, CifarGan.DIMENSION);

            assertEquals(1, result.metrics().iterations());
            assertTrue(Double.isFinite(result.metrics().discriminatorLoss()));
            assertTrue(Double.isFinite(result.metrics().generatorLoss()));
            OneEpoch.assertBothNetworksUpdated(result, 3, 5);
        }
    }

    @Test
    void convolutionalSamplesAreImages() {
        try (AdversarialPair pair = CifarGan.convolutional(QUICK_CONVOLUTIONAL, 8)) {
            float[] samples = GeneratorSampler.sample(pair, 3, 9);

            assertEquals(3 * CifarGan.DIMENSION, samples.length);
            // The output layer is linear, so samples take both signs, as normalised images do.
            assertTrue(min(samples) < 0);
            assertTrue(max(samples) > 0);
        }
    }

    @Test
    void fullyConnectedPaperParameterCount() {
        long generator = (100L * 8000 + 8000) + (8000L * 8000 + 8000) + (8000L * 3072 + 3072);
        long discriminator = (3072L * 8000 + 8000) + (1600L * 8000 + 8000) + (1600 + 1);

        try (AdversarialPair pair = CifarGan.fullyConnected(CifarGan.FullyConnectedWidths.PAPER, 1)) {
            assertEquals(generator, pair.generator().network().parameterCount());
            assertEquals(discriminator, pair.discriminator().network().parameterCount());
        }
    }

    @Test
    void convolutionalPaperParameterCount() {
        // Transposed convolution: 80 x 3 kernels of 5 x 5, one bias per output value.
        long generator = (100L * 8000 + 8000) + (8000L * 8000 + 8000) + (80 * 3 * 25 + 3072);
        // Each convolutional maxout layer has (units x pieces) kernels over its input channels and
        // one bias per convolution channel. Maxout 500 x 5 over 192 x 5 x 5 inputs and the logit follow.
        long discriminator = (64 * 3 * 64 + 64) + (64 * 32 * 64 + 64) + (384 * 32 * 25 + 384)
                + (4800L * 2500 + 2500) + (500 + 1);

        try (AdversarialPair pair = CifarGan.convolutional(CifarGan.ConvolutionalWidths.PAPER, 1)) {
            List<Layer> layers = pair.discriminator().network().layers();
            int[] inputSizes = layers.stream().mapToInt(Layer::inputSize).toArray();

            assertEquals(generator, pair.generator().network().parameterCount());
            assertEquals(discriminator, pair.discriminator().network().parameterCount());
            assertEquals(Arrays.toString(new int[] {3072, 32 * 16 * 16, 32 * 7 * 7, 192 * 5 * 5, 500}),
                    Arrays.toString(inputSizes));
        }
    }

    @Test
    void trainingConfigsArePublished() {
        TrainingConfig fullyConnected = CifarGan.fullyConnectedTraining(10, 1);
        TrainingConfig convolutional = CifarGan.convolutionalTraining(10, 1);

        assertEquals(100, fullyConnected.batchSize());
        assertEquals(0.025, fullyConnected.learningRate().initial());
        assertEquals(128, convolutional.batchSize());
        assertEquals(0.004, convolutional.learningRate().initial());
        assertEquals(1.000004, convolutional.learningRate().decayFactor());
        assertEquals(0.5, convolutional.momentum().momentumAt(1));
        assertEquals(0.7, convolutional.momentum().momentumAt(250));
    }

    @Test
    void widthsRejectZero() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new CifarGan.ConvolutionalWidths(100, 8000, 0, 32, 32, 192, 2, 500, 5));

        assertTrue(error.getMessage().contains("generatorMaps=0"), error.getMessage());
    }

    private static float min(float[] values) {
        float min = Float.POSITIVE_INFINITY;
        for (float value : values) {
            min = Math.min(min, value);
        }
        return min;
    }

    private static float max(float[] values) {
        float max = Float.NEGATIVE_INFINITY;
        for (float value : values) {
            max = Math.max(max, value);
        }
        return max;
    }
}
