package org.ganbench.bench.experiment;

import java.util.List;
import java.util.Map;

/**
 * A loaded data set, ready for the rows: its folds, where it came from, and how to show its
 * images.
 *
 * @param kind which data set
 * @param origin where the files were read from
 * @param folds the splits every row is trained and scored on, one for MNIST, five for the face sets
 * @param description origin, splits and preprocessing, as result.json records them
 * @param display maps images of the models' input space to [0, 1] for figures
 */
public record ExperimentData(DatasetKind kind, String origin, List<EvaluationFold> folds,
                             Map<String, Object> description, DisplayTransform display) {

    /** Maps images from the models' input space to [0, 1] for drawing. */
    @FunctionalInterface
    public interface DisplayTransform {

        /**
         * Maps whole images to [0, 1].
         *
         * @param images row-major images
         * @param dimension values per image
         * @return new array of the same length
         */
        float[] toDisplayRange(float[] images, int dimension);

        /** Leaves images already in [0, 1] unchanged, clamping rounding errors of samples. */
        DisplayTransform UNIT_RANGE = (images, dimension) -> {
            float[] copy = images.clone();
            for (int i = 0; i < copy.length; i++) {
                copy[i] = Math.min(1f, Math.max(0f, copy[i]));
            }
            return copy;
        };
    }

    /** Values per image. */
    public int dimension() {
        return kind.shape().dimension();
    }
}
