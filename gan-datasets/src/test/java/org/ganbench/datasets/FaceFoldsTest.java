package org.ganbench.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Folds on one-pixel stand-ins: image i has the single pixel value {@code i / count}, so each set's pixels name
 * the images it contains.
 */
class FaceFoldsTest {

    private static ImageSet orlStandIn() {
        int count = OrlFacesReader.SUBJECTS * OrlFacesReader.IMAGES_PER_SUBJECT;
        int[] subjects = IntStream.range(0, count).map(i -> i / OrlFacesReader.IMAGES_PER_SUBJECT + 1).toArray();
        return new ImageSet("orl", 1, 1, count, indexPixels(count), subjects);
    }

    private static ImageSet freyStandIn(int count) {
        return new ImageSet("frey", 1, 1, count, indexPixels(count), null);
    }

    private static float[] indexPixels(int count) {
        float[] pixels = new float[count];
        for (int i = 0; i < count; i++) {
            pixels[i] = i / (float) count;
        }
        return pixels;
    }

    private static Set<Integer> subjects(ImageSet split) {
        Set<Integer> subjects = new TreeSet<>();
        for (int label : split.labels()) {
            subjects.add(label);
        }
        return subjects;
    }

    /** Returns the indices of the images in a one-pixel stand-in set. */
    private static int[] frameIndices(ImageSet split, int count) {
        float[] pixels = split.pixels();
        return IntStream.range(0, pixels.length).map(i -> Math.round(pixels[i] * count)).toArray();
    }

    private static Set<Integer> range(int from, int to) {
        Set<Integer> values = new TreeSet<>();
        IntStream.range(from, to).forEach(values::add);
        return values;
    }

    @Test
    void orlFoldSizes() {
        TfdFold fold = FaceFolds.orl(orlStandIn(), 0);

        assertEquals(280, fold.train().count());
        assertEquals(40, fold.validation().count());
        assertEquals(80, fold.test().count());
        assertEquals("orl-fold0-validation", fold.validation().name());
    }

    @Test
    void orlFoldSubjects() {
        TfdFold fold = FaceFolds.orl(orlStandIn(), 1);

        assertEquals(range(9, 17), subjects(fold.test()));
        assertEquals(range(17, 21), subjects(fold.validation()));
        assertEquals(28, subjects(fold.train()).size());
    }

    @Test
    void orlLastFoldWrapsValidation() {
        TfdFold fold = FaceFolds.orl(orlStandIn(), 4);

        assertEquals(range(33, 41), subjects(fold.test()));
        assertEquals(range(1, 5), subjects(fold.validation()));
    }

    @Test
    void orlSetsDisjointAndComplete() {
        for (int k = 0; k < TfdFold.COUNT; k++) {
            TfdFold fold = FaceFolds.orl(orlStandIn(), k);

            Set<Integer> all = new HashSet<>(subjects(fold.train()));
            all.addAll(subjects(fold.validation()));
            all.addAll(subjects(fold.test()));
            assertEquals(range(1, 41), all, "fold " + k);
            assertFalse(subjects(fold.train()).removeAll(subjects(fold.test())), "fold " + k + " train and test");
            assertFalse(subjects(fold.train()).removeAll(subjects(fold.validation())), "fold " + k + " train and validation");
        }
    }

    @Test
    void orlTestSetsCoverEverySubjectOnce() {
        Set<Integer> tested = new TreeSet<>();
        int total = 0;
        for (int k = 0; k < TfdFold.COUNT; k++) {
            Set<Integer> subjects = subjects(FaceFolds.orl(orlStandIn(), k).test());
            tested.addAll(subjects);
            total += subjects.size();
        }

        assertEquals(range(1, 41), tested);
        assertEquals(40, total);
    }

    @Test
    void orlWithoutLabelsRejected() {
        ImageSet unlabelled = new ImageSet("faces", 1, 1, 2, new float[2], null);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> FaceFolds.orl(unlabelled, 0));

        assertTrue(error.getMessage().contains("has no subject labels"), error.getMessage());
    }

    @Test
    void orlSubjectOutOfRangeRejected() {
        ImageSet faces = new ImageSet("faces", 1, 1, 2, new float[2], new int[] {1, 41});

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> FaceFolds.orl(faces, 0));

        assertTrue(error.getMessage().contains("image 1 of faces has subject 41, outside 1-40"), error.getMessage());
    }

    @Test
    void freyFoldContiguousBlocks() {
        int count = FreyFacesReader.FRAMES;

        TfdFold fold = FaceFolds.frey(freyStandIn(count), 0);

        int[] test = frameIndices(fold.test(), count);
        int[] validation = frameIndices(fold.validation(), count);
        assertEquals(393, test.length);
        assertEquals(0, test[0]);
        assertEquals(392, test[test.length - 1]);
        assertEquals(197, validation.length);
        assertEquals(393, validation[0]);
        assertEquals(589, validation[validation.length - 1]);
        assertEquals(1375, fold.train().count());
        assertEquals(590, frameIndices(fold.train(), count)[0]);
    }

    @Test
    void freyLastFoldWrapsValidation() {
        int count = FreyFacesReader.FRAMES;

        TfdFold fold = FaceFolds.frey(freyStandIn(count), 4);

        int[] test = frameIndices(fold.test(), count);
        int[] validation = frameIndices(fold.validation(), count);
        int[] train = frameIndices(fold.train(), count);
        assertEquals(1572, test[0]);
        assertEquals(1964, test[test.length - 1]);
        assertEquals(0, validation[0]);
        assertEquals(196, validation[validation.length - 1]);
        assertEquals(197, train[0]);
        assertEquals(1571, train[train.length - 1]);
    }

    @Test
    void freyUnevenCountCoversAllFrames() {
        int count = 23;

        for (int k = 0; k < TfdFold.COUNT; k++) {
            TfdFold fold = FaceFolds.frey(freyStandIn(count), k);

            Set<Integer> all = new TreeSet<>();
            for (ImageSet split : new ImageSet[] {fold.train(), fold.validation(), fold.test()}) {
                for (int index : frameIndices(split, count)) {
                    assertTrue(all.add(index), "fold " + k + " repeats frame " + index);
                }
            }
            assertEquals(range(0, count), all, "fold " + k);
        }
    }

    @Test
    void freyTooFewFramesRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> FaceFolds.frey(freyStandIn(9), 0));

        assertTrue(error.getMessage().contains("has 9 frames but five blocks with a validation half need at least 10"),
                error.getMessage());
    }

    @Test
    void foldOutsideRangeRejected() {
        assertThrows(IllegalArgumentException.class, () -> FaceFolds.frey(freyStandIn(20), -1));
        assertThrows(IllegalArgumentException.class, () -> FaceFolds.orl(orlStandIn(), 5));
    }
}
