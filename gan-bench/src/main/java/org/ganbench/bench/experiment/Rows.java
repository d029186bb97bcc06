package org.ganbench.bench.experiment;

/** The trainer of each Table 1 row. */
final class Rows {

    private Rows() {
    }

    static ModelTrainer trainerFor(ModelKind kind) {
        return switch (kind) {
            case GAN, GAN_CONVOLUTIONAL -> new GanTrainer(kind);
            case DBN -> BaselineTrainers.dbn();
            case STACKED_CAE -> BaselineTrainers.stackedCae();
            case DEEP_GSN -> BaselineTrainers.deepGsn();
            case TRAINING_DATA -> BaselineTrainers.trainingData();
            case KMEANS -> BaselineTrainers.kMeans();
        };
    }
}
