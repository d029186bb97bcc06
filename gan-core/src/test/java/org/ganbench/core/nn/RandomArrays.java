package org.ganbench.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.SplittableRandom;

/** Seeded test arrays, drawn in Java so they do not depend on the engine's random stream. */
final class RandomArrays {

    private RandomArrays() {
    }

    /** Values uniform in [-1, 1). */
    static NDArray uniform(NDManager manager, long seed, long... shape) {
        SplittableRandom random = new SplittableRandom(seed);
        Shape arrayShape = new Shape(shape);
        float[] values = new float[Math.toIntExact(arrayShape.size())];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (2 * random.nextDouble() - 1);
        }
        return manager.create(values, arrayShape);
    }

    /** Inner product accumulated in double, so float32 rounding of the sum does not add to a test's error. */
    static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }

    /** Number of entries that are not exactly zero. */
    static int nonZero(float[] values) {
        int count = 0;
        for (float value : values) {
            if (value != 0f) {
                count++;
            }
        }
        return count;
    }
}
