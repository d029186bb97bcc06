package org.ganbench.bench.experiment;

import org.ganbench.core.EpochMetrics;
import org.ganbench.eval.ParzenRecord;

import java.util.List;
import java.util.Map;

/**
 * One row of Table 1 as stored in {@code result.json}: how the model was built and trained, and
 * its Parzen-window score.
 *
 * @param model row label as Table 1 prints it
 * @param description architecture and settings, each marked as published or chosen where it matters
 * @param training the training configuration object of the model
 * @param epochs per-epoch adversarial training metrics (empty for models that are not GANs)
 * @param timingsSeconds wall-clock seconds of training, sampling, evaluation and figures
 * @param parzen the full Parzen-window evaluation record
 * @param sampleGrid the figure of this model's samples and the nearest training images shown in it
 */
public record ModelResult(
        String model,
        Map<String, Object> description,
        Object training,
        List<EpochMetrics> epochs,
        Map<String, Double> timingsSeconds,
        ParzenRecord parzen,
        Map<String, Object> sampleGrid) {
}
