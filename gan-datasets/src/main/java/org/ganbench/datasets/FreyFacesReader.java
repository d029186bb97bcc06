package org.ganbench.datasets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import us.hebi.matlab.mat.format.Mat5File;
import us.hebi.matlab.mat.types.MatlabType;
import us.hebi.matlab.mat.types.Matrix;

/**
 * Reader for Brendan Frey's face video, {@code frey_rawface.mat}: 1,965 grey frames of one face, 28 rows by
 * 20 columns, in recording order and without labels.
 *
 * <p>The MAT-file contains one variable {@code ff}, uint8, 560 x 1965. Column i is frame i stored row-major, so
 * pixel (r, c) of frame i is {@code ff(r * 20 + c, i)} (0-based). MATLAB stores the matrix column-major, so
 * each frame is a contiguous run of 560 bytes that is already in row-major order.
 */
public final class FreyFacesReader {

    /** Frame height in pixels. */
    public static final int ROWS = 28;

    /** Frame width in pixels. */
    public static final int COLS = 20;

    /** Number of frames in the file. */
    public static final int FRAMES = 1965;

    private static final Logger LOG = LoggerFactory.getLogger(FreyFacesReader.class);

    private static final String VARIABLE = "ff";
    private static final String FIX = "Pass the original frey_rawface.mat, or copy it again if it was damaged.";

    private FreyFacesReader() {
    }

    /**
     * Reads all frames of the Frey face video.
     *
     * @param file the file {@code frey_rawface.mat}
     * @return the 1,965 frames of 28x20 pixels, scaled from [0, 255] to [0, 1], in recording order, unlabelled
     * @throws java.nio.file.NoSuchFileException if the file does not exist
     * @throws CorruptDataException if the file is not a MAT-file, is truncated, lacks the variable {@code ff},
     *     or {@code ff} is not a 560 x 1965 uint8 matrix
     * @throws IOException if the file cannot be read
     */
    public static ImageSet read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        try (Mat5File mat = MatFiles.open(file, FIX)) {
            Matrix frames = MatFiles.requireMatrix(mat, file, VARIABLE, FIX);
            MatFiles.requireType(frames, MatlabType.UInt8, file, VARIABLE, FIX);
            MatFiles.requireDimensions(frames, file, VARIABLE, FIX, ROWS * COLS, FRAMES);

            float[] pixels = new float[FRAMES * ROWS * COLS];
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = (frames.getByte(i) & 0xFF) / Pixels.MAX_BYTE_VALUE;
            }

            LOG.info("Read {} Frey face frames of {}x{} from {}", FRAMES, ROWS, COLS, file);
            return new ImageSet("frey", ROWS, COLS, FRAMES, pixels, null);
        }
    }
}
