package org.ganbench.core.nn;

/**
 * Max pooling over square windows without padding, in ceil mode: a last, partial window is kept
 * when the windows do not tile the map exactly. cuda-convnet's pooling, which pylearn2's
 * {@code MaxoutConvC01B} layers of the CIFAR-10 GAN used, counts windows the same way
 * (33 positions pooled 4 by 4 with stride 2 give 16), and so does PyTorch's max_pool2d with
 * ceil_mode=True while the stride is at most the window size.
 *
 * @param size window side, at least 1
 * @param stride step between windows, in [1, size]
 */
public record MaxPooling(int size, int stride) {

    /**
     * Validates the window and stride.
     *
     * @throws IllegalArgumentException if the size is below 1 or the stride is outside [1, size]
     */
    public MaxPooling {
        if (size < 1) {
            throw new IllegalArgumentException("Pooling window size must be at least 1, got " + size);
        }
        if (stride < 1 || stride > size) {
            throw new IllegalArgumentException("Pooling stride must be in [1, " + size
                    + "] so that windows cover every position, got " + stride);
        }
    }

    /**
     * Number of windows along an axis: ceil((input - size) / stride) + 1.
     *
     * @param inputSide positions along the axis, at least the window size
     * @return windows along the axis
     * @throws IllegalArgumentException if the input is smaller than one window
     */
    public int outputSide(int inputSide) {
        if (inputSide < size) {
            throw new IllegalArgumentException("Pooling window of side " + size + " does not fit maps of side "
                    + inputSide + "; use a smaller window or larger maps");
        }
        return Math.floorDiv(inputSide - size + stride - 1, stride) + 1;
    }
}
