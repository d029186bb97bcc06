package org.ganbench.models.dbn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.ganbench.core.SeedMixer;

import java.util.List;

/**
 * Ancestral sampling from a DBN: block Gibbs sampling in the top RBM, then one stochastic
 * top-down pass through the lower RBMs' generative weights p(v | h).
 *
 * <p>Each chain starts from an image of independent pixels whose means are the training set's
 * pixel means, carried up to the top RBM by sampling p(h | v) in every lower layer. No training
 * example enters a chain, so none can leak into the samples. The start only places the chains
 * nearer the data than the top RBM's visible biases would. Hidden layers below the top carry
 * binary states, as the DBN's directed layers define them, while the pixel layer returns the
 * probabilities p(v = 1 | h1): grey-level means in [0, 1], the usual choice for Parzen-window
 * scoring of MNIST models.
 */
final class DbnSampler {

    private DbnSampler() {
    }

    /**
     * Draws samples with the given schedule.
     *
     * @param layers the RBMs from the pixels (index 0) to the top
     * @param pixelMeans mean of each pixel over the training data, the start of every chain
     * @param manager parent of the temporary arrays, all freed before returning
     * @param schedule chains, burn-in and thinning of the top RBM's Gibbs sampling
     * @param count number of samples, at least 1
     * @param seed seed of the engine's random stream
     * @return row-major (count, layers.get(0).visibleUnits()) pixel means
     */
    static float[] sample(List<Rbm> layers, float[] pixelMeans, NDManager manager, SamplingSchedule schedule,
            int count, long seed) {
        Rbm top = layers.get(layers.size() - 1);
        int dimension = layers.get(0).visibleUnits();
        int chainCount = Math.min(schedule.chains(), count);
        float[] samples = new float[count * dimension];
        Engine.getInstance().setRandomSeed((int) (SeedMixer.mix(seed, "dbn-sampling", 0) & 0x7fffffffL));

        try (NDManager chainScope = manager.newSubManager()) {
            NDArray state = initialState(layers, pixelMeans, chainScope, chainCount);
            state = advance(top, state, schedule.burnInSteps());

            int filled = 0;
            while (true) {
                float[] block = topDownPass(layers, state);
                int rows = Math.min(chainCount, count - filled);
                System.arraycopy(block, 0, samples, filled * dimension, rows * dimension);
                filled += rows;
                if (filled == count) {
                    break;
                }
                state = advance(top, state, schedule.stepsBetweenSamples());
            }
            state.close();
        }
        return samples;
    }

    private static NDArray initialState(List<Rbm> layers, float[] pixelMeans, NDManager scope, int chainCount) {
        NDArray state;
        try (NDArray means = scope.create(pixelMeans);
                NDArray zeros = scope.zeros(new Shape(chainCount, pixelMeans.length));
                NDArray broadcastMeans = zeros.add(means)) {
            state = Rbm.sampleBernoulli(broadcastMeans);
        }
        for (int layer = 0; layer < layers.size() - 1; layer++) {
            NDArray above = layers.get(layer).sampleHidden(state);
            state.close();
            state = above;
        }
        return state;
    }

    private static NDArray advance(Rbm top, NDArray state, int steps) {
        NDArray next = top.gibbsChain(state, steps);
        state.close();
        return next;
    }

    /**
     * Maps the top RBM's visible states to pixel means: one half Gibbs step gives
     * p(v_top | h_top), then each lower layer samples binary states and passes them down.
     */
    private static float[] topDownPass(List<Rbm> layers, NDArray topVisible) {
        Rbm top = layers.get(layers.size() - 1);
        NDArray probabilities;
        try (NDArray topHidden = top.sampleHidden(topVisible)) {
            probabilities = top.visibleProbabilities(topHidden);
        }
        for (int layer = layers.size() - 2; layer >= 0; layer--) {
            try (NDArray states = Rbm.sampleBernoulli(probabilities)) {
                probabilities.close();
                probabilities = layers.get(layer).visibleProbabilities(states);
            }
        }
        try (NDArray pixels = probabilities) {
            return pixels.toFloatArray();
        }
    }
}
