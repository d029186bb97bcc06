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
 * Reader for {@code TFD_48x48.mat}, the Toronto Face Database file that Goodfellow et al. (2014) used.
 *
 * <p>The file is a MATLAB 5 MAT-file with four variables: {@code images} (N x 48 x 48 uint8), {@code folds}
 * (N x 5, role of each image in each fold), {@code labs_ex} (expression, 1-based) and {@code labs_id}
 * (identity). The labels may have any numeric type but must hold whole numbers.
 *
 * <p>Orientation: element {@code images(n, r, c)} becomes pixel (row r, column c) of face n, where row 0 is
 * at the top. scipy's {@code loadmat} returns the same N x 48 x 48 array, and pylearn2's {@code TFD} class,
 * which the paper's code used, flattens each {@code images[n]} in C order and treats its axis 1 as the image
 * row (view axes {@code ('b', 0, 1, 'c')}). MATLAB stores the array column-major, so that element has the
 * linear index {@code n + N * (r + 48 * c)}.
 *
 * <p>TFD is distributed only under licence, so the user supplies the file.
 *
 * <p>NOTE: reading peaks at about 18.4 KB of heap per face plus the size of the file, estimated from the array
 * sizes, because the float pixels (9.2 KB per face) are briefly held twice while {@link ImageSet} copies them.
 */
public final class TfdReader {

    /** Height and width of a TFD face in pixels. */
    public static final int SIZE = 48;

    private static final Logger LOG = LoggerFactory.getLogger(TfdReader.class);

    private static final String FIX = "Pass the original TFD_48x48.mat, or copy it again if it was damaged.";

    private TfdReader() {
    }

    /**
     * Reads the faces, folds and labels of a TFD file.
     *
     * @param file the file {@code TFD_48x48.mat}
     * @return the faces with pixels scaled from [0, 255] to [0, 1], the folds and the labels
     * @throws java.nio.file.NoSuchFileException if the file does not exist
     * @throws CorruptDataException if the file is not a MAT-file, is truncated or lacks a variable. Also if
     *     the images are not N x 48 x 48 uint8, a fold role is outside 0-3, the labels do not match the images,
     *     or a fold has no training, validation or test image.
     * @throws IOException if the file cannot be read
     */
    public static TfdData read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        try (Mat5File mat = MatFiles.open(file, FIX)) {
            Matrix images = MatFiles.requireMatrix(mat, file, "images", FIX);
            Matrix folds = MatFiles.requireMatrix(mat, file, "folds", FIX);
            Matrix expressions = MatFiles.requireMatrix(mat, file, "labs_ex", FIX);
            Matrix identities = MatFiles.requireMatrix(mat, file, "labs_id", FIX);

            MatFiles.requireType(images, MatlabType.UInt8, file, "images", FIX);
            MatFiles.requireDimensions(images, file, "images", FIX, ExpectedShape.ANY, SIZE, SIZE);
            int count = images.getDimensions()[0];
            MatFiles.requireDimensions(folds, file, "folds", FIX, count, TfdFold.COUNT);
            MatFiles.requireVector(expressions, file, "labs_ex", FIX, count);
            MatFiles.requireVector(identities, file, "labs_id", FIX, count);

            int[][] roles = readRoles(folds, file, count);
            int[] expressionLabels = MatFiles.readIntegers(expressions, file, "labs_ex", FIX);
            int[] identityLabels = MatFiles.readIntegers(identities, file, "labs_id", FIX);
            String problem = TfdData.findProblem(count, roles, expressionLabels, identityLabels);
            if (problem != null) {
                throw new CorruptDataException(file, problem + " " + FIX);
            }

            ImageSet faces = new ImageSet("tfd", SIZE, SIZE, count, readFaces(images, count), null);
            LOG.info("Read {} TFD faces of {}x{} from {}", count, SIZE, SIZE, file);
            return new TfdData(faces, roles, expressionLabels, identityLabels);
        }
    }

    /** Converts the column-major N x 48 x 48 array into row-major faces, one after another. */
    private static float[] readFaces(Matrix images, int count) {
        int facePixels = SIZE * SIZE;
        float[] pixels = new float[count * facePixels];
        int linear = 0;
        // Loop in storage order, so that the innermost index n is the one MATLAB varies fastest.
        for (int c = 0; c < SIZE; c++) {
            for (int r = 0; r < SIZE; r++) {
                for (int n = 0; n < count; n++) {
                    pixels[n * facePixels + r * SIZE + c] = (images.getByte(linear++) & 0xFF) / Pixels.MAX_BYTE_VALUE;
                }
            }
        }
        return pixels;
    }

    /** Reads the N x 5 fold matrix, whose element (n, k) has the linear index {@code n + N * k}. */
    private static int[][] readRoles(Matrix folds, Path file, int count) throws CorruptDataException {
        int[] values = MatFiles.readIntegers(folds, file, "folds", FIX);
        int[][] roles = new int[count][TfdFold.COUNT];
        for (int k = 0; k < TfdFold.COUNT; k++) {
            for (int n = 0; n < count; n++) {
                roles[n][k] = values[n + count * k];
            }
        }
        return roles;
    }
}
