package org.ganbench.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.MatlabType;
import us.hebi.matlab.mat.types.Matrix;

/** The Frey face reader on files written with mfl-core, and on the real file when it is present. */
class FreyFacesReaderTest {

    private static final int FRAME_PIXELS = FreyFacesReader.ROWS * FreyFacesReader.COLS;

    @TempDir
    Path temporary;

    /** Returns the byte of pixel (r, c) of frame i in the written files, asymmetric in r and c. */
    private static int pixelByte(int i, int r, int c) {
        return (i + r * 7 + c) % 256;
    }

    /**
     * Writes {@code frames} columns of 560 values under the given variable name. Element (r * 20 + c, i) has the
     * column-major linear index {@code r * 20 + c + 560 * i}.
     */
    private Path writeFile(String variable, int rows, int frames, MatlabType type) throws IOException {
        Matrix matrix = Mat5.newMatrix(rows, frames, type);
        for (int i = 0; i < frames; i++) {
            for (int position = 0; position < Math.min(rows, FRAME_PIXELS); position++) {
                int r = position / FreyFacesReader.COLS;
                int c = position % FreyFacesReader.COLS;
                matrix.setInt(position + rows * i, pixelByte(i, r, c));
            }
        }
        Path file = temporary.resolve("frey_rawface.mat");
        Mat5.writeToFile(Mat5.newMatFile().addArray(variable, matrix), file.toFile());
        return file;
    }

    private Path writeValidFile() throws IOException {
        return writeFile("ff", FRAME_PIXELS, FreyFacesReader.FRAMES, MatlabType.UInt8);
    }

    @Test
    void readShapeAndOrder() throws IOException {
        ImageSet frames = FreyFacesReader.read(writeValidFile());

        assertEquals(FreyFacesReader.FRAMES, frames.count());
        assertEquals(28, frames.rows());
        assertEquals(20, frames.cols());
        assertFalse(frames.hasLabels());
        assertEquals("frey", frames.name());
    }

    @Test
    void readPixelOrientation() throws IOException {
        ImageSet frames = FreyFacesReader.read(writeValidFile());

        float[] frame = frames.image(3);
        assertEquals(pixelByte(3, 1, 0) / 255f, frame[FreyFacesReader.COLS]);
        assertEquals(pixelByte(3, 0, 1) / 255f, frame[1]);
        assertEquals(pixelByte(3, 27, 19) / 255f, frame[FRAME_PIXELS - 1]);
        assertEquals(pixelByte(1964, 12, 5) / 255f, frames.image(1964)[12 * FreyFacesReader.COLS + 5]);
    }

    @Test
    void missingVariableRejected() throws IOException {
        Path file = writeFile("faces", FRAME_PIXELS, FreyFacesReader.FRAMES, MatlabType.UInt8);

        CorruptDataException error = assertThrows(CorruptDataException.class, () -> FreyFacesReader.read(file));

        assertTrue(error.getMessage().startsWith(file.toString()), error.getMessage());
        assertTrue(error.getMessage().contains("missing variable 'ff' (the file contains [faces])"), error.getMessage());
    }

    @Test
    void wrongFrameCountRejected() throws IOException {
        Path file = writeFile("ff", FRAME_PIXELS, 100, MatlabType.UInt8);

        CorruptDataException error = assertThrows(CorruptDataException.class, () -> FreyFacesReader.read(file));

        assertTrue(error.getMessage().contains("variable 'ff' is 560 x 100 but 560 x 1965 was expected"),
                error.getMessage());
    }

    @Test
    void wrongFrameSizeRejected() throws IOException {
        Path file = writeFile("ff", 28 * 28, FreyFacesReader.FRAMES, MatlabType.UInt8);

        CorruptDataException error = assertThrows(CorruptDataException.class, () -> FreyFacesReader.read(file));

        assertTrue(error.getMessage().contains("variable 'ff' is 784 x 1965"), error.getMessage());
    }

    @Test
    void nonUint8Rejected() throws IOException {
        Path file = writeFile("ff", FRAME_PIXELS, FreyFacesReader.FRAMES, MatlabType.Int16);

        CorruptDataException error = assertThrows(CorruptDataException.class, () -> FreyFacesReader.read(file));

        assertTrue(error.getMessage().contains("has type int16 but uint8 was expected"), error.getMessage());
    }

    @Test
    void notMatFileRejected() throws IOException {
        Path file = Files.writeString(temporary.resolve("frey_rawface.mat"), "P5 not a MAT-file at all, but long enough "
                + "to hold the 128-byte header that every MATLAB 5 MAT-file starts with .........................");

        CorruptDataException error = assertThrows(CorruptDataException.class, () -> FreyFacesReader.read(file));

        assertTrue(error.getMessage().contains("not a valid MATLAB 5 MAT-file"), error.getMessage());
    }

    @Test
    void realFileFirstPixel() throws IOException {
        Path file = SharedData.path("faces/frey/frey_rawface.mat");
        assumeTrue(Files.isRegularFile(file), "the Frey face file " + file + " is absent, so the real data is not tested");

        ImageSet frames = FreyFacesReader.read(file);

        assertEquals(FreyFacesReader.FRAMES, frames.count());
        // The first two stored bytes of ff are 81 and 136 (0x51, 0x88), pixels (0, 0) and (0, 1) of frame 0.
        assertEquals(81 / 255f, frames.image(0)[0]);
        assertEquals(136 / 255f, frames.image(0)[1]);
    }
}
