package org.ganbench.core;

import java.util.List;
import java.util.Map;

/**
 * The complete state of an adversarial training run after a finished epoch: enough to continue
 * it so that it ends exactly as an uninterrupted run would.
 *
 * <p>No random-generator state is stored because none carries over between epochs: the trainer
 * reseeds the engine's stream and rebuilds the data order from (seed, epoch) at the start of
 * every epoch.
 *
 * @param completedEpochs epochs finished, so training continues with epoch completedEpochs + 1
 * @param updatesDone parameter updates applied; fixes the position in the learning-rate schedule
 * @param config the configuration the run was started with
 * @param history metrics of every finished epoch
 * @param parameters generator then discriminator parameters, keyed "generator/0.weight" etc.
 * @param velocities momentum buffers, keyed like the parameters
 */
public record Checkpoint(
        int completedEpochs,
        long updatesDone,
        TrainingConfig config,
        List<EpochMetrics> history,
        Map<String, float[]> parameters,
        Map<String, float[]> velocities) {

    /** Validates that the counts agree. */
    public Checkpoint {
        if (completedEpochs < 0 || updatesDone < 0) {
            throw new IllegalArgumentException("Checkpoint counts must be non-negative, got epochs="
                    + completedEpochs + ", updates=" + updatesDone);
        }
        if (history.size() != completedEpochs) {
            throw new IllegalArgumentException("Checkpoint has " + history.size() + " epochs of metrics but "
                    + completedEpochs + " completed epochs");
        }
        if (!parameters.keySet().equals(velocities.keySet())) {
            throw new IllegalArgumentException("Checkpoint parameters and velocities name different arrays");
        }
        history = List.copyOf(history);
    }
}
