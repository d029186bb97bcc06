package org.ganbench.bench.experiment;

import java.nio.file.Path;

/**
 * What every row's training needs: the settings and the training images of one fold.
 *
 * @param options the run's settings
 * @param trainPixels training images, row-major (count, dimension), in the models' input space
 * @param dimension values per image
 * @param fold fold number, 0 on a data set with a single split
 * @param epochScale passes over the training images that make one epoch of an iterative model, 1 except
 *     on small training sets (see {@link #epochScaleFor})
 * @param outputDirectory where the row may write files such as epochs.jsonl
 * @param checkpointDirectory where the row keeps its checkpoint
 */
public record RowContext(ReproductionOptions options, float[] trainPixels, int dimension, int fold, int epochScale,
                         Path outputDirectory, Path checkpointDirectory) {

    /**
     * Training images that one epoch covers at least on the face sets: 10,000 in the quick profile
     * and 50,000, MNIST's training set, in the paper profile.
     */
    static final int QUICK_EPOCH_IMAGES = 10_000;

    /** See {@link #QUICK_EPOCH_IMAGES}. */
    static final int PAPER_EPOCH_IMAGES = 50_000;

    /**
     * Returns how many passes over a face set's training images make one epoch. The baselines'
     * epoch counts were chosen for MNIST's 50,000 images, and ORL has 280 training images per fold,
     * so one pass would be 2 minibatches. Scaling the passes keeps the number of updates per epoch
     * near that of a set of {@link #QUICK_EPOCH_IMAGES} or {@link #PAPER_EPOCH_IMAGES} images.
     *
     * @param dataset the data set; only the five-fold face sets are scaled
     * @param profile quick or paper
     * @param trainCount training images of the fold
     * @return at least 1
     */
    static int epochScaleFor(DatasetKind dataset, ExperimentProfile profile, int trainCount) {
        if (dataset.protocol() != DatasetKind.Protocol.FIVE_FOLDS) {
            return 1;
        }
        int target = profile == ExperimentProfile.PAPER ? PAPER_EPOCH_IMAGES : QUICK_EPOCH_IMAGES;
        return Math.max(1, (int) Math.round((double) target / trainCount));
    }

    /**
     * Returns an epoch count multiplied by {@link #epochScale}.
     *
     * @param epochs epochs as configured for a large training set
     * @return the epochs to run on this fold
     */
    public int scaledEpochs(int epochs) {
        return Math.multiplyExact(epochs, epochScale);
    }

    /** Number of training images. */
    public int trainCount() {
        return trainPixels.length / dimension;
    }
}
