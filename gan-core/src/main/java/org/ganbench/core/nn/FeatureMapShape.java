package org.ganbench.core.nn;

import ai.djl.ndarray.types.Shape;

/**
 * Shape of one example's feature maps, (channels, height, width): how a convolutional layer
 * interprets the flat row it reads or writes. Rows are channel-planar, so the value of channel c
 * at (y, x) sits at index c * height * width + y * width + x. This is PyTorch's NCHW layout for
 * one example and the layout of the CIFAR-10 binary files.
 *
 * @param channels number of feature maps, at least 1
 * @param height rows of each map, at least 1
 * @param width columns of each map, at least 1
 */
public record FeatureMapShape(int channels, int height, int width) {

    /**
     * Validates that every side is positive and that a flat row fits in an int.
     *
     * @throws IllegalArgumentException if a side is below 1 or the product exceeds Integer.MAX_VALUE
     */
    public FeatureMapShape {
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("Feature maps need at least 1 channel, row and column, got "
                    + channels + " x " + height + " x " + width);
        }
        if ((long) channels * height * width > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("Feature maps " + channels + " x " + height + " x " + width
                    + " have more values than a flat row can index; use fewer channels or smaller maps");
        }
    }

    /** Returns the number of values in one flat row, channels * height * width. */
    public int size() {
        return channels * height * width;
    }

    /**
     * Returns the NCHW shape of a minibatch of these maps.
     *
     * @param batch number of examples
     * @return (batch, channels, height, width)
     */
    public Shape batchShape(long batch) {
        return new Shape(batch, channels, height, width);
    }

    @Override
    public String toString() {
        return channels + " x " + height + " x " + width;
    }
}
