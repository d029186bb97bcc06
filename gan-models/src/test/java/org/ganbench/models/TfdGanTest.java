package org.ganbench.models;

import org.ganbench.core.AdversarialPair;
import org.ganbench.core.TrainingConfig;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TfdGanTest {

    private static final TfdGan.Widths QUICK = new TfdGan.Widths(10, 128, 8, 5);

    @Test
    void trainsOneStep() {
        TrainingConfig config = TfdGan.paperTraining(1, 3);
        float[] faces = OneEpoch.uniformData(config.batchSize(), TfdGan.DIMENSION, 0, 1, 4);

        try (AdversarialPair pair = TfdGan.build(QUICK, faces, 5)) {
            OneEpoch.Result result = OneEpoch.train(pair, config, faces, TfdGan.DIMENSION);

            assertEquals(1, result.metrics().iterations());
            assertTrue(Double.isFinite(result.metrics().discriminatorLoss()));
            assertTrue(Double.isFinite(result.metrics().generatorLoss()));
            OneEpoch.assertBothNetworksUpdated(result, 3, 3);
        }
    }

    @Test
    void paperParameterCount() {
        long generator = (100L * 8000 + 8000) + (8000L * 8000 + 8000) + (8000L * 2304 + 2304);
        long discriminator = (2304L * 6000 + 6000) + (1200L * 6000 + 6000) + (1200 + 1);
        float[] faces = OneEpoch.uniformData(2, TfdGan.DIMENSION, 0, 1, 6);

        try (AdversarialPair pair = TfdGan.paper(faces, 1)) {
            assertEquals(generator, pair.generator().network().parameterCount());
            assertEquals(discriminator, pair.discriminator().network().parameterCount());
        }
    }

    @Test
    void outputLayerIsSparse() {
        float[] faces = OneEpoch.uniformData(2, TfdGan.DIMENSION, 0, 1, 7);

        try (AdversarialPair pair = TfdGan.build(QUICK, faces, 8)) {
            float[] weight = pair.generator().network().namedParameters().get("2.weight").toFloatArray();

            for (int unit : new int[] {0, 1, 1000, TfdGan.DIMENSION - 1}) {
                int nonZero = 0;
                for (int input = 0; input < QUICK.generatorHidden(); input++) {
                    nonZero += weight[unit * QUICK.generatorHidden() + input] != 0f ? 1 : 0;
                }
                assertEquals(100, nonZero, "unit " + unit);
            }
        }
    }

    @Test
    void biasesStartAsPublished() {
        // Every pixel has mean 0.25, whose logit is ln(1/3).
        float[] faces = new float[2 * TfdGan.DIMENSION];
        Arrays.fill(faces, 0, TfdGan.DIMENSION, 0.5f);

        try (AdversarialPair pair = TfdGan.build(QUICK, faces, 9)) {
            float[] hiddenBias = pair.generator().network().namedParameters().get("1.bias").toFloatArray();
            float[] outputBias = pair.generator().network().namedParameters().get("2.bias").toFloatArray();

            float[] minusTwo = new float[QUICK.generatorHidden()];
            Arrays.fill(minusTwo, -2f);
            float[] logitOfQuarter = new float[TfdGan.DIMENSION];
            Arrays.fill(logitOfQuarter, (float) Math.log(1.0 / 3));
            assertArrayEquals(minusTwo, hiddenBias, 0f);
            assertArrayEquals(logitOfQuarter, outputBias, 1e-6f);
        }
    }

    @Test
    void trainingConfigIsPublished() {
        TrainingConfig config = TfdGan.paperTraining(TfdGan.PAPER_EPOCHS, 1);

        assertEquals(50, config.epochs());
        assertEquals(100, config.batchSize());
        assertEquals(0.05, config.learningRate().initial());
        assertEquals(1e-6, config.learningRate().minimum());
        assertEquals(0.7, config.momentum().momentumAt(250));
    }
}
