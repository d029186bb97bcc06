package org.ganbench.models.cae;

import org.ganbench.core.ShuffledMinibatches;
import org.ganbench.core.SeedMixer;

import java.util.SplittableRandom;

/**
 * A few training images kept by a trained model as start states of its sampling chains, so that
 * sampling needs neither the whole training set nor a test image. Shared by the CAE and GSN
 * baselines.
 */
public final class ChainStartPool {

    private final float[] images;
    private final int dimension;

    private ChainStartPool(float[] images, int dimension) {
        this.images = images;
        this.dimension = dimension;
    }

    /**
     * Draws images uniformly with replacement from a training set.
     *
     * @param pixels training images, row-major (count, dimension)
     * @param dimension values per image
     * @param poolSize images to keep, at least 1
     * @param seed seed of the draws
     * @return the pool; it copies the images it keeps
     * @throws IllegalArgumentException if the pixels are not whole rows or poolSize is below 1
     */
    public static ChainStartPool draw(float[] pixels, int dimension, int poolSize, long seed) {
        int exampleCount = ShuffledMinibatches.rowCount(pixels, dimension);
        if (poolSize < 1) {
            throw new IllegalArgumentException("Chain start pool size must be at least 1, got " + poolSize);
        }

        SplittableRandom random = new SplittableRandom(SeedMixer.mix(seed, "chain-start-pool", 0));
        float[] images = new float[poolSize * dimension];
        for (int k = 0; k < poolSize; k++) {
            int image = random.nextInt(exampleCount);
            System.arraycopy(pixels, image * dimension, images, k * dimension, dimension);
        }
        return new ChainStartPool(images, dimension);
    }

    /** Number of images in the pool. */
    public int size() {
        return images.length / dimension;
    }

    /**
     * Picks one start image per chain, uniformly with replacement.
     *
     * @param chainCount number of chains, at least 1
     * @param seed seed of the picks, usually the sampling seed
     * @return row-major (chainCount, dimension)
     * @throws IllegalArgumentException if chainCount is below 1
     */
    public float[] pick(int chainCount, long seed) {
        if (chainCount < 1) {
            throw new IllegalArgumentException("Chain count must be at least 1, got " + chainCount);
        }

        SplittableRandom random = new SplittableRandom(SeedMixer.mix(seed, "chain-start", 0));
        float[] starts = new float[chainCount * dimension];
        for (int k = 0; k < chainCount; k++) {
            int image = random.nextInt(size());
            System.arraycopy(images, image * dimension, starts, k * dimension, dimension);
        }
        return starts;
    }
}
