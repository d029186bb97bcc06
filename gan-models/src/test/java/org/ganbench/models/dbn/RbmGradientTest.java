package org.ganbench.models.dbn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Checks the free energy, the exact log-likelihood gradient and the CD estimate on an RBM with 4
 * visible and 3 hidden units, small enough to enumerate all 16 visible states.
 */
class RbmGradientTest {

    private static final int VISIBLE = 4;
    private static final int HIDDEN = 3;

    // Six binary training vectors of 4 pixels.
    private static final float[] DATA = {
        1, 1, 0, 0,
        1, 1, 1, 0,
        0, 0, 1, 1,
        0, 1, 1, 1,
        1, 0, 0, 1,
        1, 1, 0, 0,
    };

    private NDManager manager;
    private float[] weights;
    private float[] visibleBias;
    private float[] hiddenBias;

    @BeforeEach
    void createParameters() {
        manager = NDManager.newBaseManager();
        // Weights of order 1 make the model far from independent pixels, so a wrong sign or a
        // missing term shows up clearly in the gradients.
        SplittableRandom random = new SplittableRandom(11);
        weights = gaussian(random, HIDDEN * VISIBLE, 1.0);
        visibleBias = gaussian(random, VISIBLE, 0.5);
        hiddenBias = gaussian(random, HIDDEN, 0.5);
    }

    @AfterEach
    void closeManager() {
        manager.close();
    }

    @Test
    void freeEnergyMatchesSumOverHiddenStates() {
        Rbm rbm = Rbm.of(manager, weights, visibleBias, hiddenBias);
        float[] states = RbmEnumeration.allStates(VISIBLE);
        float[] freeEnergies = rbm.freeEnergy(manager.create(states, new Shape(1 << VISIBLE, VISIBLE))).toFloatArray();

        float[] hiddenStates = RbmEnumeration.allStates(HIDDEN);
        for (int v = 0; v < 1 << VISIBLE; v++) {
            double sum = 0;
            for (int h = 0; h < 1 << HIDDEN; h++) {
                sum += Math.exp(-energy(states, v, hiddenStates, h));
            }
            assertEquals(-Math.log(sum), freeEnergies[v], 1e-4, "free energy of visible state " + v);
        }
    }

    @Test
    void exactGradientMatchesFiniteDifference() {
        Rbm rbm = Rbm.of(manager, weights, visibleBias, hiddenBias);
        double[] exact = RbmEnumeration.negativeLogLikelihoodGradient(rbm, DATA, manager);

        // Central differences of the exact mean negative log-likelihood. With float32 free
        // energies and step 1e-2, rounding and truncation errors are both below 1e-4.
        double step = 1e-2;
        float[][] parameterGroups = {weights, visibleBias, hiddenBias};
        int index = 0;
        for (float[] group : parameterGroups) {
            for (int i = 0; i < group.length; i++) {
                float original = group[i];
                group[i] = (float) (original + step);
                double upper = -RbmEnumeration.meanLogLikelihood(Rbm.of(manager, weights, visibleBias, hiddenBias),
                        DATA, manager);
                group[i] = (float) (original - step);
                double lower = -RbmEnumeration.meanLogLikelihood(Rbm.of(manager, weights, visibleBias, hiddenBias),
                        DATA, manager);
                group[i] = original;

                double finiteDifference = (upper - lower) / (2 * step);
                assertEquals(finiteDifference, exact[index], 1e-3, "gradient of parameter " + index);
                index++;
            }
        }
    }

    @Test
    void longCdChainsApproachExactGradient() {
        Rbm rbm = Rbm.of(manager, weights, visibleBias, hiddenBias);
        double[] exact = RbmEnumeration.negativeLogLikelihoodGradient(rbm, DATA, manager);

        // 24,000 chains, each a copy of a training vector, run 50 Gibbs steps: far past mixing for
        // 4 x 3 units, so only Monte Carlo error is left. Each statistic is bounded by 1, so its
        // standard error is below 0.5 / sqrt(24000) = 0.0032; the tolerance is about 6 of those.
        Engine.getInstance().setRandomSeed(5);
        NDArray data = replicatedData(4000);
        NDArray negative = rbm.gibbsChain(data, 50);
        rbm.accumulateCdGradient(data, negative, 0);

        double[] estimate = flatten(rbm);
        for (int i = 0; i < exact.length; i++) {
            assertEquals(exact[i], estimate[i], 0.02, "CD-50 estimate of parameter " + i);
        }
    }

    @Test
    void cdOneDiffersFromExactGradient() {
        Rbm rbm = Rbm.of(manager, weights, visibleBias, hiddenBias);
        double[] exact = RbmEnumeration.negativeLogLikelihoodGradient(rbm, DATA, manager);

        // Control for the test above: with one step from the data the chains are far from the
        // model distribution, so the same comparison must find a clear gap.
        Engine.getInstance().setRandomSeed(5);
        NDArray data = replicatedData(4000);
        NDArray negative = rbm.gibbsChain(data, 1);
        rbm.accumulateCdGradient(data, negative, 0);

        double[] estimate = flatten(rbm);
        double largestGap = 0;
        for (int i = 0; i < exact.length; i++) {
            largestGap = Math.max(largestGap, Math.abs(exact[i] - estimate[i]));
        }
        assertTrue(largestGap > 0.05, "CD-1 should be biased on this model, largest gap " + largestGap);
    }

    @Test
    void weightDecayAddsLambdaTimesWeights() {
        Rbm withoutDecay = Rbm.of(manager, weights, visibleBias, hiddenBias);
        Rbm withDecay = Rbm.of(manager, weights, visibleBias, hiddenBias);
        NDArray data = manager.create(DATA, new Shape(DATA.length / VISIBLE, VISIBLE));
        NDArray negative = manager.create(RbmEnumeration.allStates(VISIBLE), new Shape(1 << VISIBLE, VISIBLE));

        withoutDecay.accumulateCdGradient(data, negative, 0);
        withDecay.accumulateCdGradient(data, negative, 0.5);

        float[] plain = withoutDecay.weights().getGradient().toFloatArray();
        float[] decayed = withDecay.weights().getGradient().toFloatArray();
        for (int i = 0; i < weights.length; i++) {
            assertEquals(plain[i] + 0.5 * weights[i], decayed[i], 1e-5, "weight gradient " + i);
        }
    }

    /** Repeats the training vectors {@code copies} times, one chain per row. */
    private NDArray replicatedData(int copies) {
        float[] rows = new float[copies * DATA.length];
        for (int copy = 0; copy < copies; copy++) {
            System.arraycopy(DATA, 0, rows, copy * DATA.length, DATA.length);
        }
        return manager.create(rows, new Shape(rows.length / VISIBLE, VISIBLE));
    }

    /** Computes E(v, h) = -b·v - c·h - h·W·v for the v-th and h-th rows of two state tables. */
    private double energy(float[] visibleStates, int v, float[] hiddenStates, int h) {
        double energy = 0;
        for (int i = 0; i < VISIBLE; i++) {
            energy -= visibleBias[i] * visibleStates[v * VISIBLE + i];
        }
        for (int j = 0; j < HIDDEN; j++) {
            float hj = hiddenStates[h * HIDDEN + j];
            energy -= hiddenBias[j] * hj;
            for (int i = 0; i < VISIBLE; i++) {
                energy -= hj * weights[j * VISIBLE + i] * visibleStates[v * VISIBLE + i];
            }
        }
        return energy;
    }

    private static double[] flatten(Rbm rbm) {
        double[] flat = new double[HIDDEN * VISIBLE + VISIBLE + HIDDEN];
        int index = 0;
        for (NDArray parameter : rbm.parameters()) {
            for (float value : parameter.getGradient().toFloatArray()) {
                flat[index++] = value;
            }
        }
        return flat;
    }

    private static float[] gaussian(SplittableRandom random, int length, double std) {
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = (float) (std * random.nextGaussian());
        }
        return values;
    }
}
