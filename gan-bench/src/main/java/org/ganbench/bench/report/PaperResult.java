package org.ganbench.bench.report;

import java.util.Objects;

/**
 * One published Parzen-window log-likelihood estimate, mean and standard error in nats.
 *
 * @param model model name as printed in the source table
 * @param dataset data set name as printed in the source table
 * @param meanLogLikelihood mean log-likelihood estimate in nats
 * @param standardError standard error of the mean in nats
 */
public record PaperResult(String model, String dataset, double meanLogLikelihood, double standardError) {

    /**
     * Validates the entry.
     *
     * @throws IllegalArgumentException if a name is blank, a value is not finite, or the standard
     *     error is negative
     */
    public PaperResult {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(dataset, "dataset");
        if (model.isBlank() || dataset.isBlank()) {
            throw new IllegalArgumentException("Published result needs a model and a data set name, got model '"
                    + model + "' and data set '" + dataset + "'.");
        }
        if (!Double.isFinite(meanLogLikelihood) || !Double.isFinite(standardError) || standardError < 0.0) {
            throw new IllegalArgumentException("Published result for " + model + " on " + dataset
                    + " needs a finite mean and a finite, non-negative standard error, got "
                    + meanLogLikelihood + " +/- " + standardError + ".");
        }
    }
}
