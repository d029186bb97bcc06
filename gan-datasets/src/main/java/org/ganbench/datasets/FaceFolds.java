package org.ganbench.datasets;

import java.util.Objects;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * Five folds of the TFD protocol for the face sets that stand in for the Toronto Face Database. Both keep
 * images that nearly duplicate each other on one side of each split.
 *
 * <ul>
 *   <li>ORL is split by subject, so no person appears in two sets of a fold. Fold k tests on subjects
 *       {@code 8k+1} to {@code 8k+8}, validates on the first four subjects of the next fold's test block
 *       ({@code 8k'+1} to {@code 8k'+4} with {@code k' = (k+1) mod 5}), and trains on the other 28 subjects:
 *       280 training, 40 validation and 80 test images.</li>
 *   <li>Frey's frames come from one video, so neighbouring frames are nearly equal and a random split would
 *       leak test frames into training. The frames are cut into five contiguous blocks (393 frames each for
 *       the 1,965 frames). Fold k tests on block k, validates on the first half, rounded up, of block
 *       {@code (k+1) mod 5}, and trains on the remaining frames: 1,375 training, 197 validation and 393 test
 *       frames.</li>
 * </ul>
 *
 * <p>Every set keeps the order of the input set.
 */
public final class FaceFolds {

    private static final int TEST_SUBJECTS = OrlFacesReader.SUBJECTS / TfdFold.COUNT;
    private static final int VALIDATION_SUBJECTS = TEST_SUBJECTS / 2;

    private FaceFolds() {
    }

    /**
     * Splits the ORL faces by subject.
     *
     * @param faces the set from {@link OrlFacesReader#read}, labelled with subject numbers 1 to 40
     * @param fold fold number, 0 to 4
     * @return the fold, with sets named {@code orl-fold<k>-train}, {@code -validation} and {@code -test} that
     *     keep the subject labels
     * @throws IllegalArgumentException if {@code fold} is outside [0, 5), or the set is unlabelled or has a
     *     label outside 1-40
     */
    public static TfdFold orl(ImageSet faces, int fold) {
        Objects.requireNonNull(faces, "faces");
        TfdFold.requireIndex(fold);
        requireSubjectLabels(faces);

        int firstTest = fold * TEST_SUBJECTS + 1;
        int firstValidation = (fold + 1) % TfdFold.COUNT * TEST_SUBJECTS + 1;
        IntPredicate test = subject -> subject >= firstTest && subject < firstTest + TEST_SUBJECTS;
        IntPredicate validation = subject -> subject >= firstValidation && subject < firstValidation + VALIDATION_SUBJECTS;
        IntPredicate train = test.or(validation).negate();

        String prefix = "orl-fold" + fold + "-";
        return new TfdFold(fold,
                Subsets.selectLabelled(faces, prefix + "train", imagesOfSubjects(faces, train)),
                Subsets.selectLabelled(faces, prefix + "validation", imagesOfSubjects(faces, validation)),
                Subsets.selectLabelled(faces, prefix + "test", imagesOfSubjects(faces, test)));
    }

    /**
     * Splits the Frey frames into contiguous blocks.
     *
     * @param frames the set from {@link FreyFacesReader#read}, in recording order, at least 10 frames
     * @param fold fold number, 0 to 4
     * @return the fold, with unlabelled sets named {@code frey-fold<k>-train}, {@code -validation} and
     *     {@code -test}
     * @throws IllegalArgumentException if {@code fold} is outside [0, 5) or the set has fewer than 10 frames
     */
    public static TfdFold frey(ImageSet frames, int fold) {
        Objects.requireNonNull(frames, "frames");
        TfdFold.requireIndex(fold);
        int minimum = 2 * TfdFold.COUNT;
        if (frames.count() < minimum) {
            throw new IllegalArgumentException(String.format(
                    "FaceFolds.frey: %s has %d frames but five blocks with a validation half need at least %d. "
                            + "Pass the whole video.", frames.name(), frames.count(), minimum));
        }

        int testStart = blockStart(frames.count(), fold);
        int testEnd = blockStart(frames.count(), fold + 1);
        int next = (fold + 1) % TfdFold.COUNT;
        int validationStart = blockStart(frames.count(), next);
        int nextLength = blockStart(frames.count(), next + 1) - validationStart;
        int validationEnd = validationStart + (nextLength + 1) / 2;

        int[] test = IntStream.range(testStart, testEnd).toArray();
        int[] validation = IntStream.range(validationStart, validationEnd).toArray();
        int[] train = IntStream.range(0, frames.count())
                .filter(i -> (i < testStart || i >= testEnd) && (i < validationStart || i >= validationEnd))
                .toArray();

        String prefix = "frey-fold" + fold + "-";
        return new TfdFold(fold,
                Subsets.select(frames, prefix + "train", train, null),
                Subsets.select(frames, prefix + "validation", validation, null),
                Subsets.select(frames, prefix + "test", test, null));
    }

    /** Returns the first frame of block b of five, so that block sizes differ by at most one. */
    private static int blockStart(int count, int block) {
        return (int) ((long) block * count / TfdFold.COUNT);
    }

    private static int[] imagesOfSubjects(ImageSet faces, IntPredicate subjects) {
        return IntStream.range(0, faces.count()).filter(i -> subjects.test(faces.label(i))).toArray();
    }

    private static void requireSubjectLabels(ImageSet faces) {
        if (!faces.hasLabels()) {
            throw new IllegalArgumentException("FaceFolds.orl: " + faces.name()
                    + " has no subject labels. Pass the set that OrlFacesReader.read returns.");
        }
        for (int i = 0; i < faces.count(); i++) {
            int subject = faces.label(i);
            if (subject < 1 || subject > OrlFacesReader.SUBJECTS) {
                throw new IllegalArgumentException(String.format(
                        "FaceFolds.orl: image %d of %s has subject %d, outside 1-%d. Pass the set that "
                                + "OrlFacesReader.read returns.", i, faces.name(), subject, OrlFacesReader.SUBJECTS));
            }
        }
    }
}
