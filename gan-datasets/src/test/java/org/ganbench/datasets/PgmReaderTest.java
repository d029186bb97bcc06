package org.ganbench.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PgmReaderTest {

    private static final String FIX = "Replace the image.";

    @TempDir
    Path temporary;

    private Path write(String header, byte... raster) throws IOException {
        return Files.write(temporary.resolve("image.pgm"),
                IdxFixtures.concat(header.getBytes(StandardCharsets.US_ASCII), raster));
    }

    private CorruptDataException readDamaged(String header, byte... raster) throws IOException {
        Path file = write(header, raster);
        return assertThrows(CorruptDataException.class, () -> PgmReader.read(file, FIX));
    }

    @Test
    void readHeaderWithComments() throws IOException {
        Path file = write("P5\n# written by a test\n3 # width\n2\n# maxval follows\n255\n",
                (byte) 0, (byte) 51, (byte) 102, (byte) 153, (byte) 204, (byte) 255);

        PgmReader.PgmImage image = PgmReader.read(file, FIX);

        assertEquals(3, image.width());
        assertEquals(2, image.height());
        assertArrayEquals(new float[] {0f, 0.2f, 0.4f, 0.6f, 0.8f, 1f}, image.pixels());
    }

    @Test
    void readScalesByMaxval() throws IOException {
        Path file = write("P5 2 1 100 ", (byte) 50, (byte) 100);

        assertArrayEquals(new float[] {0.5f, 1f}, PgmReader.read(file, FIX).pixels());
    }

    @Test
    void readIgnoresSecondImage() throws IOException {
        Path file = write("P5 1 1 255\n", (byte) 255, (byte) 'P', (byte) '5');

        assertArrayEquals(new float[] {1f}, PgmReader.read(file, FIX).pixels());
    }

    @Test
    void rasterStartingWithWhitespaceByteKept() throws IOException {
        // Exactly one whitespace byte ends the header, so a first sample of 10 ('\n') is a pixel.
        Path file = write("P5 2 1 255\n", (byte) '\n', (byte) 7);

        assertArrayEquals(new float[] {10 / 255f, 7 / 255f}, PgmReader.read(file, FIX).pixels());
    }

    @Test
    void wrongMagicRejected() throws IOException {
        CorruptDataException error = readDamaged("P2 1 1 255\n", (byte) 1);

        assertTrue(error.getMessage().contains("magic number is 'P2' but 'P5' was expected"), error.getMessage());
        assertTrue(error.getMessage().endsWith(FIX), error.getMessage());
    }

    @Test
    void truncatedRasterRejected() throws IOException {
        CorruptDataException error = readDamaged("P5 3 2 255\n", (byte) 1, (byte) 2, (byte) 3, (byte) 4);

        assertTrue(error.getMessage().contains("truncated: the header declares 3x2 pixels (6 bytes) but only 4 bytes"),
                error.getMessage());
    }

    @Test
    void sixteenBitMaxvalRejected() throws IOException {
        CorruptDataException error = readDamaged("P5 1 1 65535\n", (byte) 0, (byte) 1);

        assertTrue(error.getMessage().contains("maxval is 65535, which means 2-byte samples"), error.getMessage());
    }

    @Test
    void maxvalAboveFormatLimitRejected() throws IOException {
        CorruptDataException error = readDamaged("P5 1 1 70000\n", (byte) 0);

        assertTrue(error.getMessage().contains("maxval is 70000, outside 1-65535"), error.getMessage());
    }

    @Test
    void sampleAboveMaxvalRejected() throws IOException {
        CorruptDataException error = readDamaged("P5 2 1 15\n", (byte) 3, (byte) 16);

        assertTrue(error.getMessage().contains("sample 1 (row 0, column 1) is 16, above maxval 15"), error.getMessage());
    }

    @Test
    void missingHeaderNumberRejected() throws IOException {
        CorruptDataException error = readDamaged("P5 92 x 255\n");

        assertTrue(error.getMessage().contains("expected the height as a decimal number at byte 6"), error.getMessage());
    }

    @Test
    void zeroWidthRejected() throws IOException {
        CorruptDataException error = readDamaged("P5 0 4 255\n");

        assertTrue(error.getMessage().contains("the image is 0x4"), error.getMessage());
    }
}
