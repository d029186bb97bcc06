package org.ganbench.bench.experiment;

/** The trainer of each Table 1 row. */
final class Rows {

    private Rows() {
    }

    static ModelTrainer trainerFor(ModelKind kind) {
        return switch (kind) {
            case GAN -> new GanTrainer();
            default -> throw new UnsupportedOperationException("Model " + kind.optionName() + " is not available yet");
        };
    }
}
