package org.ganbench.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Multiplication by a constant that stays valid until autograd's backward pass.
 *
 * <p>DJL 0.36.0's PyTorch engine computes {@code array.mul(Number)} by wrapping the number in a
 * one-element array whose memory is a Java direct buffer, and closes that array as soon as the
 * product returns. PyTorch's autograd keeps the factor for the backward pass, because the
 * derivative of c a with respect to a is c, but the buffer is freed at the next garbage
 * collection. When a collection falls between the forward and the backward pass, the backward
 * pass reads freed memory and the gradient is silently wrong or NaN. A factor that PyTorch
 * allocates itself is reference-counted by autograd and survives the Java handle's close.
 * Outside autograd, {@link #of} also spares the direct buffer that each such call allocates and
 * only the garbage collector frees.
 */
public final class ConstantFactor {

    private ConstantFactor() {
    }

    /**
     * Multiplies an array by a constant, safely inside a gradient collector.
     *
     * @param array any array, for example a loss that a backward pass will differentiate
     * @param factor the constant
     * @return {@code factor * array}, a new array in the array's manager
     */
    public static NDArray times(NDArray array, double factor) {
        try (NDArray constant = array.getManager().full(new Shape(), (float) factor, array.getDataType())) {
            return array.mul(constant);
        }
    }

    /**
     * Creates a float32 scalar that PyTorch allocates, to pass where DJL would take a Number.
     *
     * @param manager owner of the new array
     * @param value the scalar
     * @return a 0-dimensional float32 array
     */
    public static NDArray of(NDManager manager, double value) {
        return manager.full(new Shape(), (float) value);
    }
}
