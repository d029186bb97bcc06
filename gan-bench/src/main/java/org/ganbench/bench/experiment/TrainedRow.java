package org.ganbench.bench.experiment;

import org.ganbench.core.EpochMetrics;
import org.ganbench.core.GenerativeModel;

import java.util.List;
import java.util.Map;

/**
 * A model that has just been trained, with what result.json should say about it.
 *
 * @param model the sampler; the caller closes it
 * @param training the training configuration object
 * @param description architecture and settings
 * @param epochs adversarial training metrics, empty for other models
 * @param distinctSamples most samples the model can draw without repeating one, for the reference
 *     rows that return stored images; {@link Integer#MAX_VALUE} for a generative model
 */
public record TrainedRow(GenerativeModel model, Object training, Map<String, Object> description,
                         List<EpochMetrics> epochs, int distinctSamples) {

    /**
     * Describes a generative model, which can draw any number of samples.
     *
     * @param model the sampler; the caller closes it
     * @param training the training configuration object
     * @param description architecture and settings
     * @param epochs adversarial training metrics, empty for other models
     */
    public TrainedRow(GenerativeModel model, Object training, Map<String, Object> description,
                      List<EpochMetrics> epochs) {
        this(model, training, description, epochs, Integer.MAX_VALUE);
    }
}
