package org.ganbench.core;

import java.util.SplittableRandom;

/**
 * Order in which training examples are visited: a fresh permutation every epoch, drawn from a
 * generator seeded by (seed, epoch), so that any epoch's order can be rebuilt without replaying
 * the epochs before it. A final partial minibatch is dropped.
 */
final class MinibatchOrder {

    /** Random stream of the adversarial trainer's and the autoencoders' data order. */
    static final String DEFAULT_STREAM = "data-order";

    private MinibatchOrder() {
    }

    /**
     * Permutes the example indices for one epoch.
     *
     * @param exampleCount number of training examples
     * @param seed run seed
     * @param epoch 1-based epoch
     * @return a permutation of 0..exampleCount-1
     */
    static int[] permutation(int exampleCount, long seed, int epoch) {
        return permutation(exampleCount, seed, epoch, DEFAULT_STREAM);
    }

    /**
     * Permutes the example indices for one epoch, drawing from a named random stream.
     *
     * @param exampleCount number of training examples
     * @param seed run seed
     * @param epoch 1-based epoch
     * @param stream name of the random stream, mixed into the seed
     * @return a permutation of 0..exampleCount-1
     */
    static int[] permutation(int exampleCount, long seed, int epoch, String stream) {
        SplittableRandom random = new SplittableRandom(SeedMixer.mix(seed, stream, epoch));
        int[] order = new int[exampleCount];
        for (int i = 0; i < exampleCount; i++) {
            order[i] = i;
        }
        // Fisher-Yates shuffle
        for (int i = exampleCount - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }
}
