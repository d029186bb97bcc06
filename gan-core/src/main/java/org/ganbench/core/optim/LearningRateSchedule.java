package org.ganbench.core.optim;

/**
 * Exponential decay of the learning rate per update with a floor, as pylearn2's
 * {@code ExponentialDecay} callback: after every update, lr = max(lr / decayFactor, minimum).
 *
 * @param initial learning rate of the first update
 * @param decayFactor divisor applied after each update, at least 1
 * @param minimum floor the rate never falls below
 */
public record LearningRateSchedule(double initial, double decayFactor, double minimum) {

    /** Validates the schedule's values. */
    public LearningRateSchedule {
        if (!(initial > 0) || !Double.isFinite(initial)) {
            throw new IllegalArgumentException("Learning rate must be positive and finite, got " + initial);
        }
        if (!(decayFactor >= 1) || !Double.isFinite(decayFactor)) {
            throw new IllegalArgumentException("Learning-rate decay factor must be at least 1, got " + decayFactor);
        }
        if (!(minimum >= 0) || minimum > initial) {
            throw new IllegalArgumentException("Minimum learning rate must be in [0, " + initial + "], got " + minimum);
        }
    }

    /**
     * Learning rate of the update with the given index.
     *
     * @param updatesDone number of updates already applied
     * @return initial / decayFactor^updatesDone, but not below the minimum
     */
    public double rateAfter(long updatesDone) {
        double rate = initial * Math.pow(decayFactor, -(double) updatesDone);
        return Math.max(rate, minimum);
    }
}
