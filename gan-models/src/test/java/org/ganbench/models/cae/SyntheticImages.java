package org.ganbench.models.cae;

import java.util.SplittableRandom;

/** Small image-like data sets for the CAE and GSN tests. */
public final class SyntheticImages {

    private SyntheticImages() {
    }

    /**
     * Draws images from a few random binary prototypes, with each pixel of a copy flipped with
     * probability 0.05 and then blurred towards 0.5 by up to 0.1, so values fill [0, 1].
     *
     * @param count number of images
     * @param dimension pixels per image
     * @param prototypes number of distinct patterns
     * @param seed seed of the prototypes and the noise
     * @return row-major (count, dimension), values in [0, 1]
     */
    public static float[] prototypes(int count, int dimension, int prototypes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        boolean[][] patterns = new boolean[prototypes][dimension];
        for (boolean[] pattern : patterns) {
            for (int i = 0; i < dimension; i++) {
                pattern[i] = random.nextBoolean();
            }
        }

        float[] images = new float[count * dimension];
        for (int n = 0; n < count; n++) {
            boolean[] pattern = patterns[random.nextInt(prototypes)];
            for (int i = 0; i < dimension; i++) {
                boolean on = pattern[i] ^ (random.nextDouble() < 0.05);
                double blur = 0.1 * random.nextDouble();
                images[n * dimension + i] = (float) (on ? 1 - blur : blur);
            }
        }
        return images;
    }
}
