package org.ganbench.datasets;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Contents of the Toronto Face Database file {@code TFD_48x48.mat}: all faces, the five official folds and the
 * expression and identity labels, indexed by image.
 *
 * <p>In each fold an image is unlabelled (0), training (1), validation (2) or test (3), the coding of the file
 * and of pylearn2's {@code TFD} class. {@link #fold(int)} gathers the labelled sets of a fold with 0-based
 * expression labels, and {@link #unlabelled(int)} the unlabelled images, on which Goodfellow et al. (2014)
 * trained their TFD model.
 *
 * @param images all faces, 48x48 pixels in [0, 1], without labels
 * @param folds {@code folds[n][k]} is the role of image n in fold k, 0 to 3
 * @param expressionLabels expression of each image as stored in the file: 1 to 7 for images that are labelled
 *     in some fold, any value for the others
 * @param identityLabels identity of each image as stored in the file
 */
public record TfdData(ImageSet images, int[][] folds, int[] expressionLabels, int[] identityLabels) {

    /** Fold role of an image that only the unlabelled set uses. */
    public static final int UNLABELLED = 0;

    /** Fold role of a training image. */
    public static final int TRAIN = 1;

    /** Fold role of a validation image. */
    public static final int VALIDATION = 2;

    /** Fold role of a test image. */
    public static final int TEST = 3;

    /** Number of expression classes: anger, disgust, fear, happiness, sadness, surprise and neutral. */
    public static final int EXPRESSIONS = 7;

    /**
     * Validates and deeply copies the arrays.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if a per-image array does not have one entry per image, a fold role is
     *     outside 0-3, a labelled image has an expression outside 1-7, or a fold has no training, validation or
     *     test image
     */
    public TfdData {
        Objects.requireNonNull(images, "images");
        Objects.requireNonNull(folds, "folds");
        Objects.requireNonNull(expressionLabels, "expressionLabels");
        Objects.requireNonNull(identityLabels, "identityLabels");
        String problem = findProblem(images.count(), folds, expressionLabels, identityLabels);
        if (problem != null) {
            throw new IllegalArgumentException("TfdData: " + problem);
        }

        folds = deepCopy(folds);
        expressionLabels = expressionLabels.clone();
        identityLabels = identityLabels.clone();
    }

    /**
     * Gathers the training, validation and test sets of one fold, each in file order.
     *
     * @param k fold number, 0 to 4
     * @return the sets, labelled with the expression minus 1, so 0 to 6
     * @throws IllegalArgumentException if {@code k} is outside [0, 5)
     */
    public TfdFold fold(int k) {
        TfdFold.requireIndex(k);
        return new TfdFold(k, labelledSet(k, TRAIN, "train"), labelledSet(k, VALIDATION, "validation"),
                labelledSet(k, TEST, "test"));
    }

    /**
     * Gathers the unlabelled images of one fold, in file order.
     *
     * @param k fold number, 0 to 4
     * @return the images whose role in fold k is {@link #UNLABELLED}, without labels
     * @throws IllegalArgumentException if {@code k} is outside [0, 5)
     * @throws IllegalStateException if the fold has no unlabelled image
     */
    public ImageSet unlabelled(int k) {
        TfdFold.requireIndex(k);
        int[] indices = indicesWithRole(k, UNLABELLED);
        if (indices.length == 0) {
            throw new IllegalStateException("TFD fold " + k + " has no unlabelled images. Use fold(" + k + ") instead.");
        }
        return Subsets.select(images, "tfd-fold" + k + "-unlabelled", indices, null);
    }

    /**
     * Returns a copy of the fold roles.
     *
     * @return a new array of {@code images.count()} rows of 5 roles
     */
    @Override
    public int[][] folds() {
        return deepCopy(folds);
    }

    /**
     * Returns a copy of the expression labels as stored in the file, 1-based.
     *
     * @return a new array with one value per image
     */
    @Override
    public int[] expressionLabels() {
        return expressionLabels.clone();
    }

    /**
     * Returns a copy of the identity labels as stored in the file.
     *
     * @return a new array with one value per image
     */
    @Override
    public int[] identityLabels() {
        return identityLabels.clone();
    }

    /** Compares the images and array contents, unlike the array identity a record would compare. */
    @Override
    public boolean equals(Object other) {
        return other instanceof TfdData that
                && images.equals(that.images)
                && Arrays.deepEquals(folds, that.folds)
                && Arrays.equals(expressionLabels, that.expressionLabels)
                && Arrays.equals(identityLabels, that.identityLabels);
    }

    @Override
    public int hashCode() {
        int result = images.hashCode();
        result = 31 * result + Arrays.deepHashCode(folds);
        result = 31 * result + Arrays.hashCode(expressionLabels);
        return 31 * result + Arrays.hashCode(identityLabels);
    }

    /** Summarizes the data without its arrays. */
    @Override
    public String toString() {
        return "TfdData[images=" + images + ", folds=" + TfdFold.COUNT + "]";
    }

    /**
     * Describes the first inconsistency of the arrays, so that the reader can report it with the file name.
     *
     * @return null if the arrays are consistent, else a sentence naming the bad value
     */
    static String findProblem(int count, int[][] folds, int[] expressionLabels, int[] identityLabels) {
        if (folds.length != count || expressionLabels.length != count || identityLabels.length != count) {
            return String.format("%d images but %d fold rows, %d expression labels and %d identity labels. "
                            + "Every per-image array needs one entry per image.",
                    count, folds.length, expressionLabels.length, identityLabels.length);
        }

        for (int n = 0; n < count; n++) {
            String problem = findRowProblem(n, folds[n], expressionLabels[n]);
            if (problem != null) {
                return problem;
            }
        }

        for (int k = 0; k < TfdFold.COUNT; k++) {
            for (int role = TRAIN; role <= TEST; role++) {
                final int fold = k;
                final int required = role;
                if (Arrays.stream(folds).noneMatch(roles -> roles[fold] == required)) {
                    return String.format("fold %d has no image with role %d (1 = train, 2 = valid, 3 = test).", k, role);
                }
            }
        }
        return null;
    }

    private static String findRowProblem(int n, int[] roles, int expression) {
        if (roles == null || roles.length != TfdFold.COUNT) {
            return String.format("image %d (1-based) has %s fold roles but TFD defines %d folds.",
                    n + 1, roles == null ? "no" : Integer.toString(roles.length), TfdFold.COUNT);
        }

        boolean labelled = false;
        for (int k = 0; k < TfdFold.COUNT; k++) {
            if (roles[k] < UNLABELLED || roles[k] > TEST) {
                return String.format("folds(%d, %d) (1-based, as in MATLAB) is %d, outside 0-3 "
                        + "(0 = unlabelled, 1 = train, 2 = valid, 3 = test).", n + 1, k + 1, roles[k]);
            }
            labelled |= roles[k] != UNLABELLED;
        }
        if (labelled && (expression < 1 || expression > EXPRESSIONS)) {
            return String.format("labs_ex(%d) (1-based, as in MATLAB) is %d, but that image is labelled in some fold "
                    + "and expressions are 1-%d.", n + 1, expression, EXPRESSIONS);
        }
        return null;
    }

    private ImageSet labelledSet(int k, int role, String split) {
        int[] indices = indicesWithRole(k, role);
        int[] labels = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            // pylearn2 also subtracts 1, so class 0 is the file's expression 1.
            labels[i] = expressionLabels[indices[i]] - 1;
        }
        return Subsets.select(images, "tfd-fold" + k + "-" + split, indices, labels);
    }

    private int[] indicesWithRole(int k, int role) {
        return IntStream.range(0, folds.length).filter(n -> folds[n][k] == role).toArray();
    }

    private static int[][] deepCopy(int[][] rows) {
        int[][] copy = new int[rows.length][];
        for (int n = 0; n < rows.length; n++) {
            copy[n] = rows[n].clone();
        }
        return copy;
    }
}
