package org.ganbench.core.optim;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import org.ganbench.core.nn.ConstantFactor;

import java.util.ArrayList;
import java.util.List;

/**
 * Stochastic gradient descent with classical momentum in pylearn2's form, v = m v - lr g and then
 * w = w + v, that keeps each velocity in its parameter's gradient buffer.
 *
 * <p>The buffer contains u = -v. {@link #beginStep} multiplies it by the momentum m. The caller's
 * backward pass of {@code lr * loss} then adds lr g to it, because PyTorch accumulates gradients
 * into an existing buffer. The buffer then contains m u + lr g = -(m v - lr g), the new -v, and
 * {@link #finishStep} subtracts it from the parameters. A step thus reads and writes the
 * parameters' size twice, besides the backward pass's own accumulation. {@link MomentumSgd} keeps
 * velocities apart and zeroes the gradients after each step, which takes five such passes. On the
 * MNIST GAN with one thread those five passes took 4 to 9 ms of a 38 to 42 ms step (DJL 0.36.0,
 * PyTorch 2.7.1, 2-core Intel Xeon virtual machine). Both classes compute the same update up to
 * float32 rounding.
 *
 * <p>Every backward pass that reaches these parameters adds to the velocity. Between
 * {@link #beginStep} and {@link #finishStep}, exactly one backward pass, of
 * {@code learningRate * loss} or of an equivalent target, must reach them, and every other backward
 * pass must leave them out, for example by detaching them from the other network's objective.
 */
public final class GradientBufferMomentumSgd {

    private final List<NDArray> parameters;

    /**
     * Creates each parameter's gradient buffer, filled with zeros, so every velocity starts at 0.
     *
     * <p>PyTorch creates a gradient buffer in the first backward pass that reaches its parameter. A
     * backward pass of a zero-weighted sum creates them all up front, so a checkpoint's velocities
     * can be loaded before the first step.
     *
     * @param parameters arrays updated in place, each with gradients attached
     * @throws IllegalArgumentException if {@code parameters} is empty
     */
    public GradientBufferMomentumSgd(List<NDArray> parameters) {
        if (parameters.isEmpty()) {
            throw new IllegalArgumentException("no parameters to optimise. Pass the network's parameter arrays");
        }
        this.parameters = List.copyOf(parameters);
        createGradientBuffers(this.parameters);
    }

    /**
     * Multiplies every velocity by the momentum. Call it before the backward pass of the step.
     *
     * @param momentum velocity decay in [0, 1)
     */
    public void beginStep(double momentum) {
        // One factor serves every parameter, where muli(Number) would allocate one per parameter.
        try (NDArray factor = ConstantFactor.of(parameters.get(0).getManager(), momentum)) {
            for (NDArray parameter : parameters) {
                try (NDArray negatedVelocity = parameter.getGradient()) {
                    negatedVelocity.muli(factor);
                }
            }
        }
    }

    /**
     * Scales a loss so that its backward pass adds {@code learningRate * g} to the buffers.
     *
     * @param loss scalar objective of this step
     * @param learningRate step size of this step
     * @return {@code learningRate * loss}, a new array in the loss's manager
     */
    public static NDArray scaleLoss(NDArray loss, double learningRate) {
        return ConstantFactor.times(loss, learningRate);
    }

    /** Adds the velocity to every parameter. Call it after the backward pass of the step. */
    public void finishStep() {
        for (NDArray parameter : parameters) {
            try (NDArray negatedVelocity = parameter.getGradient()) {
                parameter.subi(negatedVelocity);
            }
        }
    }

    /**
     * Copies the velocities, in parameter order, for a checkpoint.
     *
     * @return v of each parameter, as a new array
     */
    public List<float[]> velocityValues() {
        List<float[]> values = new ArrayList<>(parameters.size());
        for (NDArray parameter : parameters) {
            try (NDArray negatedVelocity = parameter.getGradient()) {
                values.add(negated(negatedVelocity.toFloatArray()));
            }
        }
        return values;
    }

    /**
     * Overwrites the velocities, for example from a checkpoint.
     *
     * @param values one array per parameter, in parameter order, each of the parameter's size
     * @throws IllegalArgumentException if the number of arrays or an array's size differs
     */
    public void loadVelocityValues(List<float[]> values) {
        if (values.size() != parameters.size()) {
            throw new IllegalArgumentException("Expected " + parameters.size() + " velocity arrays, got "
                    + values.size() + ". Load velocities saved for the same network");
        }
        for (int i = 0; i < values.size(); i++) {
            float[] velocity = values.get(i);
            NDArray parameter = parameters.get(i);
            if (velocity.length != parameter.size()) {
                throw new IllegalArgumentException("Velocity " + i + " needs " + parameter.size() + " values, got "
                        + velocity.length + ". Load velocities saved for the same network");
            }
            // NDArray.set would make the buffer share the memory of a Java buffer that the garbage
            // collector frees once this short-lived handle is closed, so the values are added instead.
            try (NDArray negatedVelocity = parameter.getGradient();
                    NDArray loaded = parameter.getManager().create(negated(velocity), parameter.getShape())) {
                JniUtils.zeroGrad((PtNDArray) parameter);
                negatedVelocity.addi(loaded);
            }
        }
    }

    /** Returns 0 - value for each value, so that a zero stays +0 rather than turning into -0. */
    private static float[] negated(float[] values) {
        float[] result = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = 0f - values[i];
        }
        return result;
    }

    private static void createGradientBuffers(List<NDArray> parameters) {
        try (NDManager scope = parameters.get(0).getManager().newSubManager();
                GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray total = scope.zeros(new Shape());
            for (NDArray parameter : parameters) {
                NDArray sum = parameter.sum();
                sum.attach(scope);
                total = total.add(sum);
            }
            collector.backward(ConstantFactor.times(total, 0));
        }
    }
}
