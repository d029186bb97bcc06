package org.ganbench.models;

/** Per-pixel statistics of a training set used to initialise a sigmoid output layer. */
public final class PixelMarginals {

    // pylearn2's init_sigmoid_bias_from_array clips the means to this interval before the logit.
    private static final double CLIP = 1e-7;

    private PixelMarginals() {
    }

    /**
     * Computes b_i = logit(mean_i) so that sigmoid(b) reproduces each pixel's mean.
     *
     * @param pixels row-major (count, dimension), values in [0, 1]
     * @param dimension values per example
     * @return one bias per pixel
     */
    public static float[] logitOfMean(float[] pixels, int dimension) {
        if (dimension < 1 || pixels.length == 0 || pixels.length % dimension != 0) {
            throw new IllegalArgumentException("Pixel array of length " + pixels.length
                    + " is not a positive multiple of the dimension " + dimension);
        }
        int count = pixels.length / dimension;
        double[] sums = new double[dimension];
        for (int row = 0; row < count; row++) {
            int offset = row * dimension;
            for (int i = 0; i < dimension; i++) {
                sums[i] += pixels[offset + i];
            }
        }

        float[] bias = new float[dimension];
        for (int i = 0; i < dimension; i++) {
            double mean = Math.min(Math.max(sums[i] / count, CLIP), 1 - CLIP);
            bias[i] = (float) Math.log(mean / (1 - mean));
        }
        return bias;
    }
}
