package org.ganbench.bench.figures;

import java.awt.Point;
import java.util.Objects;

/**
 * Pixel geometry of a sample grid figure: {@code rows x columns} cells of upscaled images,
 * optionally followed by a nearest-neighbour column that is set apart by a wider gap and a
 * coloured border, as in Figure 2 of Goodfellow et al. (2014), "Generative Adversarial Nets".
 *
 * <p>All coordinates are output pixels with the origin at the top left. Each cell is
 * {@code scale * width} by {@code scale * height} pixels, and every cell edge lies
 * {@link #CELL_GAP} pixels from its neighbours and at least {@link #MARGIN} pixels from the
 * image edge.
 *
 * @param shape shape of every image in the grid
 * @param rows number of grid rows
 * @param columns number of generated samples per row
 * @param scale integer upscaling factor: each image pixel becomes a {@code scale x scale} block
 * @param nearestNeighbourColumn whether a nearest-neighbour cell follows each row
 */
public record GridLayout(ImageShape shape, int rows, int columns, int scale, boolean nearestNeighbourColumn) {

    /** Background pixels between the outermost cells and the image edge. */
    public static final int MARGIN = 6;

    /** Background pixels between adjacent cells, wide enough for two borders and a visible gap. */
    public static final int CELL_GAP = 6;

    /** Background pixels between the last sample column and the nearest-neighbour border. */
    public static final int SEPARATOR = 12;

    /** Thickness in pixels of the border drawn around each nearest-neighbour cell. */
    public static final int BORDER_WIDTH = 2;

    /**
     * Largest allowed image side. It keeps one {@code TYPE_INT_RGB} image at or below 1 GiB of memory.
     */
    public static final int MAX_SIDE = 16_384;

    /** Largest allowed upscaling factor. */
    public static final int MAX_SCALE = 32;

    /**
     * Validates the grid size and the resulting image size.
     *
     * @throws IllegalArgumentException if {@code rows} or {@code columns} is below 1, {@code scale}
     *     is outside {@code [1, MAX_SCALE]}, or the image would be wider or taller than
     *     {@link #MAX_SIDE} pixels
     */
    public GridLayout {
        Objects.requireNonNull(shape, "shape");
        if (rows < 1 || columns < 1) {
            throw new IllegalArgumentException("Sample grid must have at least 1 row and 1 column, got "
                    + rows + " x " + columns + ".");
        }
        if (scale < 1 || scale > MAX_SCALE) {
            throw new IllegalArgumentException("Upscaling factor must be in [1, " + MAX_SCALE + "], got " + scale + ".");
        }

        long width = imageWidth(shape, columns, scale, nearestNeighbourColumn);
        long height = imageHeight(shape, rows, scale);
        if (width > MAX_SIDE || height > MAX_SIDE) {
            throw new IllegalArgumentException("Sample grid of " + rows + " x " + columns + " images of " + shape
                    + " at scale " + scale + " would be " + width + " x " + height + " pixels, above the limit of "
                    + MAX_SIDE + " per side; reduce the grid size or the scale.");
        }
    }

    /**
     * Returns the width of one cell in output pixels.
     *
     * @return {@code scale * shape.width()}
     */
    public int cellWidth() {
        return scale * shape.width();
    }

    /**
     * Returns the height of one cell in output pixels.
     *
     * @return {@code scale * shape.height()}
     */
    public int cellHeight() {
        return scale * shape.height();
    }

    /**
     * Returns the width of the whole figure in pixels.
     *
     * @return the image width
     */
    public int imageWidth() {
        return (int) imageWidth(shape, columns, scale, nearestNeighbourColumn);
    }

    /**
     * Returns the height of the whole figure in pixels.
     *
     * @return the image height
     */
    public int imageHeight() {
        return (int) imageHeight(shape, rows, scale);
    }

    /**
     * Returns the top-left pixel of a generated sample's cell.
     *
     * @param row grid row, from 0
     * @param column grid column, from 0
     * @return the cell origin
     * @throws IndexOutOfBoundsException if {@code row} or {@code column} is outside the grid
     */
    public Point cellOrigin(int row, int column) {
        Objects.checkIndex(row, rows);
        Objects.checkIndex(column, columns);
        return new Point(MARGIN + column * (cellWidth() + CELL_GAP), MARGIN + row * (cellHeight() + CELL_GAP));
    }

    /**
     * Returns the top-left pixel of a row's nearest-neighbour cell, inside its border.
     *
     * @param row grid row, from 0
     * @return the cell origin
     * @throws IllegalStateException if the layout has no nearest-neighbour column
     * @throws IndexOutOfBoundsException if {@code row} is outside the grid
     */
    public Point nearestNeighbourOrigin(int row) {
        if (!nearestNeighbourColumn) {
            throw new IllegalStateException("This layout has no nearest-neighbour column; "
                    + "create it with nearestNeighbourColumn = true.");
        }
        Objects.checkIndex(row, rows);
        int samplesRight = MARGIN + columns * (cellWidth() + CELL_GAP) - CELL_GAP;
        return new Point(samplesRight + SEPARATOR + BORDER_WIDTH, MARGIN + row * (cellHeight() + CELL_GAP));
    }

    private static long imageWidth(ImageShape shape, int columns, int scale, boolean nearestNeighbourColumn) {
        long cellWidth = (long) scale * shape.width();
        long width = 2L * MARGIN + columns * cellWidth + (columns - 1L) * CELL_GAP;
        if (nearestNeighbourColumn) {
            width += SEPARATOR + 2L * BORDER_WIDTH + cellWidth;
        }
        return width;
    }

    private static long imageHeight(ImageShape shape, int rows, int scale) {
        long cellHeight = (long) scale * shape.height();
        return 2L * MARGIN + rows * cellHeight + (rows - 1L) * CELL_GAP;
    }
}
