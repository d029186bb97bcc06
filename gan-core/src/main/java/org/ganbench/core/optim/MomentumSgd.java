package org.ganbench.core.optim;

import ai.djl.ndarray.NDArray;

import java.util.ArrayList;
import java.util.List;

/**
 * Stochastic gradient descent with classical momentum in pylearn2's form:
 * v = momentum * v - lr * g, then w = w + v.
 *
 * <p>The update runs in place on the parameters, their velocities and their gradient buffers,
 * so one step allocates no native memory. Gradients are zeroed after use because PyTorch
 * accumulates them across backward passes.
 */
public final class MomentumSgd implements AutoCloseable {

    private final List<NDArray> parameters;
    private final List<NDArray> velocities;

    /**
     * Creates zero velocities beside each parameter.
     *
     * @param parameters arrays updated in place; each must have gradients attached
     */
    public MomentumSgd(List<NDArray> parameters) {
        this.parameters = List.copyOf(parameters);
        this.velocities = new ArrayList<>(parameters.size());
        for (NDArray parameter : parameters) {
            velocities.add(parameter.zerosLike());
        }
    }

    /**
     * Applies one update from the gradients the last backward pass accumulated, then zeroes them.
     *
     * @param learningRate step size
     * @param momentum velocity decay in [0, 1)
     */
    public void step(double learningRate, double momentum) {
        for (int i = 0; i < parameters.size(); i++) {
            NDArray parameter = parameters.get(i);
            try (NDArray gradient = parameter.getGradient()) {
                NDArray velocity = velocities.get(i);
                velocity.muli((float) momentum).subi(gradient.muli((float) learningRate));
                parameter.addi(velocity);
                gradient.subi(gradient);
            }
        }
    }

    /**
     * Discards accumulated gradients without updating, e.g. the discriminator gradients that the
     * generator's backward pass leaves behind.
     */
    public void zeroGradients() {
        for (NDArray parameter : parameters) {
            try (NDArray gradient = parameter.getGradient()) {
                gradient.subi(gradient);
            }
        }
    }

    /** Copies of the velocity buffers, in parameter order, for a checkpoint. */
    public List<float[]> velocityValues() {
        List<float[]> values = new ArrayList<>(velocities.size());
        for (NDArray velocity : velocities) {
            values.add(velocity.toFloatArray());
        }
        return values;
    }

    /**
     * Overwrites the velocity buffers, e.g. from a checkpoint.
     *
     * @param values one array per parameter, in parameter order, each of the parameter's size
     */
    public void loadVelocityValues(List<float[]> values) {
        if (values.size() != velocities.size()) {
            throw new IllegalArgumentException("Expected " + velocities.size() + " velocity arrays, got " + values.size());
        }
        for (int i = 0; i < values.size(); i++) {
            NDArray velocity = velocities.get(i);
            if (values.get(i).length != velocity.size()) {
                throw new IllegalArgumentException("Velocity " + i + " needs " + velocity.size()
                        + " values, got " + values.get(i).length);
            }
            velocity.set(values.get(i));
        }
    }

    @Override
    public void close() {
        velocities.forEach(NDArray::close);
    }
}
