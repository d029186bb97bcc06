package org.ganbench.core;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.NoSuchElementException;

/**
 * One epoch of minibatches drawn without replacement from a row-major data set, in an order that
 * depends only on (seed, epoch), so any epoch can be replayed without the ones before it. A final
 * partial minibatch is dropped.
 * The adversarial trainer visits examples in the same order ({@code MinibatchOrder}); the
 * baselines' training loops use this iterator.
 */
public final class ShuffledMinibatches {

    private final float[] data;
    private final int dimension;
    private final int batchSize;
    private final int[] order;
    private final float[] buffer;
    private int position;

    private ShuffledMinibatches(float[] data, int dimension, int batchSize, int[] order) {
        this.data = data;
        this.dimension = dimension;
        this.batchSize = batchSize;
        this.order = order;
        this.buffer = new float[batchSize * dimension];
    }

    /**
     * Shuffles the examples for one epoch.
     *
     * @param data examples, row-major (count, dimension); read, never copied or changed
     * @param dimension values per example
     * @param batchSize examples per minibatch, at most the number of examples
     * @param seed run seed
     * @param epoch 1-based epoch; each epoch gets its own permutation
     * @return an iterator over the epoch's full minibatches
     * @throws IllegalArgumentException if the data are not whole rows or hold fewer rows than one minibatch
     */
    public static ShuffledMinibatches forEpoch(float[] data, int dimension, int batchSize, long seed, int epoch) {
        return forEpoch(data, dimension, batchSize, seed, epoch, MinibatchOrder.DEFAULT_STREAM);
    }

    /**
     * Shuffles the examples for one epoch with a permutation drawn from a named random stream, so
     * that two models trained with one seed need not visit the data in the same order.
     *
     * @param data examples, row-major (count, dimension); read, never copied or changed
     * @param dimension values per example
     * @param batchSize examples per minibatch, at most the number of examples
     * @param seed run seed
     * @param epoch 1-based epoch; each epoch gets its own permutation
     * @param stream name of the random stream, mixed into the seed
     * @return an iterator over the epoch's full minibatches
     * @throws IllegalArgumentException if the data are not whole rows or hold fewer rows than one minibatch
     */
    public static ShuffledMinibatches forEpoch(float[] data, int dimension, int batchSize, long seed, int epoch,
                                               String stream) {
        int exampleCount = rowCount(data, dimension);
        if (batchSize < 1 || batchSize > exampleCount) {
            throw new IllegalArgumentException("Minibatch size " + batchSize + " is not in [1, " + exampleCount
                    + "], the number of training examples; use a smaller minibatch or more data");
        }

        int[] order = MinibatchOrder.permutation(exampleCount, seed, epoch, stream);
        return new ShuffledMinibatches(data, dimension, batchSize, order);
    }

    /**
     * Counts the rows of a row-major array.
     *
     * @param data row-major (count, dimension)
     * @param dimension values per row, at least 1
     * @return the number of rows
     * @throws IllegalArgumentException if the array is empty or its length is not a multiple of the dimension
     */
    public static int rowCount(float[] data, int dimension) {
        if (dimension < 1 || data.length == 0 || data.length % dimension != 0) {
            throw new IllegalArgumentException("Data of length " + data.length
                    + " is not a positive whole number of rows of dimension " + dimension
                    + "; pass row-major (count, dimension) values");
        }
        return data.length / dimension;
    }

    /**
     * Counts the full minibatches of an epoch; a final partial minibatch is dropped.
     *
     * @param exampleCount training examples
     * @param batchSize examples per minibatch
     * @return the number of full minibatches
     */
    public static int count(int exampleCount, int batchSize) {
        return exampleCount / batchSize;
    }

    /** Returns the number of full minibatches in the epoch. */
    public int minibatchCount() {
        return order.length / batchSize;
    }

    /** Returns whether another full minibatch remains in the epoch. */
    public boolean hasNext() {
        return position + batchSize <= order.length;
    }

    /**
     * Copies the next minibatch into native memory.
     *
     * @param manager owner of the returned array, usually the minibatch's scope
     * @return (batchSize, dimension) values
     * @throws NoSuchElementException if the epoch has no full minibatch left
     */
    public NDArray next(NDManager manager) {
        if (!hasNext()) {
            throw new NoSuchElementException("The epoch's " + minibatchCount() + " minibatches are used up");
        }
        for (int row = 0; row < batchSize; row++) {
            System.arraycopy(data, order[position + row] * dimension, buffer, row * dimension, dimension);
        }
        position += batchSize;
        return manager.create(buffer, new Shape(batchSize, dimension));
    }
}
