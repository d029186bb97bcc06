package org.ganbench.bench.experiment;

import java.io.IOException;

/** Trains one row's model on the training images. */
@FunctionalInterface
public interface ModelTrainer {

    /**
     * Trains a model.
     *
     * @param context settings and training images
     * @return the trained model and its description
     * @throws IOException if a file the training writes cannot be written
     */
    TrainedRow train(RowContext context) throws IOException;
}
