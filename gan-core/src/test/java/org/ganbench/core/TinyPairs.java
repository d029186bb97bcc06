package org.ganbench.core;

import ai.djl.ndarray.NDManager;
import org.ganbench.core.nn.Activation;
import org.ganbench.core.nn.DropoutSpec;
import org.ganbench.core.nn.FeedForwardNetwork;

import java.util.SplittableRandom;

/** Small adversarial pairs for tests, with the paper's layer types. */
final class TinyPairs {

    private TinyPairs() {
    }

    /** G: latent -> hidden ReLU -> dimension sigmoid; D: dimension -> maxout -> 1, with dropout. */
    static AdversarialPair imageLike(int latent, int hidden, int dimension, long seed) {
        NDManager manager = NDManager.newBaseManager();
        SplittableRandom random = new SplittableRandom(seed);
        FeedForwardNetwork generator = FeedForwardNetwork.builder(manager, latent, random)
                .dense(hidden, Activation.RELU, 0.05)
                .dense(dimension, Activation.SIGMOID, 0.05)
                .build();
        FeedForwardNetwork discriminator = FeedForwardNetwork.builder(manager, dimension, random)
                .maxout(hidden, 3, 0.05)
                .dense(1, Activation.LINEAR, 0.05)
                .build();
        DropoutSpec dropout = new DropoutSpec(new double[] {0.8, 0.5}, new double[] {1.25, 2.0});
        return new AdversarialPair(new Generator(generator), new Discriminator(discriminator, dropout), manager);
    }

    /** G: 1 -> ReLU -> ReLU -> 1 linear; D: 1 -> maxout -> maxout -> 1, no dropout. */
    static AdversarialPair scalar(int hidden, long seed) {
        NDManager manager = NDManager.newBaseManager();
        SplittableRandom random = new SplittableRandom(seed);
        FeedForwardNetwork generator = FeedForwardNetwork.builder(manager, 1, random)
                .dense(hidden, Activation.RELU, 0.5)
                .dense(hidden, Activation.RELU, 0.5)
                .dense(1, Activation.LINEAR, 0.5)
                .build();
        FeedForwardNetwork discriminator = FeedForwardNetwork.builder(manager, 1, random)
                .maxout(hidden, 5, 0.5)
                .maxout(hidden, 5, 0.5)
                .dense(1, Activation.LINEAR, 0.5)
                .build();
        return new AdversarialPair(new Generator(generator),
                new Discriminator(discriminator, DropoutSpec.none(3)), manager);
    }

    static float[] uniformData(int count, int dimension, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] data = new float[count * dimension];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) random.nextDouble();
        }
        return data;
    }
}
