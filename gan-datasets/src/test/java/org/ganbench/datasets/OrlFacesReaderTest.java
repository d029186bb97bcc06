package org.ganbench.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ORL reader on a folder of 400 uniform PGM images, whose grey level encodes subject and image number, and
 * on the real database when it is present.
 */
class OrlFacesReaderTest {

    private static final int WIDTH = OrlFacesReader.SOURCE_WIDTH;
    private static final int HEIGHT = OrlFacesReader.SOURCE_HEIGHT;

    @TempDir
    Path temporary;

    /** Returns the grey level of every pixel of one written image. */
    private static int greyLevel(int subject, int image) {
        return (subject * 6 + image) % 256;
    }

    private static byte[] pgm(int width, int height, int maxValue, int grey) {
        byte[] header = ("P5\n# CREATOR: test\n" + width + " " + height + "\n" + maxValue + "\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] raster = new byte[width * height];
        Arrays.fill(raster, (byte) grey);
        return IdxFixtures.concat(header, raster);
    }

    /** Writes s1 to s40 with 1.pgm to 10.pgm each, and returns the root folder. */
    private Path writeDatabase() throws IOException {
        Path root = Files.createDirectory(temporary.resolve("orl"));
        for (int subject = 1; subject <= OrlFacesReader.SUBJECTS; subject++) {
            Path folder = Files.createDirectory(root.resolve("s" + subject));
            for (int image = 1; image <= OrlFacesReader.IMAGES_PER_SUBJECT; image++) {
                Files.write(folder.resolve(image + ".pgm"), pgm(WIDTH, HEIGHT, 255, greyLevel(subject, image)));
            }
        }
        return root;
    }

    @Test
    void readSizesAndLabels() throws IOException {
        ImageSet faces = OrlFacesReader.read(writeDatabase());

        assertEquals(400, faces.count());
        assertEquals(48, faces.rows());
        assertEquals(48, faces.cols());
        assertEquals(1, faces.label(0));
        assertEquals(2, faces.label(10));
        assertEquals(40, faces.label(399));
    }

    @Test
    void readOrderSubjectThenImage() throws IOException {
        ImageSet faces = OrlFacesReader.read(writeDatabase());

        // Index 13 is subject 2, image 4. A uniform image stays uniform under area averaging.
        float[] face = faces.image(13);
        float expected = greyLevel(2, 4) / 255f;
        for (float value : face) {
            if (Math.abs(value - expected) > 1e-6f) {
                assertEquals(expected, value, 1e-6f);
            }
        }
        assertEquals(expected, face[0], 1e-6f);
    }

    @Test
    void missingImageRejected() throws IOException {
        Path root = writeDatabase();
        Files.delete(root.resolve("s7").resolve("4.pgm"));

        CorruptDataException error = assertThrows(CorruptDataException.class, () -> OrlFacesReader.read(root));

        assertTrue(error.getMessage().startsWith(root.resolve("s7").toString()), error.getMessage());
        assertTrue(error.getMessage().contains("missing image 4.pgm"), error.getMessage());
    }

    @Test
    void missingSubjectRejected() throws IOException {
        Path root = writeDatabase();
        for (int image = 1; image <= OrlFacesReader.IMAGES_PER_SUBJECT; image++) {
            Files.delete(root.resolve("s40").resolve(image + ".pgm"));
        }
        Files.delete(root.resolve("s40"));

        CorruptDataException error = assertThrows(CorruptDataException.class, () -> OrlFacesReader.read(root));

        assertTrue(error.getMessage().contains("missing subject folder s40"), error.getMessage());
    }

    @Test
    void wrongImageSizeRejected() throws IOException {
        Path root = writeDatabase();
        Path file = root.resolve("s3").resolve("9.pgm");
        Files.write(file, pgm(64, 64, 255, 10));

        CorruptDataException error = assertThrows(CorruptDataException.class, () -> OrlFacesReader.read(root));

        assertTrue(error.getMessage().startsWith(file.toString()), error.getMessage());
        assertTrue(error.getMessage().contains("the image is 64 wide and 64 high but ORL images are 92 x 112"),
                error.getMessage());
    }

    @Test
    void truncatedImageRejected() throws IOException {
        Path root = writeDatabase();
        Path file = root.resolve("s1").resolve("1.pgm");
        byte[] content = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(content, content.length - 100));

        CorruptDataException error = assertThrows(CorruptDataException.class, () -> OrlFacesReader.read(root));

        assertTrue(error.getMessage().contains("truncated"), error.getMessage());
    }

    @Test
    void wrongMagicRejected() throws IOException {
        Path root = writeDatabase();
        Path file = root.resolve("s5").resolve("2.pgm");
        byte[] content = Files.readAllBytes(file);
        content[1] = '6';
        Files.write(file, content);

        CorruptDataException error = assertThrows(CorruptDataException.class, () -> OrlFacesReader.read(root));

        assertTrue(error.getMessage().contains("magic number is 'P6'"), error.getMessage());
    }

    @Test
    void sixteenBitImageRejected() throws IOException {
        Path root = writeDatabase();
        Files.write(root.resolve("s2").resolve("2.pgm"), pgm(WIDTH, HEIGHT * 2, 65535, 0));

        CorruptDataException error = assertThrows(CorruptDataException.class, () -> OrlFacesReader.read(root));

        assertTrue(error.getMessage().contains("maxval is 65535"), error.getMessage());
    }

    @Test
    void missingDirectoryRejected() {
        assertThrows(NoSuchFileException.class, () -> OrlFacesReader.read(temporary.resolve("absent")));
    }

    @Test
    void realDatabaseKeepsMeanIntensity() throws IOException {
        Path root = SharedData.path("faces/orl");
        assumeTrue(Files.isDirectory(root), "the ORL folder " + root + " is absent, so the real data is not tested");

        ImageSet faces = OrlFacesReader.read(root);
        float[] original = PgmReader.read(root.resolve("s1").resolve("1.pgm"), "unused").pixels();

        assertEquals(400, faces.count());
        // Area averaging preserves the mean intensity of an image up to rounding.
        assertEquals(mean(original), mean(faces.image(0)), 1e-5);
        assertEquals(40, faces.label(399));
    }

    private static double mean(float[] values) {
        double sum = 0;
        for (float value : values) {
            sum += value;
        }
        return sum / values.length;
    }
}
