package org.ganbench.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;

import java.util.ArrayList;
import java.util.List;

/**
 * The affine map x W^T + b shared by dense and maxout layers.
 *
 * <p>A minibatch of at least {@link #MIN_IMAGES} rows is multiplied as a 1 x 1 convolution: its rows
 * are split into {@code images} groups of {@code pixels} rows, each group one image of 1 x pixels
 * pixels whose channels are the row's values, and each row of W is one filter. The row-major
 * minibatch already is that stack of images in channels-last order, and the convolution's output,
 * channels-last too, already is the row-major result, so for a contiguous minibatch neither side is
 * copied. PyTorch runs such a convolution, forward and backward, on oneDNN, and a matrix product on
 * MKL. oneDNN reorders W into a blocked layout at every call, which the measurements below include.
 *
 * <p>Measured on a 2-core AMD EPYC (family 26) virtual machine, DJL 0.36.0 on PyTorch 2.7.1, one
 * thread (2026-12-05, 10:25 to 10:50 UTC, timing programs outside the repository): the forward
 * products of the MNIST pair ran at 158 to 190 GFLOP/s as convolutions and 103 to 107 as matrix
 * products. A training iteration of the paper's pair with every product a convolution, and
 * {@link org.ganbench.core.NativeHeap#keepFreedMemory()} in force, ran at 37 instead of 28
 * iterations per second. Computing only one layer's product on MKL brought the whole step back to
 * 28, so every minibatch that can takes the convolution.
 */
final class Affine {

    /**
     * Minimum images per convolution. For the Parzen window's tiles, one-thread convolutions of 8
     * images ran at less than half the rate of 16. NOTE: with more threads PyTorch may send fewer
     * images to oneDNN as well; this threshold was only measured with one thread.
     */
    static final int MIN_IMAGES = 16;

    private Affine() {
    }

    /**
     * Computes x W^T + b, as a convolution where {@link #pixelsPerImage} allows and as PyTorch's
     * {@code linear} otherwise. The caller's manager ends up holding only the result (and the
     * detached parameter views), as with {@code linear}.
     *
     * @param input (rows, in)
     * @param weight (out, in)
     * @param bias (out)
     * @param detachParameters if true, W and b enter as detached views that share storage but
     *     record no gradient; the views are attached to the input's manager so they are freed
     *     with the minibatch rather than with the model
     * @return (rows, out), row-major
     */
    static NDArray apply(NDArray input, NDArray weight, NDArray bias, boolean detachParameters) {
        NDArray w = weight;
        NDArray b = bias;
        if (detachParameters) {
            w = weight.stopGradient();
            b = bias.stopGradient();
            w.attach(input.getManager());
            b.attach(input.getManager());
        }

        long rows = input.getShape().get(0);
        int pixels = input.getShape().dimension() == 2 ? pixelsPerImage(rows) : 0;
        if (pixels == 0) {
            return input.getNDArrayInternal().linear(input, w, b).singletonOrThrow();
        }
        return asConvolution(input, w, b, pixels);
    }

    /**
     * Returns how many rows of a minibatch go into one image.
     *
     * @param rows minibatch size
     * @return the largest divisor p of rows with {@code rows / p >= MIN_IMAGES}, so that the
     *     images are as few and wide as rows allows (a prime gives one pixel per image); 0 if rows
     *     is below {@code MIN_IMAGES}
     */
    static int pixelsPerImage(long rows) {
        for (long pixels = rows / MIN_IMAGES; pixels >= 1; pixels--) {
            if (rows % pixels == 0) {
                return (int) pixels;
            }
        }
        return 0;
    }

    private static NDArray asConvolution(NDArray input, NDArray weight, NDArray bias, int pixels) {
        long rows = input.getShape().get(0);
        long in = input.getShape().get(1);
        long out = weight.getShape().get(0);

        // Every view and the raw output are closed here, so the caller's manager keeps only the result.
        // Autograd and the result hold their own references to the storage they need.
        List<NDArray> intermediates = new ArrayList<>();
        try {
            // (rows, in) -> (images, 1, pixels, in) is a view of a contiguous minibatch. Moving the
            // channels to axis 1 gives channels-last strides over the same memory.
            NDArray rowImages = closeLater(intermediates, input.reshape(rows / pixels, 1, pixels, in));
            NDArray images = closeLater(intermediates, rowImages.transpose(0, 3, 1, 2));
            NDArray filters = closeLater(intermediates, weight.reshape(new Shape(out, in, 1, 1)));
            NDArray output = closeLater(intermediates, Conv2d.conv2d(images, filters, bias).singletonOrThrow());

            // The output (images, out, 1, pixels) is channels-last, so this is again a view.
            NDArray outputRows = closeLater(intermediates, output.transpose(0, 2, 3, 1));
            return outputRows.reshape(rows, out);
        } finally {
            intermediates.forEach(NDArray::close);
        }
    }

    private static NDArray closeLater(List<NDArray> intermediates, NDArray array) {
        intermediates.add(array);
        return array;
    }
}
