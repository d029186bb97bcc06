package org.ganbench.datasets;

import java.io.IOException;
import java.nio.file.Path;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.MatlabType;
import us.hebi.matlab.mat.types.Matrix;

/**
 * A small file in the layout of {@code TFD_48x48.mat}, written with mfl-core. Tests change the public fields to
 * damage it before calling {@link #write}.
 *
 * <p>Images 0 and 1 are unlabelled in every fold. Images 2 to 11 are labelled: with {@code j = n - 2}, image n
 * is a test image of fold {@code j mod 5}, a validation image of fold {@code (j - 1) mod 5}, and a training
 * image of the other three folds. So every fold has 6 training, 2 validation and 2 test images.
 */
final class TfdFixture {

    static final int COUNT = 12;
    static final int UNLABELLED = 2;

    int size = TfdReader.SIZE;
    MatlabType imageType = MatlabType.UInt8;
    boolean withFolds = true;
    int[][] folds = defaultFolds();
    int[] expressions = defaultExpressions();

    /** Returns the byte stored for pixel (row r, column c) of image n, asymmetric in r and c. */
    static int pixelByte(int n, int r, int c) {
        return (n * 20 + r * 4 + c) % 256;
    }

    static int identity(int n) {
        return 100 + n;
    }

    static int[][] defaultFolds() {
        int[][] roles = new int[COUNT][TfdFold.COUNT];
        for (int n = UNLABELLED; n < COUNT; n++) {
            int j = n - UNLABELLED;
            for (int k = 0; k < TfdFold.COUNT; k++) {
                if (j % TfdFold.COUNT == k) {
                    roles[n][k] = TfdData.TEST;
                } else if (j % TfdFold.COUNT == (k + 1) % TfdFold.COUNT) {
                    roles[n][k] = TfdData.VALIDATION;
                } else {
                    roles[n][k] = TfdData.TRAIN;
                }
            }
        }
        return roles;
    }

    /** Returns expressions 1-7 for labelled images and -1 for the unlabelled ones. */
    static int[] defaultExpressions() {
        int[] expressions = new int[COUNT];
        for (int n = 0; n < COUNT; n++) {
            expressions[n] = n < UNLABELLED ? -1 : n % TfdData.EXPRESSIONS + 1;
        }
        return expressions;
    }

    /** Writes the variables, labels and folds as double, which MAT-files often use for integer data. */
    Path write(Path file) throws IOException {
        MatFile mat = Mat5.newMatFile().addArray("images", images());
        if (withFolds) {
            Matrix roles = Mat5.newMatrix(COUNT, TfdFold.COUNT);
            for (int n = 0; n < COUNT; n++) {
                for (int k = 0; k < TfdFold.COUNT; k++) {
                    roles.setDouble(n + COUNT * k, folds[n][k]);
                }
            }
            mat.addArray("folds", roles);
        }

        Matrix expressionColumn = Mat5.newMatrix(expressions.length, 1);
        for (int n = 0; n < expressions.length; n++) {
            expressionColumn.setDouble(n, expressions[n]);
        }
        Matrix identityColumn = Mat5.newMatrix(COUNT, 1);
        for (int n = 0; n < COUNT; n++) {
            identityColumn.setDouble(n, identity(n));
        }
        mat.addArray("labs_ex", expressionColumn).addArray("labs_id", identityColumn);

        Mat5.writeToFile(mat, file.toFile());
        return file;
    }

    /**
     * Builds the N x size x size array with explicit column-major linear indices, {@code n + N * (r + size * c)},
     * so that the test pins MATLAB's layout rather than trusting the same library call as the reader.
     */
    private Matrix images() {
        Matrix images = Mat5.newMatrix(new int[] {COUNT, size, size}, imageType);
        for (int n = 0; n < COUNT; n++) {
            for (int r = 0; r < size; r++) {
                for (int c = 0; c < size; c++) {
                    images.setInt(n + COUNT * (r + size * c), pixelByte(n, r, c));
                }
            }
        }
        return images;
    }
}
