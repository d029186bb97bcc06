package org.ganbench.models.cae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContractiveAutoencoderTest {

    private static final int VISIBLE = 5;
    private static final int HIDDEN = 3;
    private static final int EXAMPLES = 4;

    /** Builds a layer in double precision, so that finite differences are accurate. */
    private static ContractiveAutoencoder tinyLayer(NDManager manager, double[] weight, double[] hiddenBias) {
        return new ContractiveAutoencoder(manager.create(weight, new Shape(HIDDEN, VISIBLE)),
                manager.create(hiddenBias), manager.create(new double[VISIBLE]));
    }

    private static double[] uniform(int size, double range, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[size];
        for (int i = 0; i < size; i++) {
            values[i] = (2 * random.nextDouble() - 1) * range;
        }
        return values;
    }

    private static double sigmoid(double a) {
        return 1 / (1 + Math.exp(-a));
    }

    @Test
    void penaltyMatchesClosedForm() {
        double[] weight = uniform(HIDDEN * VISIBLE, 1.5, 1);
        double[] hiddenBias = uniform(HIDDEN, 0.5, 2);
        double[] inputs = uniform(EXAMPLES * VISIBLE, 1, 3);

        try (NDManager manager = NDManager.newBaseManager()) {
            ContractiveAutoencoder layer = tinyLayer(manager, weight, hiddenBias);
            NDArray code = layer.encode(manager.create(inputs, new Shape(EXAMPLES, VISIBLE)));
            double[] penalties = layer.jacobianPenalty(code).toDoubleArray();

            for (int n = 0; n < EXAMPLES; n++) {
                // sum_j (h_j (1 - h_j))^2 sum_i W_ji^2, written out in double precision
                double expected = 0;
                for (int j = 0; j < HIDDEN; j++) {
                    double preActivation = hiddenBias[j];
                    double rowNorm = 0;
                    for (int i = 0; i < VISIBLE; i++) {
                        preActivation += weight[j * VISIBLE + i] * inputs[n * VISIBLE + i];
                        rowNorm += weight[j * VISIBLE + i] * weight[j * VISIBLE + i];
                    }
                    double h = sigmoid(preActivation);
                    expected += Math.pow(h * (1 - h), 2) * rowNorm;
                }
                assertEquals(expected, penalties[n], 1e-12, "example " + n);
            }
        }
    }

    @Test
    void penaltyMatchesFiniteDifferenceJacobian() {
        double[] weight = uniform(HIDDEN * VISIBLE, 1.5, 4);
        double[] hiddenBias = uniform(HIDDEN, 0.5, 5);
        double[] inputs = uniform(EXAMPLES * VISIBLE, 1, 6);
        double step = 1e-5;

        try (NDManager manager = NDManager.newBaseManager()) {
            ContractiveAutoencoder layer = tinyLayer(manager, weight, hiddenBias);
            NDArray x = manager.create(inputs, new Shape(EXAMPLES, VISIBLE));
            double[] penalties = layer.jacobianPenalty(layer.encode(x)).toDoubleArray();

            double[] frobenius = new double[EXAMPLES];
            for (int i = 0; i < VISIBLE; i++) {
                double[] shift = new double[EXAMPLES * VISIBLE];
                for (int n = 0; n < EXAMPLES; n++) {
                    shift[n * VISIBLE + i] = step;
                }
                NDArray delta = manager.create(shift, new Shape(EXAMPLES, VISIBLE));
                double[] up = layer.encode(x.add(delta)).toDoubleArray();
                double[] down = layer.encode(x.sub(delta)).toDoubleArray();
                for (int n = 0; n < EXAMPLES; n++) {
                    for (int j = 0; j < HIDDEN; j++) {
                        double derivative = (up[n * HIDDEN + j] - down[n * HIDDEN + j]) / (2 * step);
                        frobenius[n] += derivative * derivative;
                    }
                }
            }

            for (int n = 0; n < EXAMPLES; n++) {
                assertEquals(frobenius[n], penalties[n], 1e-8 * frobenius[n], "example " + n);
            }
        }
    }

    @Test
    void crossEntropyMatchesDefinition() {
        double[] weight = uniform(HIDDEN * VISIBLE, 1.5, 7);
        double[] targets = {0, 0.25, 0.5, 0.75, 1};

        try (NDManager manager = NDManager.newBaseManager()) {
            ContractiveAutoencoder layer = tinyLayer(manager, weight, new double[HIDDEN]);
            NDArray x = manager.create(targets, new Shape(1, VISIBLE));
            NDArray code = layer.encode(x);
            double[] reconstruction = layer.decode(code).toDoubleArray();
            double expected = 0;
            for (int i = 0; i < VISIBLE; i++) {
                expected -= targets[i] * Math.log(reconstruction[i]) + (1 - targets[i]) * Math.log(1 - reconstruction[i]);
            }

            assertEquals(expected, layer.reconstructionCrossEntropy(x, code).getDouble(0), 1e-10);
        }
    }

    @Test
    void initializeUsesSigmoidRange() {
        try (NDManager manager = NDManager.newBaseManager()) {
            ContractiveAutoencoder layer = ContractiveAutoencoder.initialize(manager, 30, 20, new SplittableRandom(1));
            float[] weights = layer.weight().toFloatArray();
            double range = 4 * Math.sqrt(6.0 / 50);
            double maxAbs = 0;
            for (float w : weights) {
                maxAbs = Math.max(maxAbs, Math.abs(w));
            }

            assertEquals(new Shape(20, 30), layer.weight().getShape());
            assertTrue(maxAbs <= range, "max |W| " + maxAbs + " exceeds " + range);
            assertTrue(maxAbs > 0.9 * range, "max |W| " + maxAbs + " is far below " + range);
        }
    }

    @Test
    void constructorRejectsMismatchedShapes() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray weight = manager.zeros(new Shape(HIDDEN, VISIBLE));
            NDArray wrongBias = manager.zeros(new Shape(VISIBLE));
            NDArray visibleBias = manager.zeros(new Shape(VISIBLE));

            assertThrows(IllegalArgumentException.class,
                    () -> new ContractiveAutoencoder(weight, wrongBias, visibleBias));
        }
    }
}
