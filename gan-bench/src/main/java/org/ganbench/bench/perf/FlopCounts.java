package org.ganbench.bench.perf;

/**
 * Matrix-product work of the benchmarked operations, counted as 2 m k n floating-point operations
 * per (m x k) times (k x n) product. Elementwise work (exp, dropout, optimiser updates) is not
 * counted, so a rate derived from these counts is a lower bound on the arithmetic done.
 */
public final class FlopCounts {

    private static final int BATCH = 100;
    private static final int[] GENERATOR_WIDTHS = {100, 1200, 1200, 784};
    // Maxout layers compute units x pieces = 240 x 5 = 1200 affine outputs each.
    private static final int[] DISCRIMINATOR_INPUTS = {784, 240, 240};
    private static final int[] DISCRIMINATOR_OUTPUTS = {1200, 1200, 1};

    private FlopCounts() {
    }

    /**
     * Counts the Parzen protocol's distance products: one n_s x d by d x n_x product for the test
     * pass and one for the selection pass, whose distances serve every bandwidth of the grid.
     *
     * @param samples kernel centres n_s
     * @param test test points n_x
     * @param validation validation points
     * @param dimension d
     * @return GFLOP, 2 n_s (n_x + n_valid) d / 10^9
     */
    public static double parzenProtocolGflop(int samples, int test, int validation, int dimension) {
        return 2.0 * samples * ((double) test + validation) * dimension / 1e9;
    }

    /**
     * Counts one float32 product of two n x n matrices.
     *
     * @param size n
     * @return GFLOP, 2 n^3 / 10^9
     */
    public static double matrixProductGflop(int size) {
        return 2.0 * size * size * (double) size / 1e9;
    }

    /**
     * Counts one simultaneous iteration of the MNIST GAN of Goodfellow et al. (2014) at minibatch 100,
     * as the PyTorch peer computes it. The count covers G's forward pass, D's forward passes on data
     * and on G(z), and D's weight gradients of both passes with the input gradients of D's upper
     * layers. It adds the input gradients through D on G(z) for G's objective, and G's weight and
     * input gradients.
     *
     * @return GFLOP per iteration, 2.821
     */
    public static double simultaneousIterationGflop() {
        return generatorForward() + 2 * discriminatorForward()
                + 2 * discriminatorParameterBackward()
                + discriminatorInputBackward() + generatorBackward();
    }

    /**
     * Counts the extra work of this project's simultaneous step. Data and samples pass through D as
     * one batch of twice the minibatch, and the step needs D's input gradient on the samples for G's
     * gradient, so PyTorch computes the input gradient of the whole batch, the data's half included.
     *
     * @return GFLOP of D's input gradient on one minibatch, 0.246
     */
    public static double simultaneousExtraGflop() {
        return discriminatorInputBackward();
    }

    /**
     * Counts one alternating iteration (k = 1): a D step (G forward without gradients, D forward on
     * data and on G(z), D's backward) and a G step on fresh noise (G forward, D forward, input
     * gradients through D, G's backward).
     *
     * @return GFLOP per iteration, 3.567
     */
    public static double alternatingIterationGflop() {
        double discriminatorStep = generatorForward() + 2 * discriminatorForward()
                + 2 * discriminatorParameterBackward();
        double generatorStep = generatorForward() + discriminatorForward() + discriminatorInputBackward()
                + generatorBackward();
        return discriminatorStep + generatorStep;
    }

    private static double product(int inputs, int outputs) {
        return 2.0 * BATCH * inputs * outputs / 1e9;
    }

    private static double generatorForward() {
        double total = 0;
        for (int i = 0; i + 1 < GENERATOR_WIDTHS.length; i++) {
            total += product(GENERATOR_WIDTHS[i], GENERATOR_WIDTHS[i + 1]);
        }
        return total;
    }

    private static double discriminatorForward() {
        double total = 0;
        for (int i = 0; i < DISCRIMINATOR_INPUTS.length; i++) {
            total += product(DISCRIMINATOR_INPUTS[i], DISCRIMINATOR_OUTPUTS[i]);
        }
        return total;
    }

    /** Weight gradients of every D layer, plus input gradients of every layer but the first. */
    private static double discriminatorParameterBackward() {
        double total = discriminatorForward();
        for (int i = 1; i < DISCRIMINATOR_INPUTS.length; i++) {
            total += product(DISCRIMINATOR_INPUTS[i], DISCRIMINATOR_OUTPUTS[i]);
        }
        return total;
    }

    /** Input gradients of every D layer, down to G(z). */
    private static double discriminatorInputBackward() {
        return discriminatorForward();
    }

    /** Weight gradients of every G layer, plus input gradients of every layer but the first (z needs none). */
    private static double generatorBackward() {
        double total = generatorForward();
        for (int i = 1; i + 1 < GENERATOR_WIDTHS.length; i++) {
            total += product(GENERATOR_WIDTHS[i], GENERATOR_WIDTHS[i + 1]);
        }
        return total;
    }
}
