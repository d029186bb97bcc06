package org.ganbench.bench.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LossPlotTest {

    @TempDir
    Path folder;

    @Test
    void writeSizeStacksTwoCharts() throws IOException {
        List<EpochPoint> history = IntStream.rangeClosed(1, 120)
                .mapToObj(epoch -> new EpochPoint(epoch, 1.4 - epoch * 0.001, 0.7 + epoch * 0.002, 0.6, 0.4))
                .toList();
        Path png = folder.resolve("losses.png");

        new LossPlot().write(png, history);
        BufferedImage image = ImageIO.read(png.toFile());

        assertEquals(LossPlot.DEFAULT_CHART_WIDTH, image.getWidth());
        assertEquals(2 * LossPlot.DEFAULT_CHART_HEIGHT, image.getHeight());
    }

    @Test
    void writeSingleEpoch() throws IOException {
        LossPlot plot = new LossPlot(300, 250);
        Path png = folder.resolve("nested/losses.png");

        plot.write(png, List.of(new EpochPoint(0, 1.3, 0.8, 0.55, 0.45)));
        BufferedImage image = ImageIO.read(png.toFile());

        assertEquals(300, image.getWidth());
        assertEquals(500, image.getHeight());
    }

    @Test
    void writeDivergedRun() throws IOException {
        List<EpochPoint> history = List.of(
                new EpochPoint(1, 1.3, 0.8, 0.55, 0.45),
                new EpochPoint(2, Double.POSITIVE_INFINITY, Double.NaN, 1.0, Double.NaN),
                new EpochPoint(3, Double.NaN, Double.NaN, Double.NaN, Double.NaN));
        Path png = folder.resolve("losses.png");

        new LossPlot().write(png, history);

        assertEquals(LossPlot.DEFAULT_CHART_WIDTH, ImageIO.read(png.toFile()).getWidth());
    }

    @Test
    void writeRejectsEmptyHistory() {
        Path png = folder.resolve("losses.png");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new LossPlot().write(png, List.of()));

        assertTrue(error.getMessage().contains("empty"), error.getMessage());
        assertFalse(Files.exists(png));
    }

    @Test
    void writeRejectsUnsortedEpochs() {
        List<EpochPoint> history = List.of(
                new EpochPoint(2, 1.3, 0.8, 0.5, 0.5),
                new EpochPoint(2, 1.3, 0.8, 0.5, 0.5));

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new LossPlot().write(folder.resolve("losses.png"), history));

        assertTrue(error.getMessage().contains("epoch 2 at position 1 follows epoch 2"), error.getMessage());
    }

    @Test
    void constructorRejectsSmallCharts() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> new LossPlot(100, 400));

        assertTrue(error.getMessage().contains("got 100 x 400"), error.getMessage());
    }

    @Test
    void epochPointRejectsLogits() {
        IllegalArgumentException real = assertThrows(IllegalArgumentException.class,
                () -> new EpochPoint(1, 1.0, 1.0, 2.5, 0.5));
        IllegalArgumentException fake = assertThrows(IllegalArgumentException.class,
                () -> new EpochPoint(1, 1.0, 1.0, 0.5, -0.1));
        IllegalArgumentException epoch = assertThrows(IllegalArgumentException.class,
                () -> new EpochPoint(-1, 1.0, 1.0, 0.5, 0.5));

        assertTrue(real.getMessage().contains("meanDReal of epoch 1 is 2.5"), real.getMessage());
        assertTrue(fake.getMessage().contains("meanDFake of epoch 1 is -0.1"), fake.getMessage());
        assertTrue(epoch.getMessage().contains("got -1"), epoch.getMessage());
    }

    @Test
    void epochPointFlagsNonFinite() {
        assertTrue(new EpochPoint(1, 1.0, 1.0, 0.5, 0.5).isFinite());
        assertFalse(new EpochPoint(1, Double.NEGATIVE_INFINITY, 1.0, 0.5, 0.5).isFinite());
        assertFalse(new EpochPoint(1, 1.0, 1.0, Double.NaN, 0.5).isFinite());
    }
}
