package org.ganbench.datasets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.format.Mat5File;
import us.hebi.matlab.mat.types.Array;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.MatlabType;
import us.hebi.matlab.mat.types.Matrix;

/**
 * Access to the variables of a MATLAB 5 MAT-file through mfl-core, with errors that name the file.
 *
 * <p>mfl-core indexes an N-dimensional array as MATLAB stores it, column-major: element {@code (i0, i1, i2)}
 * of an array with dimensions {@code (d0, d1, d2)} has the linear index {@code i0 + d0 * (i1 + d1 * i2)}.
 */
final class MatFiles {

    private MatFiles() {
    }

    /**
     * Reads a whole MAT-file into memory.
     *
     * @param file a MATLAB 5 MAT-file, with or without compressed variables
     * @param fix what the user should do when the file is damaged, for example "Copy the file again."
     * @return the parsed file, to be closed by the caller
     * @throws NoSuchFileException if the file does not exist
     * @throws CorruptDataException if the file is not a valid MAT-file or is truncated
     * @throws IOException if the file cannot be read
     */
    static Mat5File open(Path file, String fix) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "not found or not a regular file. Check the path.");
        }
        try {
            return Mat5.readFromFile(file.toFile());
        } catch (IOException | RuntimeException e) {
            // mfl-core wraps both a short read (EOFException) and a bad header (IllegalArgumentException) in an
            // IOException, and may raise unchecked exceptions on inconsistent tags, so either means damage.
            throw new CorruptDataException(file, "not a valid MATLAB 5 MAT-file or truncated ("
                    + Failures.describe(e) + "). " + fix, e);
        }
    }

    /**
     * Returns a numeric variable.
     *
     * @throws CorruptDataException if the file has no variable of that name, or it is not a numeric matrix
     */
    static Matrix requireMatrix(MatFile mat, Path file, String variable, String fix) throws CorruptDataException {
        List<String> names = new ArrayList<>();
        for (MatFile.Entry entry : mat.getEntries()) {
            names.add(entry.getName());
            if (!entry.getName().equals(variable)) {
                continue;
            }
            if (entry.getValue() instanceof Matrix matrix && !matrix.isComplex()) {
                return matrix;
            }
            throw new CorruptDataException(file, String.format(
                    "variable '%s' is a %s %s, not a real numeric array. %s",
                    variable, describeDimensions(entry.getValue()), entry.getValue().getType(), fix));
        }
        throw new CorruptDataException(file, String.format(
                "missing variable '%s' (the file contains %s). %s", variable, names.isEmpty() ? "no variables" : names, fix));
    }

    /**
     * Checks the element type of a variable.
     *
     * @throws CorruptDataException if the type differs
     */
    static void requireType(Matrix matrix, MatlabType expected, Path file, String variable, String fix)
            throws CorruptDataException {
        if (matrix.getType() != expected) {
            throw new CorruptDataException(file, String.format(
                    "variable '%s' has type %s but %s was expected. %s", variable, matrix.getType(), expected, fix));
        }
    }

    /**
     * Checks the dimensions of a variable. MATLAB drops trailing singleton dimensions, so they are ignored
     * on both sides.
     *
     * @param expected the dimensions, or {@link ExpectedShape#ANY} for a size that is not checked
     * @throws CorruptDataException if the dimensions differ
     */
    static void requireDimensions(Matrix matrix, Path file, String variable, String fix, int... expected)
            throws CorruptDataException {
        int[] actual = withoutTrailingOnes(matrix.getDimensions());
        int[] required = withoutTrailingOnes(expected);
        boolean matches = actual.length == required.length;
        for (int d = 0; matches && d < actual.length; d++) {
            matches = required[d] == ExpectedShape.ANY || required[d] == actual[d];
        }
        if (!matches) {
            throw new CorruptDataException(file, String.format("variable '%s' is %s but %s was expected. %s",
                    variable, describeDimensions(matrix), describe(required), fix));
        }
    }

    /**
     * Checks that a variable is a row or column vector of the given length.
     *
     * @throws CorruptDataException if it has another shape
     */
    static void requireVector(Matrix matrix, Path file, String variable, String fix, int length)
            throws CorruptDataException {
        int[] dimensions = withoutTrailingOnes(matrix.getDimensions());
        boolean vector = dimensions.length == 2 && (dimensions[0] == 1 || dimensions[1] == 1);
        if (!vector || matrix.getNumElements() != length) {
            throw new CorruptDataException(file, String.format(
                    "variable '%s' is %s but a vector of %d values (%d x 1 or 1 x %d) was expected. %s",
                    variable, describeDimensions(matrix), length, length, length, fix));
        }
    }

    /**
     * Reads a vector or matrix of whole numbers in storage order, whatever its numeric type. MAT-files often
     * store integer data such as labels as double.
     *
     * @throws CorruptDataException if a value is not a whole number in the int range
     */
    static int[] readIntegers(Matrix matrix, Path file, String variable, String fix) throws CorruptDataException {
        int[] values = new int[matrix.getNumElements()];
        for (int i = 0; i < values.length; i++) {
            double value = matrix.getDouble(i);
            if (value != Math.rint(value) || value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
                throw new CorruptDataException(file, String.format(
                        "variable '%s' element %d is %s, not a whole number. %s", variable, i, value, fix));
            }
            values[i] = (int) value;
        }
        return values;
    }

    /** Returns dimensions such as "12 x 48 x 48". */
    static String describeDimensions(Array array) {
        return describe(array.getDimensions());
    }

    private static String describe(int[] dimensions) {
        StringBuilder text = new StringBuilder();
        for (int size : dimensions) {
            if (text.length() > 0) {
                text.append(" x ");
            }
            text.append(size == ExpectedShape.ANY ? "any" : Integer.toString(size));
        }
        return text.toString();
    }

    /** Drops trailing dimensions of size 1 but keeps two, as MATLAB reports a column vector as N x 1. */
    private static int[] withoutTrailingOnes(int[] dimensions) {
        int length = dimensions.length;
        while (length > 2 && dimensions[length - 1] == 1) {
            length--;
        }
        return Arrays.copyOf(dimensions, length);
    }
}
