package org.ganbench.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import us.hebi.matlab.mat.types.MatlabType;

/** The TFD reader on small files written in the layout of {@code TFD_48x48.mat}. */
class TfdReaderTest {

    private static final int SIZE = TfdReader.SIZE;

    @TempDir
    Path temporary;

    private Path file() {
        return temporary.resolve("TFD_48x48.mat");
    }

    private TfdData readFixture() throws IOException {
        return TfdReader.read(new TfdFixture().write(file()));
    }

    private CorruptDataException readDamaged(TfdFixture fixture) throws IOException {
        Path written = fixture.write(file());
        return assertThrows(CorruptDataException.class, () -> TfdReader.read(written));
    }

    private static void assertMentions(Exception error, String... parts) {
        for (String part : parts) {
            assertTrue(error.getMessage().contains(part), error.getMessage());
        }
    }

    @Test
    void readOrientationRowMajor() throws IOException {
        ImageSet images = readFixture().images();

        assertEquals(TfdFixture.COUNT, images.count());
        assertEquals(SIZE, images.rows());
        assertEquals(SIZE, images.cols());
        float[] face = images.image(5);
        assertEquals(TfdFixture.pixelByte(5, 1, 0) / 255f, face[SIZE]);
        assertEquals(TfdFixture.pixelByte(5, 0, 1) / 255f, face[1]);
        assertEquals(TfdFixture.pixelByte(5, 47, 2) / 255f, face[47 * SIZE + 2]);
        assertEquals(TfdFixture.pixelByte(11, 30, 45) / 255f, images.image(11)[30 * SIZE + 45]);
    }

    @Test
    void readEveryPixel() throws IOException {
        ImageSet images = readFixture().images();

        for (int n = 0; n < TfdFixture.COUNT; n++) {
            float[] face = images.image(n);
            for (int r = 0; r < SIZE; r++) {
                for (int c = 0; c < SIZE; c++) {
                    if (face[r * SIZE + c] != TfdFixture.pixelByte(n, r, c) / 255f) {
                        assertEquals(TfdFixture.pixelByte(n, r, c) / 255f, face[r * SIZE + c],
                                "image " + n + " row " + r + " column " + c);
                    }
                }
            }
        }
    }

    @Test
    void readFoldsAndLabels() throws IOException {
        TfdData data = readFixture();

        assertTrue(Arrays.deepEquals(TfdFixture.defaultFolds(), data.folds()));
        assertArrayEquals(TfdFixture.defaultExpressions(), data.expressionLabels());
        assertEquals(TfdFixture.identity(7), data.identityLabels()[7]);
        assertFalse(data.images().hasLabels());
    }

    @Test
    void foldSplitsByRole() throws IOException {
        TfdData data = readFixture();

        TfdFold fold = data.fold(2);

        assertEquals(2, fold.index());
        assertEquals(6, fold.train().count());
        assertEquals(2, fold.validation().count());
        assertEquals(2, fold.test().count());
        // Fold 2 tests on images with (n - 2) mod 5 == 2, that is images 4 and 9, in file order.
        assertArrayEquals(data.images().image(4), fold.test().image(0));
        assertArrayEquals(data.images().image(9), fold.test().image(1));
        assertEquals(TfdFixture.defaultExpressions()[4] - 1, fold.test().label(0));
        assertEquals("tfd-fold2-validation", fold.validation().name());
    }

    @Test
    void foldLabelsZeroBased() throws IOException {
        TfdFold fold = readFixture().fold(0);

        for (ImageSet split : new ImageSet[] {fold.train(), fold.validation(), fold.test()}) {
            for (int label : split.labels()) {
                assertTrue(label >= 0, split.name() + " label " + label);
                assertTrue(label < TfdData.EXPRESSIONS, split.name() + " label " + label);
            }
        }
    }

    @Test
    void foldsPartitionLabelledImages() throws IOException {
        TfdData data = readFixture();

        for (int k = 0; k < TfdFold.COUNT; k++) {
            TfdFold fold = data.fold(k);
            int labelled = fold.train().count() + fold.validation().count() + fold.test().count();
            assertEquals(TfdFixture.COUNT - TfdFixture.UNLABELLED, labelled, "fold " + k);
        }
    }

    @Test
    void unlabelledSetHasNoLabels() throws IOException {
        TfdData data = readFixture();

        ImageSet unlabelled = data.unlabelled(3);

        assertEquals(TfdFixture.UNLABELLED, unlabelled.count());
        assertFalse(unlabelled.hasLabels());
        assertArrayEquals(data.images().image(1), unlabelled.image(1));
    }

    @Test
    void foldOutsideRangeRejected() throws IOException {
        TfdData data = readFixture();

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> data.fold(5));

        assertMentions(error, "Fold 5 does not exist");
    }

    @Test
    void accessorsReturnCopies() throws IOException {
        TfdData data = readFixture();

        data.folds()[0][0] = TfdData.TEST;
        data.expressionLabels()[3] = 99;

        assertEquals(TfdData.UNLABELLED, data.folds()[0][0]);
        assertNotEquals(99, data.expressionLabels()[3]);
    }

    @Test
    void truncatedFileRejected() throws IOException {
        Path written = new TfdFixture().write(file());
        byte[] content = Files.readAllBytes(written);
        Files.write(written, Arrays.copyOf(content, content.length / 2));

        CorruptDataException error = assertThrows(CorruptDataException.class, () -> TfdReader.read(written));

        assertMentions(error, written.toString(), "not a valid MATLAB 5 MAT-file or truncated");
    }

    @Test
    void missingFoldsRejected() throws IOException {
        TfdFixture fixture = new TfdFixture();
        fixture.withFolds = false;

        CorruptDataException error = readDamaged(fixture);

        assertMentions(error, "missing variable 'folds'", "[images, labs_ex, labs_id]");
    }

    @Test
    void wrongImageSizeRejected() throws IOException {
        TfdFixture fixture = new TfdFixture();
        fixture.size = 32;

        CorruptDataException error = readDamaged(fixture);

        assertMentions(error, "variable 'images' is 12 x 32 x 32 but any x 48 x 48 was expected");
    }

    @Test
    void nonUint8ImagesRejected() throws IOException {
        TfdFixture fixture = new TfdFixture();
        fixture.imageType = MatlabType.Double;

        CorruptDataException error = readDamaged(fixture);

        assertMentions(error, "variable 'images' has type double but uint8 was expected");
    }

    @Test
    void foldRoleOutOfRangeRejected() throws IOException {
        TfdFixture fixture = new TfdFixture();
        fixture.folds[6][3] = 4;

        CorruptDataException error = readDamaged(fixture);

        assertMentions(error, "folds(7, 4) (1-based, as in MATLAB) is 4, outside 0-3");
    }

    @Test
    void negativeFoldRoleRejected() throws IOException {
        TfdFixture fixture = new TfdFixture();
        fixture.folds[0][0] = -1;

        CorruptDataException error = readDamaged(fixture);

        assertMentions(error, "folds(1, 1) (1-based, as in MATLAB) is -1");
    }

    @Test
    void labelledImageWithoutExpressionRejected() throws IOException {
        TfdFixture fixture = new TfdFixture();
        fixture.expressions[4] = 0;

        CorruptDataException error = readDamaged(fixture);

        assertMentions(error, "labs_ex(5) (1-based, as in MATLAB) is 0");
    }

    @Test
    void foldWithoutTestImagesRejected() throws IOException {
        TfdFixture fixture = new TfdFixture();
        for (int[] roles : fixture.folds) {
            if (roles[1] == TfdData.TEST) {
                roles[1] = TfdData.TRAIN;
            }
        }

        CorruptDataException error = readDamaged(fixture);

        assertMentions(error, "fold 1 has no image with role 3");
    }

    @Test
    void labelCountMismatchRejected() throws IOException {
        TfdFixture fixture = new TfdFixture();
        fixture.expressions = Arrays.copyOf(fixture.expressions, TfdFixture.COUNT - 1);

        CorruptDataException error = readDamaged(fixture);

        assertMentions(error, "variable 'labs_ex' is 11 x 1 but a vector of 12 values");
    }

    @Test
    void missingFileRejected() {
        Path absent = temporary.resolve("absent.mat");

        assertThrows(NoSuchFileException.class, () -> TfdReader.read(absent));
    }
}
