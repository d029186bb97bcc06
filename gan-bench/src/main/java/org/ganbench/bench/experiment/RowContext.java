package org.ganbench.bench.experiment;

import java.nio.file.Path;

/**
 * What every row's training needs: the settings and the training images.
 *
 * @param options the run's settings
 * @param trainPixels training images, row-major (count, 784), values in [0, 1]
 * @param dimension values per image
 * @param outputDirectory where the row may write files such as epochs.jsonl
 * @param checkpointDirectory where the row keeps its checkpoint
 */
public record RowContext(ReproductionOptions options, float[] trainPixels, int dimension, Path outputDirectory,
                         Path checkpointDirectory) {

    /** Number of training images. */
    public int trainCount() {
        return trainPixels.length / dimension;
    }
}
