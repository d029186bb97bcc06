package org.ganbench.models;

import org.ganbench.core.AdversarialPair;
import org.ganbench.core.AdversarialTrainer;
import org.ganbench.core.EpochMetrics;
import org.ganbench.core.TrainingConfig;
import org.ganbench.core.TrainingListener;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs one epoch of real adversarial training and records what it changed. */
final class OneEpoch {

    /**
     * The epoch's metrics and the names of the parameters that training changed.
     *
     * @param metrics averages over the epoch's updates
     * @param moved names such as "generator/2.weight", in network and layer order
     */
    record Result(EpochMetrics metrics, List<String> moved) {
    }

    private OneEpoch() {
    }

    static Result train(AdversarialPair pair, TrainingConfig config, float[] data, int dimension) {
        Map<String, float[]> before = values(pair);
        try (AdversarialTrainer trainer = new AdversarialTrainer(pair, config)) {
            EpochMetrics metrics = trainer.train(data, dimension, new TrainingListener() { }).get(0);
            List<String> moved = new ArrayList<>();
            values(pair).forEach((name, after) -> {
                if (!Arrays.equals(before.get(name), after)) {
                    moved.add(name);
                }
            });
            return new Result(metrics, moved);
        }
    }

    /**
     * Checks that one update reached both networks end to end: every discriminator weight, the
     * generator's output weight and its first layer's bias changed. The generator's hidden
     * weights are not checked. At the published initialisation, the gradient that reaches them
     * through a discriminator with weights of about 0.005 is so small that one step can round to
     * no change in float32, while a bias that starts at zero always shows it.
     */
    static void assertBothNetworksUpdated(Result result, int generatorLayers, int discriminatorLayers) {
        for (int layer = 0; layer < discriminatorLayers; layer++) {
            String name = "discriminator/" + layer + ".weight";
            assertTrue(result.moved().contains(name), name + " did not change; changed: " + result.moved());
        }
        for (String name : List.of("generator/" + (generatorLayers - 1) + ".weight", "generator/0.bias")) {
            assertTrue(result.moved().contains(name), name + " did not change; changed: " + result.moved());
        }
    }

    /** Values uniform in [low, high), row-major (count, dimension). */
    static float[] uniformData(int count, int dimension, double low, double high, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] data = new float[count * dimension];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) (low + (high - low) * random.nextDouble());
        }
        return data;
    }

    private static Map<String, float[]> values(AdversarialPair pair) {
        Map<String, float[]> values = new LinkedHashMap<>();
        pair.generator().network().namedParameters()
                .forEach((name, parameter) -> values.put("generator/" + name, parameter.toFloatArray()));
        pair.discriminator().network().namedParameters()
                .forEach((name, parameter) -> values.put("discriminator/" + name, parameter.toFloatArray()));
        return values;
    }
}
