package org.ganbench.models.dbn;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Schedule of the top RBM's Gibbs chains: {@code chains} chains run in parallel, each discards
 * {@code burnInSteps} steps, then gives one sample every {@code stepsBetweenSamples} steps until
 * enough samples are collected.
 *
 * @param chains parallel chains, at least 1; fewer are run when fewer samples are requested
 * @param burnInSteps full Gibbs steps before the first sample, at least 1
 * @param stepsBetweenSamples full Gibbs steps between two samples of the same chain, at least 1
 */
public record SamplingSchedule(int chains, int burnInSteps, int stepsBetweenSamples) {

    /**
     * Validates the schedule.
     *
     * @throws IllegalArgumentException naming the setting that is less than 1
     */
    public SamplingSchedule {
        if (chains < 1) {
            throw new IllegalArgumentException("Sampling needs at least 1 Gibbs chain, got " + chains);
        }
        if (burnInSteps < 1) {
            throw new IllegalArgumentException("Burn-in must be at least 1 Gibbs step, got " + burnInSteps);
        }
        if (stepsBetweenSamples < 1) {
            throw new IllegalArgumentException("Steps between samples must be at least 1, got " + stepsBetweenSamples);
        }
    }

    /**
     * Counts the Gibbs steps each chain runs to deliver a number of samples.
     *
     * @param count samples requested, at least 1
     * @return burn-in plus the steps between the later rounds of samples
     */
    public long stepsPerChain(int count) {
        int parallelChains = Math.min(chains, count);
        long rounds = (count + parallelChains - 1L) / parallelChains;
        return burnInSteps + (rounds - 1) * stepsBetweenSamples;
    }

    /** Lists the settings under stable keys for result files. */
    public Map<String, Object> description() {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("chains", chains);
        description.put("burnInSteps", burnInSteps);
        description.put("stepsBetweenSamples", stepsBetweenSamples);
        return description;
    }
}
