package org.ganbench.models.dbn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.Arrays;

/**
 * Exact quantities of an RBM small enough to enumerate every visible state: the log partition
 * function, the mean log-likelihood of data and its exact gradient.
 */
final class RbmEnumeration {

    private RbmEnumeration() {
    }

    /** Lists every binary vector of the given length, one per row, as a (2^units, units) array. */
    static float[] allStates(int units) {
        int count = 1 << units;
        float[] states = new float[count * units];
        for (int state = 0; state < count; state++) {
            for (int unit = 0; unit < units; unit++) {
                states[state * units + unit] = (state >> unit) & 1;
            }
        }
        return states;
    }

    /** Computes log Z = log sum_v exp(-F(v)) in double precision from the RBM's free energies. */
    static double logPartition(Rbm rbm, NDManager manager) {
        double[] negativeEnergies = negate(freeEnergies(rbm, allStates(rbm.visibleUnits()), manager));
        return logSumExp(negativeEnergies);
    }

    /** Computes the mean over the rows of log p(v) = -F(v) - log Z. */
    static double meanLogLikelihood(Rbm rbm, float[] data, NDManager manager) {
        double[] energies = freeEnergies(rbm, data, manager);
        double sum = 0;
        for (double energy : energies) {
            sum -= energy;
        }
        return sum / energies.length - logPartition(rbm, manager);
    }

    /**
     * Computes the exact gradient of the mean negative log-likelihood, -(E_data[s] - E_model[s]) for the
     * sufficient statistics s = (p(h | v) v^T, v, p(h | v)), with the model expectation summed
     * over every visible state weighted by p(v).
     *
     * @return W's gradient (hidden x visible, row-major), then b's, then c's, in one array
     */
    static double[] negativeLogLikelihoodGradient(Rbm rbm, float[] data, NDManager manager) {
        int visibleUnits = rbm.visibleUnits();
        float[] states = allStates(visibleUnits);
        double[] weights = negate(freeEnergies(rbm, states, manager));
        double logZ = logSumExp(weights);
        for (int i = 0; i < weights.length; i++) {
            weights[i] = Math.exp(weights[i] - logZ);
        }

        int dataRows = data.length / visibleUnits;
        double[] uniform = new double[dataRows];
        Arrays.fill(uniform, 1.0 / dataRows);

        double[] dataStatistics = expectedStatistics(rbm, data, uniform, manager);
        double[] modelStatistics = expectedStatistics(rbm, states, weights, manager);
        double[] gradient = new double[dataStatistics.length];
        for (int i = 0; i < gradient.length; i++) {
            gradient[i] = -(dataStatistics[i] - modelStatistics[i]);
        }
        return gradient;
    }

    /** Sums p(h | v) v^T, v and p(h | v) over the weighted rows, flattened as W, b, c. */
    private static double[] expectedStatistics(Rbm rbm, float[] rows, double[] rowWeights, NDManager manager) {
        int visibleUnits = rbm.visibleUnits();
        int hiddenUnits = rbm.hiddenUnits();
        float[] hidden;
        try (NDManager scope = manager.newSubManager()) {
            NDArray visible = scope.create(rows, new Shape(rows.length / visibleUnits, visibleUnits));
            hidden = rbm.hiddenProbabilities(visible).toFloatArray();
        }

        double[] statistics = new double[hiddenUnits * visibleUnits + visibleUnits + hiddenUnits];
        int visibleOffset = hiddenUnits * visibleUnits;
        int hiddenOffset = visibleOffset + visibleUnits;
        for (int row = 0; row < rowWeights.length; row++) {
            double weight = rowWeights[row];
            for (int j = 0; j < hiddenUnits; j++) {
                double h = hidden[row * hiddenUnits + j];
                statistics[hiddenOffset + j] += weight * h;
                for (int i = 0; i < visibleUnits; i++) {
                    statistics[j * visibleUnits + i] += weight * h * rows[row * visibleUnits + i];
                }
            }
            for (int i = 0; i < visibleUnits; i++) {
                statistics[visibleOffset + i] += weight * rows[row * visibleUnits + i];
            }
        }
        return statistics;
    }

    private static double[] freeEnergies(Rbm rbm, float[] rows, NDManager manager) {
        try (NDManager scope = manager.newSubManager()) {
            NDArray visible = scope.create(rows, new Shape(rows.length / rbm.visibleUnits(), rbm.visibleUnits()));
            float[] energies = rbm.freeEnergy(visible).toFloatArray();
            double[] result = new double[energies.length];
            for (int i = 0; i < energies.length; i++) {
                result[i] = energies[i];
            }
            return result;
        }
    }

    private static double[] negate(double[] values) {
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = -values[i];
        }
        return result;
    }

    private static double logSumExp(double[] values) {
        double max = Double.NEGATIVE_INFINITY;
        for (double value : values) {
            max = Math.max(max, value);
        }
        double sum = 0;
        for (double value : values) {
            sum += Math.exp(value - max);
        }
        return max + Math.log(sum);
    }
}
