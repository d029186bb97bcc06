package org.ganbench.models.dbn;

import org.ganbench.core.optim.LearningRateSchedule;
import org.ganbench.core.optim.MomentumSchedule;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Training settings of one RBM layer of a DBN: minibatch SGD with momentum on the
 * contrastive-divergence gradient.
 *
 * @param epochs passes over the training data, at least 1
 * @param batchSize examples per minibatch, at least 1; with persistent CD also the number of chains
 * @param negativePhase CD-k or persistent CD
 * @param gibbsSteps k, full Gibbs steps per update, at least 1
 * @param learningRate step size per update
 * @param momentum momentum per epoch
 * @param weightDecay coefficient λ of the L2 penalty λ/2 ||W||^2 on the weights, at least 0
 * @param initialWeightStd standard deviation of the Gaussian initial weights, positive
 */
public record RbmTrainingConfig(int epochs, int batchSize, NegativePhase negativePhase, int gibbsSteps,
        LearningRateSchedule learningRate, MomentumSchedule momentum, double weightDecay, double initialWeightStd) {

    /**
     * Validates every setting.
     *
     * @throws IllegalArgumentException naming the invalid setting and its value
     * @throws NullPointerException if a schedule or the negative phase is null
     */
    public RbmTrainingConfig {
        if (epochs < 1) {
            throw new IllegalArgumentException("RBM training needs at least 1 epoch, got " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("RBM minibatch size must be at least 1, got " + batchSize);
        }
        if (negativePhase == null || learningRate == null || momentum == null) {
            throw new NullPointerException("Negative phase, learning rate and momentum schedules must all be set");
        }
        if (gibbsSteps < 1) {
            throw new IllegalArgumentException("Gibbs steps per update (k of CD-k) must be at least 1, got "
                    + gibbsSteps);
        }
        if (!(weightDecay >= 0) || !Double.isFinite(weightDecay)) {
            throw new IllegalArgumentException("Weight decay must be finite and at least 0, got " + weightDecay);
        }
        if (!(initialWeightStd > 0) || !Double.isFinite(initialWeightStd)) {
            throw new IllegalArgumentException("Initial weight standard deviation must be positive and finite, got "
                    + initialWeightStd);
        }
    }

    /**
     * Returns a copy with a different number of epochs, e.g. for a short test run.
     *
     * @param newEpochs passes over the training data, at least 1
     * @return the copy
     */
    public RbmTrainingConfig withEpochs(int newEpochs) {
        return new RbmTrainingConfig(newEpochs, batchSize, negativePhase, gibbsSteps, learningRate, momentum,
                weightDecay, initialWeightStd);
    }

    /** Lists the settings under stable keys for result files. */
    public Map<String, Object> description() {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("epochsPerLayer", epochs);
        description.put("batchSize", batchSize);
        description.put("negativePhase", negativePhase == NegativePhase.PERSISTENT
                ? "persistent CD-" + gibbsSteps + " with " + batchSize + " chains"
                : "CD-" + gibbsSteps);
        description.put("learningRate", learningRate.initial());
        description.put("learningRateDecayFactor", learningRate.decayFactor());
        description.put("minimumLearningRate", learningRate.minimum());
        description.put("momentum", momentum.initial() + " until epoch " + momentum.startEpoch() + ", "
                + momentum.finalMomentum() + " from epoch " + momentum.saturateEpoch());
        description.put("weightDecay", weightDecay);
        description.put("initialWeights", "N(0, " + initialWeightStd + "^2)");
        return description;
    }
}
