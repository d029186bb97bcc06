package org.ganbench.core.optim;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GradientBufferMomentumSgdTest {

    /** Learning rates and momenta of the steps, changing every step as the GAN's schedules do. */
    private static final double[] LEARNING_RATES = {0.1, 0.08, 0.05, 0.05, 0.02};
    private static final double[] MOMENTA = {0.5, 0.5, 0.6, 0.7, 0.7};

    /** A weight, a bias and fixed inputs x. The loss sum(tanh(x w + b)^2) has a gradient that depends on w. */
    private static final class Problem implements AutoCloseable {

        final NDManager manager = NDManager.newBaseManager();
        final NDArray weight;
        final NDArray bias;
        final NDArray inputs;

        Problem() {
            weight = manager.create(values(12, 1), new Shape(3, 4));
            bias = manager.create(values(4, 2), new Shape(4));
            inputs = manager.create(values(15, 3), new Shape(5, 3));
            weight.setRequiresGradient(true);
            bias.setRequiresGradient(true);
        }

        List<NDArray> parameters() {
            return List.of(weight, bias);
        }

        /** Runs one backward pass of {@code scale * loss}. */
        void backward(double scale) {
            try (NDManager scope = manager.newSubManager();
                    GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray x = inputs.duplicate();
                x.attach(scope);
                NDArray output = x.matMul(weight).add(bias).tanh();
                collector.backward(output.mul(output).sum().mul((float) scale));
            }
        }

        @Override
        public void close() {
            manager.close();
        }

        private static float[] values(int count, long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            float[] values = new float[count];
            for (int i = 0; i < count; i++) {
                values[i] = (float) (2 * random.nextDouble() - 1);
            }
            return values;
        }
    }

    private static void stepReference(Problem problem, MomentumSgd reference, int step) {
        problem.backward(1.0);
        reference.step(LEARNING_RATES[step], MOMENTA[step]);
    }

    private static void stepBuffered(Problem problem, GradientBufferMomentumSgd optimizer, int step) {
        optimizer.beginStep(MOMENTA[step]);
        problem.backward(LEARNING_RATES[step]);
        optimizer.finishStep();
    }

    private static void assertClose(float[] expected, float[] actual, String label) {
        assertEquals(expected.length, actual.length, label + " length");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-6 * Math.max(1, Math.abs(expected[i])), label + " value " + i);
        }
    }

    @Test
    void updatesMatchMomentumSgd() {
        try (Problem referenceProblem = new Problem();
                Problem bufferedProblem = new Problem();
                MomentumSgd reference = new MomentumSgd(referenceProblem.parameters())) {
            GradientBufferMomentumSgd buffered = new GradientBufferMomentumSgd(bufferedProblem.parameters());

            for (int step = 0; step < LEARNING_RATES.length; step++) {
                stepReference(referenceProblem, reference, step);
                stepBuffered(bufferedProblem, buffered, step);
            }

            assertClose(referenceProblem.weight.toFloatArray(), bufferedProblem.weight.toFloatArray(), "weight");
            assertClose(referenceProblem.bias.toFloatArray(), bufferedProblem.bias.toFloatArray(), "bias");
            for (int i = 0; i < 2; i++) {
                assertClose(reference.velocityValues().get(i), buffered.velocityValues().get(i), "velocity " + i);
            }
        }
    }

    @Test
    void parametersMove() {
        try (Problem problem = new Problem()) {
            float[] before = problem.weight.toFloatArray();
            GradientBufferMomentumSgd optimizer = new GradientBufferMomentumSgd(problem.parameters());

            stepBuffered(problem, optimizer, 0);

            assertTrue(!java.util.Arrays.equals(before, problem.weight.toFloatArray()), "the weight did not change");
        }
    }

    @Test
    void velocitiesStartAtZero() {
        try (Problem problem = new Problem()) {
            GradientBufferMomentumSgd optimizer = new GradientBufferMomentumSgd(problem.parameters());

            assertArrayEquals(new float[12], optimizer.velocityValues().get(0));
            assertArrayEquals(new float[4], optimizer.velocityValues().get(1));
        }
    }

    @Test
    void loadedVelocitiesContinueTheRun() {
        try (Problem uninterrupted = new Problem(); Problem resumed = new Problem()) {
            GradientBufferMomentumSgd first = new GradientBufferMomentumSgd(uninterrupted.parameters());
            for (int step = 0; step < 3; step++) {
                stepBuffered(uninterrupted, first, step);
            }
            resumed.weight.set(uninterrupted.weight.toFloatArray());
            resumed.bias.set(uninterrupted.bias.toFloatArray());

            // Loaded before any backward pass, as a restored checkpoint is.
            GradientBufferMomentumSgd second = new GradientBufferMomentumSgd(resumed.parameters());
            second.loadVelocityValues(first.velocityValues());
            for (int step = 3; step < LEARNING_RATES.length; step++) {
                stepBuffered(uninterrupted, first, step);
                stepBuffered(resumed, second, step);
            }

            assertArrayEquals(uninterrupted.weight.toFloatArray(), resumed.weight.toFloatArray());
            assertArrayEquals(uninterrupted.bias.toFloatArray(), resumed.bias.toFloatArray());
        }
    }

    @Test
    void loadedVelocitiesSurviveGarbageCollection() throws InterruptedException {
        try (Problem problem = new Problem()) {
            GradientBufferMomentumSgd optimizer = new GradientBufferMomentumSgd(problem.parameters());
            float[] weightVelocity = new float[12];
            java.util.Arrays.fill(weightVelocity, 0.25f);

            optimizer.loadVelocityValues(List.of(weightVelocity, new float[4]));
            // Freed Java buffers are reused quickly, so values that still lived in one would change here.
            for (int round = 0; round < 5; round++) {
                System.gc();
                Thread.sleep(20);
                for (int i = 0; i < 100; i++) {
                    java.nio.ByteBuffer.allocateDirect(48).putFloat(0, -1f);
                }
            }

            assertArrayEquals(weightVelocity, optimizer.velocityValues().get(0));
        }
    }

    @Test
    void wrongVelocityCountRejected() {
        try (Problem problem = new Problem()) {
            GradientBufferMomentumSgd optimizer = new GradientBufferMomentumSgd(problem.parameters());

            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> optimizer.loadVelocityValues(List.of(new float[12])));
            assertTrue(error.getMessage().contains("Expected 2 velocity arrays, got 1"), error.getMessage());
        }
    }

    @Test
    void wrongVelocitySizeRejected() {
        try (Problem problem = new Problem()) {
            GradientBufferMomentumSgd optimizer = new GradientBufferMomentumSgd(problem.parameters());

            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> optimizer.loadVelocityValues(List.of(new float[12], new float[5])));
            assertTrue(error.getMessage().contains("Velocity 1 needs 4 values, got 5"), error.getMessage());
        }
    }

    @Test
    void noParametersRejected() {
        assertThrows(IllegalArgumentException.class, () -> new GradientBufferMomentumSgd(List.of()));
    }
}
