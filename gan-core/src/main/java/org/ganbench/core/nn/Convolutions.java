package org.ganbench.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/** The 2-D convolution and transposed convolution shared by the convolutional layers. */
final class Convolutions {

    private Convolutions() {
    }

    /**
     * Returns a parameter as the computation should see it.
     *
     * @param detach if true, a view that shares storage but records no gradient, attached to the
     *     input's manager so it is freed with the minibatch rather than with the model
     */
    static NDArray parameter(NDArray parameter, NDArray input, boolean detach) {
        if (!detach) {
            return parameter;
        }
        NDArray view = parameter.stopGradient();
        view.attach(input.getManager());
        return view;
    }

    /**
     * Moves an array computed from a parameter, such as a reshaped or flipped view, to the input's
     * manager. DJL's PyTorch engine puts the result of an NDArray method in that array's manager,
     * which for a parameter is the model's, so without this every forward pass would leave a
     * handle there until the model is closed.
     */
    static NDArray inScopeOf(NDArray derived, NDArray input) {
        derived.attach(input.getManager());
        return derived;
    }

    /**
     * Computes the cross-correlation that PyTorch calls conv2d, with square kernels and the same
     * stride and zero padding along both axes.
     *
     * @param maps (batch, inChannels, height, width)
     * @param weight (outChannels, inChannels, kernel, kernel)
     * @param bias (outChannels), shared across positions, or null for none
     */
    static NDArray convolve(NDArray maps, NDArray weight, NDArray bias, int stride, int padding) {
        return maps.getNDArrayInternal()
                .convolution(maps, weight, bias, new Shape(stride, stride), new Shape(padding, padding),
                        new Shape(1, 1), 1)
                .singletonOrThrow();
    }

    /**
     * Computes the transposed convolution (PyTorch's conv_transpose2d without output padding): the
     * adjoint of {@link #convolve} with the same weight, stride and padding.
     *
     * <p>DJL 0.36.0's PyTorch engine throws UnsupportedOperationException from
     * {@code NDArrayEx.deconvolution}, so this uses the textbook identity: insert stride - 1
     * zeros between neighbouring input values, pad by kernel - 1 - padding, and convolve with
     * stride 1 with the kernel flipped in both spatial axes and its two channel axes swapped.
     * Every step is differentiable, so autograd reaches both the input and the weight.
     *
     * @param maps (batch, inChannels, height, width)
     * @param weight (inChannels, outChannels, kernel, kernel), PyTorch's conv_transpose2d layout,
     *     which is the conv2d weight of the convolution this operation is the adjoint of
     * @param padding in [0, kernel - 1]
     * @return (batch, outChannels, stride * (height - 1) - 2 * padding + kernel, likewise for width)
     */
    static NDArray transposedConvolve(NDArray maps, NDArray weight, int stride, int padding) {
        int kernel = (int) weight.getShape().get(2);
        NDArray dilated = insertZeros(maps, stride);
        NDArray swappedKernel = inScopeOf(weight.transpose(1, 0, 2, 3), maps);
        NDArray flippedKernel = swappedKernel.flip(2, 3);
        return convolve(dilated, flippedKernel, null, 1, kernel - 1 - padding);
    }

    /**
     * Spreads the input out so that neighbouring values sit {@code stride} apart with zeros between.
     *
     * @return (batch, channels, stride * (height - 1) + 1, stride * (width - 1) + 1)
     */
    private static NDArray insertZeros(NDArray maps, int stride) {
        if (stride == 1) {
            return maps;
        }
        Shape shape = maps.getShape();
        long batch = shape.get(0);
        long channels = shape.get(1);
        long height = shape.get(2);
        long width = shape.get(3);

        // Broadcasting against a one-hot (stride x stride) block places each value in the top-left
        // corner of its own block. A multiplication keeps the autograd graph, which a scatter would not.
        float[] corner = new float[stride * stride];
        corner[0] = 1f;
        NDArray block = maps.getManager().create(corner, new Shape(1, 1, 1, stride, 1, stride));
        NDArray spread = maps.reshape(batch, channels, height, 1, width, 1).mul(block)
                .reshape(batch, channels, height * stride, width * stride);

        // The last row and column of blocks end in stride - 1 zeros that the output must not see.
        return spread.get(new NDIndex(":, :, :{}, :{}", stride * (height - 1) + 1, stride * (width - 1) + 1));
    }

    /**
     * Number of positions a kernel visits along one axis: floor((input + 2 padding - kernel) / stride) + 1.
     *
     * @throws IllegalArgumentException if the padded input is smaller than the kernel
     */
    static int convolutionOutputSide(int inputSide, int kernel, int stride, int padding) {
        int padded = inputSide + 2 * padding;
        if (padded < kernel) {
            throw new IllegalArgumentException("Kernel of side " + kernel + " does not fit an input of side "
                    + inputSide + " with padding " + padding + "; use a smaller kernel or more padding");
        }
        return (padded - kernel) / stride + 1;
    }

    /** Output side of the transposed convolution: stride * (input - 1) - 2 padding + kernel. */
    static int transposedOutputSide(int inputSide, int kernel, int stride, int padding) {
        return stride * (inputSide - 1) - 2 * padding + kernel;
    }

    /** Reads a square kernel's side from a 4-D weight whose last two axes are the kernel. */
    static int squareKernel(NDArray weight, String layerName) {
        Shape shape = weight.getShape();
        if (shape.dimension() != 4 || shape.get(2) != shape.get(3)) {
            throw new IllegalArgumentException(layerName + " needs a 4-D weight with a square kernel in its last two axes, got "
                    + shape);
        }
        return (int) shape.get(2);
    }

    static void requireStrideAndPadding(int stride, int padding, String layerName) {
        if (stride < 1) {
            throw new IllegalArgumentException(layerName + " stride must be at least 1, got " + stride);
        }
        if (padding < 0) {
            throw new IllegalArgumentException(layerName + " padding must be non-negative, got " + padding);
        }
    }
}
