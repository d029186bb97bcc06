package org.ganbench.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {

    private static final int COUNT = 5;
    private static final int ROWS = 3;
    private static final int COLS = 4;
    private static final int[] LABELS = {5, 0, 4, 1, 9};

    @TempDir
    Path directory;

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(directory.resolve(name), content);
    }

    @Test
    void readImagesPlainFile() throws IOException {
        Path file = write("images-idx3-ubyte", IdxFixtures.imageFile(COUNT, ROWS, COLS));

        ImageSet images = IdxReader.readImages(file, "small");

        assertEquals("small", images.name());
        assertEquals(COUNT, images.count());
        assertEquals(ROWS, images.rows());
        assertEquals(COLS, images.cols());
        assertEquals(false, images.hasLabels());
        for (int image = 0; image < COUNT; image++) {
            for (int position = 0; position < ROWS * COLS; position++) {
                float expected = IdxFixtures.pixelByte(image, position) / 255f;
                assertEquals(expected, images.image(image)[position], "image " + image + ", pixel " + position);
            }
        }
    }

    @Test
    void readImagesMapsByteRangeToUnitRange() throws IOException {
        byte[] content = IdxFixtures.concat(IdxFixtures.header(IdxFixtures.IMAGE_MAGIC, 1, 1, 2),
                new byte[] {0, (byte) 255});
        Path file = write("extremes", content);

        float[] pixels = IdxReader.readImages(file, "extremes").image(0);

        assertEquals(0f, pixels[0]);
        assertEquals(1f, pixels[1]);
    }

    @Test
    void readImagesGzipEqualsPlain() throws IOException {
        byte[] content = IdxFixtures.imageFile(COUNT, ROWS, COLS);
        Path plain = write("images-idx3-ubyte", content);
        Path compressed = write("images-idx3-ubyte.gz", IdxFixtures.gzip(content));

        assertEquals(IdxReader.readImages(plain, "small"), IdxReader.readImages(compressed, "small"));
    }

    @Test
    void readImagesDetectsGzipByMagicNotName() throws IOException {
        byte[] content = IdxFixtures.imageFile(COUNT, ROWS, COLS);
        Path gzipWithoutSuffix = write("images-idx3-ubyte", IdxFixtures.gzip(content));
        Path plainWithSuffix = write("plain.gz", content);

        ImageSet fromGzip = IdxReader.readImages(gzipWithoutSuffix, "small");
        ImageSet fromPlain = IdxReader.readImages(plainWithSuffix, "small");

        assertEquals(fromPlain, fromGzip);
    }

    @Test
    void readLabelsPlainAndGzip() throws IOException {
        byte[] content = IdxFixtures.labelFile(LABELS);
        Path plain = write("labels-idx1-ubyte", content);
        Path compressed = write("labels-idx1-ubyte.gz", IdxFixtures.gzip(content));

        assertArrayEquals(LABELS, IdxReader.readLabels(plain));
        assertArrayEquals(LABELS, IdxReader.readLabels(compressed));
    }

    @Test
    void readImagesWithLabels() throws IOException {
        Path images = write("images", IdxFixtures.imageFile(COUNT, ROWS, COLS));
        Path labels = write("labels", IdxFixtures.gzip(IdxFixtures.labelFile(LABELS)));

        ImageSet set = IdxReader.readImages(images, labels, "labelled");

        assertArrayEquals(LABELS, set.labels());
        assertEquals(IdxReader.readImages(images, "labelled").pixelBuffer(), set.pixelBuffer());
    }

    @Test
    void badMagicRejected() throws IOException {
        byte[] content = IdxFixtures.imageFile(COUNT, ROWS, COLS);
        content[0] = 0x50;
        Path file = write("not-idx", content);

        CorruptDataException error = assertThrows(CorruptDataException.class,
                () -> IdxReader.readImages(file, "small"));

        assertEquals(file, error.file());
        assertTrue(error.getMessage().startsWith(file.toString()), error.getMessage());
        assertTrue(error.getMessage().contains("not an IDX file: magic number 0x50000803"), error.getMessage());
    }

    @Test
    void unsupportedDataTypeRejected() throws IOException {
        // 0x0D is the IDX code for float32 values.
        Path file = write("floats", IdxFixtures.header(0x00000D03, 1, 1, 1));

        CorruptDataException error = assertThrows(CorruptDataException.class,
                () -> IdxReader.readImages(file, "small"));

        assertTrue(error.getMessage().contains("unsupported IDX data type 0x0D"), error.getMessage());
    }

    @Test
    void swappedLabelAndImageFilesRejected() throws IOException {
        Path labels = write("labels", IdxFixtures.labelFile(LABELS));
        Path images = write("images", IdxFixtures.imageFile(COUNT, ROWS, COLS));

        CorruptDataException asImages = assertThrows(CorruptDataException.class,
                () -> IdxReader.readImages(labels, "small"));
        CorruptDataException asLabels = assertThrows(CorruptDataException.class,
                () -> IdxReader.readLabels(images));

        assertTrue(asImages.getMessage().contains("declares 1 dimensions but image files have 3"),
                asImages.getMessage());
        assertTrue(asLabels.getMessage().contains("declares 3 dimensions but label files have 1"),
                asLabels.getMessage());
    }

    @Test
    void truncatedPayloadRejected() throws IOException {
        byte[] content = IdxFixtures.imageFile(COUNT, ROWS, COLS);
        Path file = write("truncated", Arrays.copyOf(content, content.length - 7));

        CorruptDataException error = assertThrows(CorruptDataException.class,
                () -> IdxReader.readImages(file, "small"));

        String expected = "truncated: the header declares 5 images of 3x4 (76 bytes) but the file contains 69 bytes";
        assertTrue(error.getMessage().contains(expected), error.getMessage());
        assertTrue(error.getMessage().contains("Delete the file and fetch it again"), error.getMessage());
    }

    @Test
    void truncatedGzipPayloadRejected() throws IOException {
        byte[] content = IdxFixtures.imageFile(COUNT, ROWS, COLS);
        Path file = write("truncated.gz", IdxFixtures.gzip(Arrays.copyOf(content, content.length - 7)));

        CorruptDataException error = assertThrows(CorruptDataException.class,
                () -> IdxReader.readImages(file, "small"));

        assertTrue(error.getMessage().contains("but the decompressed data contains 69 bytes"), error.getMessage());
    }

    @Test
    void cutGzipStreamRejected() throws IOException {
        byte[] compressed = IdxFixtures.gzip(IdxFixtures.imageFile(COUNT, ROWS, COLS));
        Path file = write("cut.gz", Arrays.copyOf(compressed, compressed.length / 2));

        CorruptDataException error = assertThrows(CorruptDataException.class,
                () -> IdxReader.readImages(file, "small"));

        assertTrue(error.getMessage().contains("invalid gzip data"), error.getMessage());
    }

    @Test
    void truncatedHeaderRejected() throws IOException {
        Path file = write("header-only", Arrays.copyOf(IdxFixtures.header(IdxFixtures.IMAGE_MAGIC, 5, 3, 4), 10));

        CorruptDataException error = assertThrows(CorruptDataException.class,
                () -> IdxReader.readImages(file, "small"));

        assertTrue(error.getMessage().contains("ends inside the 16-byte IDX header"), error.getMessage());
    }

    @Test
    void emptyFileRejected() throws IOException {
        Path file = write("empty", new byte[0]);

        assertThrows(CorruptDataException.class, () -> IdxReader.readLabels(file));
    }

    @Test
    void trailingBytesRejected() throws IOException {
        byte[] content = IdxFixtures.concat(IdxFixtures.imageFile(COUNT, ROWS, COLS), new byte[3]);
        Path file = write("trailing", content);

        CorruptDataException error = assertThrows(CorruptDataException.class,
                () -> IdxReader.readImages(file, "small"));

        String expected = "3 trailing bytes: the header declares 5 images of 3x4 (76 bytes) but the file contains 79 bytes";
        assertTrue(error.getMessage().contains(expected), error.getMessage());
    }

    @Test
    void zeroDimensionRejected() throws IOException {
        Path file = write("zero-rows", IdxFixtures.header(IdxFixtures.IMAGE_MAGIC, 5, 0, 4));

        CorruptDataException error = assertThrows(CorruptDataException.class,
                () -> IdxReader.readImages(file, "small"));

        assertTrue(error.getMessage().contains("dimension 1 of 3 is 0"), error.getMessage());
    }

    @Test
    void oversizedDimensionRejectedWithoutAllocating() throws IOException {
        // 0xFFFFFFFF reads as -1 in Java but means 4294967295 records in an unsigned IDX header.
        Path file = write("huge", IdxFixtures.header(IdxFixtures.LABEL_MAGIC, 0xFFFFFFFF));

        CorruptDataException error = assertThrows(CorruptDataException.class, () -> IdxReader.readLabels(file));

        assertTrue(error.getMessage().contains("dimension 0 of 1 is 4294967295"), error.getMessage());
    }

    @Test
    void hugeDeclaredPayloadRejected() throws IOException {
        Path file = write("huge", IdxFixtures.header(IdxFixtures.IMAGE_MAGIC, 60_000, 60_000, 28));

        CorruptDataException error = assertThrows(CorruptDataException.class,
                () -> IdxReader.readImages(file, "small"));

        assertTrue(error.getMessage().contains("more than one Java array can hold"), error.getMessage());
    }

    @Test
    void labelImageCountMismatchRejected() throws IOException {
        Path images = write("images", IdxFixtures.imageFile(COUNT, ROWS, COLS));
        Path labels = write("labels", IdxFixtures.labelFile(1, 2, 3, 4));

        CorruptDataException error = assertThrows(CorruptDataException.class,
                () -> IdxReader.readImages(images, labels, "small"));

        assertEquals(labels, error.file());
        assertTrue(error.getMessage().contains("contains 4 labels but the image file " + images + " contains 5 images"),
                error.getMessage());
    }

    @Test
    void expectedShapeMismatchRejected() throws IOException {
        Path file = write("images", IdxFixtures.imageFile(COUNT, ROWS, COLS));

        CorruptDataException error = assertThrows(CorruptDataException.class,
                () -> IdxReader.readImages(file, "small", ExpectedShape.of(COUNT, 28, 28)));

        assertTrue(error.getMessage().contains("declares 5 images of 3x4 but 5 images of 28x28 were expected"),
                error.getMessage());
    }

    @Test
    void expectedShapeAnyAcceptsPartialMatch() throws IOException {
        Path file = write("images", IdxFixtures.imageFile(COUNT, ROWS, COLS));

        ImageSet images = IdxReader.readImages(file, "small", ExpectedShape.of(ExpectedShape.ANY, ROWS, COLS));

        assertEquals(COUNT, images.count());
    }

    @Test
    void expectedLabelCountMismatchRejected() throws IOException {
        Path file = write("labels", IdxFixtures.labelFile(LABELS));

        CorruptDataException error = assertThrows(CorruptDataException.class, () -> IdxReader.readLabels(file, 6));

        assertTrue(error.getMessage().contains("declares 5 labels but 6 labels were expected"), error.getMessage());
    }

    @Test
    void missingFileIsPlainIoError() {
        Path file = directory.resolve("absent");

        IOException error = assertThrows(IOException.class, () -> IdxReader.readImages(file, "small"));

        assertEquals(false, error instanceof CorruptDataException);
    }
}
