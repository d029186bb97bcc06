package org.ganbench.models.dbn;

import java.util.SplittableRandom;

/**
 * Binary test data: a few random prototype patterns, and examples that copy a random prototype
 * with every pixel flipped independently with a small probability.
 */
final class SyntheticPatterns {

    private final float[][] prototypes;
    private final float[] examples;

    private SyntheticPatterns(float[][] prototypes, float[] examples) {
        this.prototypes = prototypes;
        this.examples = examples;
    }

    /**
     * Draws prototypes and noisy copies of them.
     *
     * @param prototypeCount number of distinct patterns
     * @param pixels values per pattern
     * @param exampleCount number of noisy copies
     * @param flipProbability chance that a copied pixel is inverted
     * @param seed seed of every draw
     */
    static SyntheticPatterns generate(int prototypeCount, int pixels, int exampleCount, double flipProbability,
            long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] prototypes = new float[prototypeCount][pixels];
        for (float[] prototype : prototypes) {
            for (int i = 0; i < pixels; i++) {
                prototype[i] = random.nextBoolean() ? 1f : 0f;
            }
        }

        float[] examples = new float[exampleCount * pixels];
        for (int row = 0; row < exampleCount; row++) {
            float[] prototype = prototypes[random.nextInt(prototypeCount)];
            for (int i = 0; i < pixels; i++) {
                boolean flip = random.nextDouble() < flipProbability;
                examples[row * pixels + i] = flip ? 1f - prototype[i] : prototype[i];
            }
        }
        return new SyntheticPatterns(prototypes, examples);
    }

    /** Noisy copies, row-major (exampleCount, pixels). */
    float[] examples() {
        return examples;
    }

    /** Number of distinct patterns. */
    int prototypeCount() {
        return prototypes.length;
    }

    /**
     * Counts the pixels in which a row, thresholded at 0.5, differs from the closest prototype.
     *
     * @param rows row-major values in [0, 1]
     * @param row index of the row
     * @return the Hamming distance to the nearest prototype
     */
    int distanceToNearestPrototype(float[] rows, int row) {
        return distance(rows, row, prototypes[nearestPrototype(rows, row)]);
    }

    /**
     * Finds the prototype closest in Hamming distance to a row thresholded at 0.5.
     *
     * @param rows row-major values in [0, 1]
     * @param row index of the row
     * @return index of the nearest prototype, the first one on ties
     */
    int nearestPrototype(float[] rows, int row) {
        int nearest = 0;
        for (int p = 1; p < prototypes.length; p++) {
            if (distance(rows, row, prototypes[p]) < distance(rows, row, prototypes[nearest])) {
                nearest = p;
            }
        }
        return nearest;
    }

    private static int distance(float[] rows, int row, float[] prototype) {
        int pixels = prototype.length;
        int distance = 0;
        for (int i = 0; i < pixels; i++) {
            boolean on = rows[row * pixels + i] > 0.5f;
            if (on != (prototype[i] > 0.5f)) {
                distance++;
            }
        }
        return distance;
    }
}
