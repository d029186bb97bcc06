package org.ganbench.bench.figures;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import javax.imageio.ImageIO;
import org.ganbench.bench.report.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Draws generated samples as a PNG grid in the style of Figure 2 of Goodfellow et al. (2014),
 * "Generative Adversarial Nets". Next to each row, the figure can show the training image
 * nearest to the row's last sample, framed in {@link #NEAREST_NEIGHBOUR_BORDER}, so readers can
 * check that the generator does not copy training data.
 *
 * <p>Images are flattened as {@link ImageShape} describes, with values in {@code [0, 1]} where 0
 * is black. The pixel geometry is given by {@link #layout(boolean)}. Rendering works without a
 * display, so it runs with {@code java.awt.headless=true}.
 */
public final class SampleGrid {

    /** Upscaling factor used by the three-argument constructor: 28-pixel MNIST cells become 56. */
    public static final int DEFAULT_SCALE = 2;

    /** Colour of the gaps between cells, mid grey so both black and white cells stand out. */
    public static final Color BACKGROUND = new Color(128, 128, 128);

    /** Colour of the border around each nearest-neighbour cell. */
    public static final Color NEAREST_NEIGHBOUR_BORDER = new Color(255, 255, 0);

    private static final Logger LOG = LoggerFactory.getLogger(SampleGrid.class);

    private final GridLayout samplesOnly;
    private final GridLayout withNearestNeighbours;

    /**
     * Creates a grid of {@code gridRows x gridCols} samples, each pixel drawn as a
     * {@code scale x scale} block.
     *
     * @param shape shape of every sample
     * @param gridRows number of rows
     * @param gridCols number of samples per row
     * @param scale integer upscaling factor in {@code [1, GridLayout.MAX_SCALE]}
     * @throws IllegalArgumentException if a size is out of range, as {@link GridLayout} checks
     */
    public SampleGrid(ImageShape shape, int gridRows, int gridCols, int scale) {
        this.samplesOnly = new GridLayout(shape, gridRows, gridCols, scale, false);
        this.withNearestNeighbours = new GridLayout(shape, gridRows, gridCols, scale, true);
    }

    /**
     * Creates a grid of {@code gridRows x gridCols} samples at {@link #DEFAULT_SCALE}.
     *
     * @param shape shape of every sample
     * @param gridRows number of rows
     * @param gridCols number of samples per row
     * @throws IllegalArgumentException if a size is out of range, as {@link GridLayout} checks
     */
    public SampleGrid(ImageShape shape, int gridRows, int gridCols) {
        this(shape, gridRows, gridCols, DEFAULT_SCALE);
    }

    /**
     * Returns the pixel geometry of the figure.
     *
     * @param nearestNeighbourColumn whether the figure has the nearest-neighbour column
     * @return the layout
     */
    public GridLayout layout(boolean nearestNeighbourColumn) {
        return nearestNeighbourColumn ? withNearestNeighbours : samplesOnly;
    }

    /**
     * Draws the samples without a nearest-neighbour column, for example for latent-space
     * interpolations.
     *
     * @param samples {@code gridRows * gridCols} images, row-major, grid row by grid row
     * @return the figure
     * @throws IllegalArgumentException if the array length does not match the grid, or a value is
     *     NaN or outside {@code [0, 1]}
     */
    public BufferedImage render(float[] samples) {
        validateImages("samples", samples, samplesOnly.rows() * samplesOnly.columns());

        BufferedImage canvas = blankCanvas(samplesOnly);
        paintSamples(canvas, samplesOnly, samples);
        return canvas;
    }

    /**
     * Draws the samples with the given nearest training image beside each row.
     *
     * @param samples {@code gridRows * gridCols} images, row-major, grid row by grid row
     * @param nearestImages {@code gridRows} images, one per grid row
     * @return the figure
     * @throws IllegalArgumentException if an array length does not match the grid, or a value is
     *     NaN or outside {@code [0, 1]}
     */
    public BufferedImage renderWithNearestNeighbours(float[] samples, float[] nearestImages) {
        GridLayout layout = withNearestNeighbours;
        validateImages("samples", samples, layout.rows() * layout.columns());
        validateImages("nearest training images", nearestImages, layout.rows());

        BufferedImage canvas = blankCanvas(layout);
        paintSamples(canvas, layout, samples);

        Graphics2D graphics = canvas.createGraphics();
        try {
            graphics.setColor(NEAREST_NEIGHBOUR_BORDER);
            for (int row = 0; row < layout.rows(); row++) {
                Point origin = layout.nearestNeighbourOrigin(row);
                int border = GridLayout.BORDER_WIDTH;
                graphics.fillRect(origin.x - border, origin.y - border,
                        layout.cellWidth() + 2 * border, layout.cellHeight() + 2 * border);
            }
        } finally {
            graphics.dispose();
        }

        // The image is painted over the inside of the filled border rectangle.
        for (int row = 0; row < layout.rows(); row++) {
            paintImage(canvas, layout, nearestImages, row, layout.nearestNeighbourOrigin(row));
        }
        return canvas;
    }

    /**
     * Writes the samples without a nearest-neighbour column to a PNG file, atomically.
     *
     * @param png file to create or replace
     * @param samples {@code gridRows * gridCols} images, row-major, grid row by grid row
     * @throws IllegalArgumentException as {@link #render(float[])} does
     * @throws IOException if writing the file fails
     */
    public void write(Path png, float[] samples) throws IOException {
        writePng(png, render(samples));
    }

    /**
     * Writes the samples with the given images beside their rows to a PNG file, atomically. Use it
     * when the nearest images are searched in another space than the one drawn, such as CIFAR-10's
     * contrast-normalised images.
     *
     * @param png file to create or replace
     * @param samples {@code gridRows * gridCols} images in [0, 1], grid row by grid row
     * @param nearestImages {@code gridRows} images in [0, 1], one per grid row
     * @throws IllegalArgumentException as {@link #renderWithNearestNeighbours(float[], float[])} does
     * @throws IOException if writing the file fails
     */
    public void writeWithNearestImages(Path png, float[] samples, float[] nearestImages) throws IOException {
        writePng(png, renderWithNearestNeighbours(samples, nearestImages));
    }

    /**
     * Finds the training image nearest to each row's last sample and writes the figure with
     * those images beside their rows to a PNG file, atomically.
     *
     * @param png file to create or replace
     * @param samples {@code gridRows * gridCols} images, row-major, grid row by grid row
     * @param trainingSet index over the training images, with the same image dimension
     * @return for each grid row, the index of the training image drawn beside it
     * @throws IllegalArgumentException if the training set's image dimension differs from the
     *     grid's, or as {@link #renderWithNearestNeighbours(float[], float[])} does
     * @throws IOException if writing the file fails
     */
    public int[] writeWithNearestNeighbours(Path png, float[] samples, NearestNeighbours trainingSet)
            throws IOException {
        Objects.requireNonNull(trainingSet, "trainingSet");
        GridLayout layout = withNearestNeighbours;
        int dimension = layout.shape().dimension();
        if (trainingSet.dimension() != dimension) {
            throw new IllegalArgumentException("Training images have dimension " + trainingSet.dimension()
                    + " but the grid draws images of " + layout.shape() + " = " + dimension
                    + " values; build the grid with the training set's image shape.");
        }
        validateImages("samples", samples, layout.rows() * layout.columns());

        float[] lastOfEachRow = new float[layout.rows() * dimension];
        for (int row = 0; row < layout.rows(); row++) {
            int lastSample = (row + 1) * layout.columns() - 1;
            System.arraycopy(samples, lastSample * dimension, lastOfEachRow, row * dimension, dimension);
        }
        int[] nearestIndices = trainingSet.nearest(lastOfEachRow);

        float[] nearestImages = new float[layout.rows() * dimension];
        for (int row = 0; row < layout.rows(); row++) {
            System.arraycopy(trainingSet.trainingImage(nearestIndices[row]), 0, nearestImages, row * dimension, dimension);
        }
        writePng(png, renderWithNearestNeighbours(samples, nearestImages));
        return nearestIndices;
    }

    private static BufferedImage blankCanvas(GridLayout layout) {
        BufferedImage canvas = new BufferedImage(layout.imageWidth(), layout.imageHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = canvas.createGraphics();
        try {
            graphics.setColor(BACKGROUND);
            graphics.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        } finally {
            graphics.dispose();
        }
        return canvas;
    }

    private static void paintSamples(BufferedImage canvas, GridLayout layout, float[] samples) {
        for (int row = 0; row < layout.rows(); row++) {
            for (int column = 0; column < layout.columns(); column++) {
                int sample = row * layout.columns() + column;
                paintImage(canvas, layout, samples, sample, layout.cellOrigin(row, column));
            }
        }
    }

    /** Paints image {@code index} of {@code images} with its top-left corner at {@code origin}. */
    private static void paintImage(BufferedImage canvas, GridLayout layout, float[] images, int index, Point origin) {
        ImageShape shape = layout.shape();
        int scale = layout.scale();
        int offset = index * shape.dimension();
        int plane = shape.planeSize();

        for (int y = 0; y < shape.height(); y++) {
            for (int x = 0; x < shape.width(); x++) {
                int pixel = offset + y * shape.width() + x;
                int red = toByte(images[pixel]);
                int green = red;
                int blue = red;
                if (shape.channels() == 3) {
                    green = toByte(images[pixel + plane]);
                    blue = toByte(images[pixel + 2 * plane]);
                }
                int rgb = (red << 16) | (green << 8) | blue;

                for (int dy = 0; dy < scale; dy++) {
                    for (int dx = 0; dx < scale; dx++) {
                        canvas.setRGB(origin.x + x * scale + dx, origin.y + y * scale + dy, rgb);
                    }
                }
            }
        }
    }

    private static int toByte(float value) {
        return Math.round(value * 255.0f);
    }

    private void validateImages(String role, float[] images, int expectedCount) {
        Objects.requireNonNull(images, role);
        ImageShape shape = samplesOnly.shape();
        long expectedLength = (long) expectedCount * shape.dimension();
        if (images.length != expectedLength) {
            throw new IllegalArgumentException("Array of " + role + " has length " + images.length + ", expected "
                    + expectedCount + " images of " + shape + " = " + expectedLength
                    + " values; pass exactly one image per grid cell, flattened as ImageShape describes.");
        }

        for (int i = 0; i < images.length; i++) {
            float value = images[i];
            // The negated test also rejects NaN, for which both comparisons are false.
            if (!(value >= 0.0f && value <= 1.0f)) {
                throw new IllegalArgumentException("Array of " + role + " has value " + value + " at image "
                        + (i / shape.dimension()) + ", element " + (i % shape.dimension())
                        + ", outside [0, 1]; rescale to [0, 1] first, for example (x + 1) / 2 for tanh outputs.");
            }
        }
    }

    private static void writePng(Path png, BufferedImage image) throws IOException {
        AtomicFiles.write(png, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("No PNG writer is registered with javax.imageio; "
                        + "use a full JDK rather than a trimmed runtime image.");
            }
        });
        LOG.info("Wrote {} x {} sample grid to {}", image.getWidth(), image.getHeight(), png);
    }
}
