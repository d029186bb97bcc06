package org.ganbench.models.cae;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContractiveChainTest {

    private static final int PIXELS = 5;
    private static final int MIDDLE = 4;
    private static final int TOP = 3;

    private static double[] uniform(int size, double range, SplittableRandom random) {
        double[] values = new double[size];
        for (int i = 0; i < size; i++) {
            values[i] = (2 * random.nextDouble() - 1) * range;
        }
        return values;
    }

    /** Two layers, 5 -> 4 -> 3, in double precision. */
    private static List<ContractiveAutoencoder> tinyStack(NDManager manager, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        ContractiveAutoencoder bottom = new ContractiveAutoencoder(
                manager.create(uniform(MIDDLE * PIXELS, 1.5, random), new Shape(MIDDLE, PIXELS)),
                manager.create(uniform(MIDDLE, 0.5, random)), manager.create(uniform(PIXELS, 0.5, random)));
        ContractiveAutoencoder top = new ContractiveAutoencoder(
                manager.create(uniform(TOP * MIDDLE, 1.5, random), new Shape(TOP, MIDDLE)),
                manager.create(uniform(TOP, 0.5, random)), manager.create(uniform(MIDDLE, 0.5, random)));
        return List.of(bottom, top);
    }

    private static NDArray encodeAll(List<ContractiveAutoencoder> layers, NDArray x) {
        NDArray code = x;
        for (ContractiveAutoencoder layer : layers) {
            code = layer.encode(code);
        }
        return code;
    }

    @Test
    void gramProductMatchesFiniteDifferenceJacobian() {
        double step = 1e-6;
        try (NDManager manager = NDManager.newBaseManager()) {
            List<ContractiveAutoencoder> layers = tinyStack(manager, 1);
            double[] point = uniform(PIXELS, 1, new SplittableRandom(2));
            double[] vector = uniform(TOP, 1, new SplittableRandom(3));
            NDArray x = manager.create(point, new Shape(1, PIXELS));

            // J[j][i] = d h_top_j / d x_i of the composed encoder, by central differences.
            double[][] jacobian = new double[TOP][PIXELS];
            for (int i = 0; i < PIXELS; i++) {
                double[] shift = new double[PIXELS];
                shift[i] = step;
                NDArray delta = manager.create(shift, new Shape(1, PIXELS));
                double[] up = encodeAll(layers, x.add(delta)).toDoubleArray();
                double[] down = encodeAll(layers, x.sub(delta)).toDoubleArray();
                for (int j = 0; j < TOP; j++) {
                    jacobian[j][i] = (up[j] - down[j]) / (2 * step);
                }
            }
            double[] expected = new double[TOP];
            for (int j = 0; j < TOP; j++) {
                for (int k = 0; k < TOP; k++) {
                    double gram = 0;
                    for (int i = 0; i < PIXELS; i++) {
                        gram += jacobian[j][i] * jacobian[k][i];
                    }
                    expected[j] += gram * vector[k];
                }
            }

            NDArray middle = layers.get(0).encode(x);
            NDArray topCode = layers.get(1).encode(middle);
            List<NDArray> slopes = List.of(middle.mul(middle.neg().add(1)), topCode.mul(topCode.neg().add(1)));
            ContractiveChain chain = new ContractiveChain(layers, 1.0);
            double[] actual = chain.jacobianGramProduct(slopes, manager.create(vector, new Shape(1, TOP)))
                    .toDoubleArray();

            assertArrayEquals(expected, actual, 1e-7);
        }
    }

    @Test
    void noiselessStepReconstructs() {
        try (NDManager manager = NDManager.newBaseManager()) {
            SplittableRandom random = new SplittableRandom(4);
            List<ContractiveAutoencoder> layers = List.of(
                    ContractiveAutoencoder.initialize(manager, PIXELS, MIDDLE, random),
                    ContractiveAutoencoder.initialize(manager, MIDDLE, TOP, random));
            NDArray x = manager.create(SyntheticImages.prototypes(3, PIXELS, 2, 5), new Shape(3, PIXELS));
            Engine.getInstance().setRandomSeed(1);

            float[] stepped = new ContractiveChain(layers, 0).step(x).toFloatArray();
            float[] reconstructed = layers.get(0).decode(layers.get(1).decode(encodeAll(layers, x))).toFloatArray();

            assertArrayEquals(reconstructed, stepped, 1e-6f);
        }
    }

    @Test
    void noisyStepMovesAwayFromReconstruction() {
        try (NDManager manager = NDManager.newBaseManager()) {
            SplittableRandom random = new SplittableRandom(6);
            List<ContractiveAutoencoder> layers = List.of(
                    ContractiveAutoencoder.initialize(manager, PIXELS, MIDDLE, random),
                    ContractiveAutoencoder.initialize(manager, MIDDLE, TOP, random));
            NDArray x = manager.create(SyntheticImages.prototypes(3, PIXELS, 2, 7), new Shape(3, PIXELS));
            Engine.getInstance().setRandomSeed(1);

            NDArray noiseless = new ContractiveChain(layers, 0).step(x);
            NDArray noisy = new ContractiveChain(layers, 1).step(x);
            double distance = noisy.sub(noiseless).abs().sum().getFloat();

            assertEquals(new Shape(3, PIXELS), noisy.getShape());
            assertTrue(distance > 1e-4, "noisy step moved only " + distance);
        }
    }
}
