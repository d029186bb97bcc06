package org.ganbench.bench.figures;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Point;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleGridTest {

    private static final int WHITE = 0xFFFFFF;
    private static final int BLACK = 0x000000;
    private static final int BACKGROUND = SampleGrid.BACKGROUND.getRGB() & 0xFFFFFF;
    private static final int BORDER = SampleGrid.NEAREST_NEIGHBOUR_BORDER.getRGB() & 0xFFFFFF;

    /** Non-square, so swapped height and width would show. */
    private static final ImageShape SHAPE = ImageShape.grey(4, 5);
    private static final int ROWS = 2;
    private static final int COLUMNS = 3;
    private static final int SCALE = 3;

    @TempDir
    Path folder;

    @Test
    void writeSizeMatchesLayout() throws IOException {
        SampleGrid grid = new SampleGrid(SHAPE, ROWS, COLUMNS, SCALE);
        Path png = folder.resolve("samples.png");

        grid.write(png, new float[ROWS * COLUMNS * SHAPE.dimension()]);
        BufferedImage image = ImageIO.read(png.toFile());

        int expectedWidth = 2 * GridLayout.MARGIN + COLUMNS * 5 * SCALE + (COLUMNS - 1) * GridLayout.CELL_GAP;
        int expectedHeight = 2 * GridLayout.MARGIN + ROWS * 4 * SCALE + (ROWS - 1) * GridLayout.CELL_GAP;
        assertEquals(expectedWidth, image.getWidth());
        assertEquals(expectedHeight, image.getHeight());
    }

    @Test
    void writeWithNeighboursSizeMatchesLayout() throws IOException {
        SampleGrid grid = new SampleGrid(SHAPE, ROWS, COLUMNS, SCALE);
        Path png = folder.resolve("samples.png");
        NearestNeighbours trainingSet = new NearestNeighbours(new float[2 * SHAPE.dimension()], SHAPE.dimension());

        grid.writeWithNearestNeighbours(png, new float[ROWS * COLUMNS * SHAPE.dimension()], trainingSet);
        BufferedImage image = ImageIO.read(png.toFile());

        GridLayout layout = grid.layout(true);
        int extraWidth = GridLayout.SEPARATOR + 2 * GridLayout.BORDER_WIDTH + 5 * SCALE;
        assertEquals(grid.layout(false).imageWidth() + extraWidth, image.getWidth());
        assertEquals(layout.imageWidth(), image.getWidth());
        assertEquals(layout.imageHeight(), image.getHeight());
    }

    @Test
    void whiteSampleFillsItsCell() throws IOException {
        SampleGrid grid = new SampleGrid(SHAPE, ROWS, COLUMNS, SCALE);
        float[] samples = new float[ROWS * COLUMNS * SHAPE.dimension()];
        // Sample 4 is row 1, column 1.
        Arrays.fill(samples, 4 * SHAPE.dimension(), 5 * SHAPE.dimension(), 1f);
        Path png = folder.resolve("white.png");

        grid.write(png, samples);
        BufferedImage image = ImageIO.read(png.toFile());

        GridLayout layout = grid.layout(false);
        Point white = layout.cellOrigin(1, 1);
        int right = white.x + layout.cellWidth() - 1;
        int bottom = white.y + layout.cellHeight() - 1;
        assertEquals(WHITE, rgb(image, white.x, white.y));
        assertEquals(WHITE, rgb(image, right, bottom));
        assertEquals(BACKGROUND, rgb(image, right + 1, bottom));
        assertEquals(BACKGROUND, rgb(image, white.x - 1, white.y));
        Point black = layout.cellOrigin(1, 0);
        assertEquals(BLACK, rgb(image, black.x + layout.cellWidth() - 1, black.y));
    }

    @Test
    void greyValuesRoundToBytes() {
        SampleGrid grid = new SampleGrid(ImageShape.grey(1, 2), 1, 1, 1);

        BufferedImage image = grid.render(new float[] {0.5f, 0.2f});

        Point origin = grid.layout(false).cellOrigin(0, 0);
        assertEquals(0x808080, rgb(image, origin.x, origin.y));
        assertEquals(0x333333, rgb(image, origin.x + 1, origin.y));
    }

    @Test
    void colourPlanesMapToRgb() {
        // One 1 x 3 colour image stored channel-planar: pixel 0 red, pixel 1 green, pixel 2 blue.
        float[] planar = {
            1f, 0f, 0f,
            0f, 1f, 0f,
            0f, 0f, 1f,
        };
        SampleGrid grid = new SampleGrid(ImageShape.colour(1, 3), 1, 1, 2);

        BufferedImage image = grid.render(planar);

        Point origin = grid.layout(false).cellOrigin(0, 0);
        assertEquals(0xFF0000, rgb(image, origin.x, origin.y));
        assertEquals(0x00FF00, rgb(image, origin.x + 2, origin.y + 1));
        assertEquals(0x0000FF, rgb(image, origin.x + 5, origin.y + 1));
    }

    @Test
    void borderSurroundsNearestNeighbour() throws IOException {
        SampleGrid grid = new SampleGrid(SHAPE, ROWS, COLUMNS, SCALE);
        int dimension = SHAPE.dimension();
        // Training image 0 is black and image 1 white, and sample 5, the last of row 1, is almost white.
        float[] training = new float[2 * dimension];
        Arrays.fill(training, dimension, 2 * dimension, 1f);
        float[] samples = new float[ROWS * COLUMNS * dimension];
        Arrays.fill(samples, 5 * dimension, 6 * dimension, 0.9f);
        Path png = folder.resolve("neighbours.png");

        int[] nearest = grid.writeWithNearestNeighbours(png, samples, new NearestNeighbours(training, dimension));
        BufferedImage image = ImageIO.read(png.toFile());

        assertArrayEquals(new int[] {0, 1}, nearest);
        GridLayout layout = grid.layout(true);
        Point cell = layout.nearestNeighbourOrigin(1);
        int border = GridLayout.BORDER_WIDTH;
        int right = cell.x + layout.cellWidth() - 1;
        int bottom = cell.y + layout.cellHeight() - 1;
        assertEquals(WHITE, rgb(image, cell.x, cell.y));
        assertEquals(WHITE, rgb(image, right, bottom));
        assertEquals(BORDER, rgb(image, cell.x - 1, cell.y - 1));
        assertEquals(BORDER, rgb(image, cell.x - border, cell.y + 3));
        assertEquals(BORDER, rgb(image, right + border, bottom + border));
        assertEquals(BACKGROUND, rgb(image, cell.x - border - 1, cell.y));
        assertEquals(BACKGROUND, rgb(image, right + border + 1, bottom));
        Point first = layout.nearestNeighbourOrigin(0);
        assertEquals(BLACK, rgb(image, first.x, first.y));
        assertEquals(BORDER, rgb(image, first.x - 1, first.y));
    }

    @Test
    void neighbourBordersStaySeparate() {
        SampleGrid grid = new SampleGrid(SHAPE, ROWS, COLUMNS, SCALE);
        float[] images = new float[ROWS * COLUMNS * SHAPE.dimension()];

        BufferedImage image = grid.renderWithNearestNeighbours(images, new float[ROWS * SHAPE.dimension()]);

        GridLayout layout = grid.layout(true);
        Point first = layout.nearestNeighbourOrigin(0);
        int betweenRows = first.y + layout.cellHeight() + GridLayout.CELL_GAP / 2;
        assertEquals(BACKGROUND, rgb(image, first.x, betweenRows));
    }

    @Test
    void writeReplacesFileAtomically() throws IOException {
        SampleGrid grid = new SampleGrid(SHAPE, 1, 1, 1);
        Path png = folder.resolve("samples.png");
        Files.writeString(png, "old content");

        grid.write(png, new float[SHAPE.dimension()]);

        assertEquals(grid.layout(false).imageWidth(), ImageIO.read(png.toFile()).getWidth());
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of(png), files.toList());
        }
    }

    @Test
    void renderRejectsWrongSampleCount() {
        SampleGrid grid = new SampleGrid(SHAPE, ROWS, COLUMNS, SCALE);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> grid.render(new float[5 * SHAPE.dimension()]));

        assertTrue(error.getMessage().contains("length 100"), error.getMessage());
        assertTrue(error.getMessage().contains("expected 6 images"), error.getMessage());
    }

    @Test
    void renderRejectsValuesOutsideUnitRange() {
        SampleGrid grid = new SampleGrid(SHAPE, 1, 1, 1);
        float[] negative = new float[SHAPE.dimension()];
        negative[7] = -0.5f;
        float[] notANumber = new float[SHAPE.dimension()];
        notANumber[3] = Float.NaN;

        IllegalArgumentException negativeError = assertThrows(IllegalArgumentException.class, () -> grid.render(negative));
        IllegalArgumentException nanError = assertThrows(IllegalArgumentException.class, () -> grid.render(notANumber));

        assertTrue(negativeError.getMessage().contains("value -0.5 at image 0, element 7"), negativeError.getMessage());
        assertTrue(nanError.getMessage().contains("value NaN"), nanError.getMessage());
    }

    @Test
    void neighboursRejectWrongCount() {
        SampleGrid grid = new SampleGrid(SHAPE, ROWS, COLUMNS, SCALE);
        float[] samples = new float[ROWS * COLUMNS * SHAPE.dimension()];

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> grid.renderWithNearestNeighbours(samples, new float[SHAPE.dimension()]));

        assertTrue(error.getMessage().contains("nearest training images"), error.getMessage());
    }

    @Test
    void neighboursRejectOtherDimension() {
        SampleGrid grid = new SampleGrid(SHAPE, 1, 1, 1);
        NearestNeighbours mnist = new NearestNeighbours(new float[784], 784);
        Path png = folder.resolve("samples.png");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> grid.writeWithNearestNeighbours(png, new float[SHAPE.dimension()], mnist));

        assertTrue(error.getMessage().contains("dimension 784"), error.getMessage());
        assertFalse(Files.exists(png));
    }

    @Test
    void constructorRejectsBadSizes() {
        IllegalArgumentException noRows = assertThrows(IllegalArgumentException.class,
                () -> new SampleGrid(SHAPE, 0, 3));
        IllegalArgumentException noScale = assertThrows(IllegalArgumentException.class,
                () -> new SampleGrid(SHAPE, 2, 3, 0));
        IllegalArgumentException tooWide = assertThrows(IllegalArgumentException.class,
                () -> new SampleGrid(ImageShape.MNIST, 1, 1000, GridLayout.MAX_SCALE));
        IllegalArgumentException badChannels = assertThrows(IllegalArgumentException.class,
                () -> new ImageShape(2, 28, 28));

        assertTrue(noRows.getMessage().contains("got 0 x 3"), noRows.getMessage());
        assertTrue(noScale.getMessage().contains("got 0"), noScale.getMessage());
        assertTrue(tooWide.getMessage().contains("reduce the grid size or the scale"), tooWide.getMessage());
        assertTrue(badChannels.getMessage().contains("got 2"), badChannels.getMessage());
    }

    @Test
    void layoutWithoutColumnRejectsNeighbourOrigin() {
        GridLayout layout = new SampleGrid(SHAPE, ROWS, COLUMNS).layout(false);

        assertThrows(IllegalStateException.class, () -> layout.nearestNeighbourOrigin(0));
        assertThrows(IndexOutOfBoundsException.class, () -> layout.cellOrigin(ROWS, 0));
    }

    private static int rgb(BufferedImage image, int x, int y) {
        return image.getRGB(x, y) & 0xFFFFFF;
    }
}
