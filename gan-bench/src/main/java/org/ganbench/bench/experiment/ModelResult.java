package org.ganbench.bench.experiment;

import org.ganbench.core.EpochMetrics;
import org.ganbench.eval.CrossFoldEstimate;
import org.ganbench.eval.ParzenRecord;

import java.util.List;
import java.util.Map;

/**
 * One row of Table 1 as stored in {@code result.json}: how the model was built and trained, and
 * its Parzen-window score: one record on a single test set, one per fold and their summary on the
 * face sets, neither on CIFAR-10.
 *
 * @param model row label as Table 1 prints it
 * @param description architecture and settings, each marked as published or chosen where it matters
 * @param training the training configuration object of the model
 * @param epochs per-epoch adversarial training metrics (empty for models that are not GANs)
 * @param timingsSeconds wall-clock seconds of training, sampling, evaluation and figures
 * @param parzen the full Parzen-window evaluation record of a single test set, or null
 * @param folds the records of every fold, in fold order, or empty
 * @param crossFold mean and standard error across {@code folds}, or null
 * @param sampleGrid the figures of this model: samples with the nearest training images, and for
 *     adversarial pairs the loss curves and the interpolations
 */
public record ModelResult(
        String model,
        Map<String, Object> description,
        Object training,
        List<EpochMetrics> epochs,
        Map<String, Double> timingsSeconds,
        ParzenRecord parzen,
        List<ParzenRecord> folds,
        CrossFoldEstimate crossFold,
        Map<String, Object> sampleGrid) {

    /** Returns true if the row has a Parzen score to put in Table 1. */
    public boolean scored() {
        return parzen != null || crossFold != null;
    }
}
