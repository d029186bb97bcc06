package org.ganbench.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;

/**
 * The Parzen window's matrix products, run as 1 x 1 convolutions.
 *
 * <p>A column tile of samples is stored as {@link #CHUNKS} images of {@code d + 1} channels and
 * {@code 1 x chunkWidth} pixels, one pixel per sample, and a block of points serves as the filters, one
 * per point. The convolution's output pixel (chunk c, point i, sample j) is the dot product of point
 * i with sample {@code c * chunkWidth + j}, the same number as the matrix product's entry. PyTorch
 * sends such a convolution to oneDNN and a matrix product to MKL.
 *
 * <p>The images are stored channels-last, each sample's d + 1 values side by side. Measured on a
 * 2-core AMD EPYC (family 26) virtual machine with one thread (DJL 0.36.0 on PyTorch 2.7.1,
 * 2026-12-05, 09:01 UTC): products of 1,024 points with 2,048 samples ran at 235 to 259 GFLOP/s from
 * channels-last images. From plain ones they ran at 136 to 181 GFLOP/s, and as a matrix product of
 * the same size at 113 GFLOP/s (08:33 UTC). The scores come out channels-last too, one row of points
 * per sample, and {@link VectorKernelSums} reads them in that order. Copying them into plain order
 * first cut the product's rate to 48 to 50 GFLOP/s (09:10 UTC).
 *
 * <p>With one thread, PyTorch passes a 1 x 1 convolution to oneDNN only if the input contains at least 16
 * images. In the channels-last measurement at 08:33 UTC, 8 chunks of 250 samples ran at 109 GFLOP/s
 * and 16 chunks of 125 at 257. Chunk widths are multiples of 16 floats, so the vector kernel of {@link VectorKernelSums} needs
 * no scalar tail. Columns past the tile's samples are zero padding, and {@link KernelSums} skips them.
 */
public final class TileProducts {

    /** Images per tile, the fewest for which PyTorch runs a one-thread 1 x 1 convolution on oneDNN. */
    public static final int CHUNKS = 16;

    /** Floats per vector register with AVX-512, so each chunk is a whole number of vectors. */
    private static final int ALIGNMENT = 16;

    private TileProducts() {
    }

    /**
     * Returns the pixels per chunk for a tile of {@code columns} samples.
     *
     * @param columns samples in the tile, at least 1
     * @return the smallest multiple of 16 with {@code CHUNKS * width >= columns}
     */
    public static int chunkWidth(int columns) {
        int perChunk = (columns + CHUNKS - 1) / CHUNKS;
        return (perChunk + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
    }

    /**
     * Returns the shape in which a tile of {@code columns} samples is stored: channels-last, so that
     * each sample's {@code d + 1} values lie side by side.
     *
     * @param width features per sample, including the augmented one
     * @param columns samples in the tile
     * @return {@code (CHUNKS, 1, chunkWidth(columns), width)}
     */
    public static Shape storageShape(int width, int columns) {
        return new Shape(CHUNKS, 1, chunkWidth(columns), width);
    }

    /**
     * Returns a stored tile as the images that {@link #scores} takes, without copying.
     *
     * @param stored a tile of {@link #storageShape}
     * @return a view of shape {@code (CHUNKS, width, 1, chunkWidth)} with channels-last strides
     */
    public static NDArray asImages(NDArray stored) {
        return stored.transpose(0, 3, 1, 2);
    }

    /**
     * Multiplies a block of points with a tile of samples.
     *
     * @param block {@code rows x width} points
     * @param tile samples as {@link #asImages} returns them
     * @return scores of shape {@code (CHUNKS, rows, 1, chunkWidth)}, stored channels-last like the tile;
     *     the caller closes them
     */
    public static NDArray scores(NDArray block, NDArray tile) {
        long rows = block.getShape().get(0);
        long width = block.getShape().get(1);
        try (NDArray filters = block.reshape(rows, width, 1, 1)) {
            return Conv2d.conv2d(tile, filters).singletonOrThrow();
        }
    }
}
