package org.ganbench.core;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/** Draws samples G(z), z ~ N(0, I), into a plain row-major array. */
public final class GeneratorSampler {

    private static final int BATCH = 1000;

    private GeneratorSampler() {
    }

    /**
     * Draws {@code count} samples with a fixed seed, in minibatches so memory stays bounded.
     *
     * @param pair owner of the generator and of its parameters' manager
     * @param count number of samples
     * @param seed seed of the noise stream
     * @return row-major (count, dataDimension)
     */
    public static float[] sample(AdversarialPair pair, int count, long seed) {
        if (count < 1) {
            throw new IllegalArgumentException("Sample count must be at least 1, got " + count);
        }
        Generator generator = pair.generator();
        int dimension = generator.dataDimension();
        float[] samples = new float[count * dimension];
        Engine.getInstance().setRandomSeed((int) (SeedMixer.mix(seed, "sampling", 0) & 0x7fffffffL));

        for (int start = 0; start < count; start += BATCH) {
            int rows = Math.min(BATCH, count - start);
            try (NDManager scope = pair.manager().newSubManager()) {
                NDArray z = generator.drawNoise(scope, rows);
                float[] block = generator.generate(z).toFloatArray();
                System.arraycopy(block, 0, samples, start * dimension, block.length);
            }
        }
        return samples;
    }
}
