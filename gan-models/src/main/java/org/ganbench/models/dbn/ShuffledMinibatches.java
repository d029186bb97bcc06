package org.ganbench.models.dbn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.ganbench.core.SeedMixer;

import java.util.SplittableRandom;

/**
 * Minibatches of one epoch, copied from a row-major array in an order drawn from (seed, epoch), so
 * any epoch's order can be rebuilt without replaying the ones before it. A final partial
 * minibatch is dropped.
 */
final class ShuffledMinibatches {

    private final float[] data;
    private final int dimension;
    private final int batchSize;
    private final int[] order;
    private final float[] buffer;
    private int position;

    ShuffledMinibatches(float[] data, int dimension, int batchSize, long seed, int epoch) {
        this.data = data;
        this.dimension = dimension;
        this.batchSize = batchSize;
        this.order = permutation(data.length / dimension, SeedMixer.mix(seed, "rbm-data-order", epoch));
        this.buffer = new float[batchSize * dimension];
    }

    /** Number of full minibatches in an epoch over {@code exampleCount} examples. */
    static int count(int exampleCount, int batchSize) {
        return exampleCount / batchSize;
    }

    /** Copies the next minibatch into a new (batchSize, dimension) array owned by {@code manager}. */
    NDArray next(NDManager manager) {
        for (int row = 0; row < batchSize; row++) {
            System.arraycopy(data, order[position + row] * dimension, buffer, row * dimension, dimension);
        }
        position += batchSize;
        return manager.create(buffer, new Shape(batchSize, dimension));
    }

    private static int[] permutation(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        // Fisher-Yates shuffle
        for (int i = count - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }
}
