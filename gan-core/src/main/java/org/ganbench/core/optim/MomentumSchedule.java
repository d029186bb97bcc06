package org.ganbench.core.optim;

/**
 * Momentum that rises linearly with the epoch, as pylearn2's {@code MomentumAdjustor}: the
 * initial value up to {@code startEpoch}, the final value from {@code saturateEpoch} on.
 *
 * @param initial momentum at and before the start epoch
 * @param finalMomentum momentum at and after the saturate epoch
 * @param startEpoch 1-based epoch where the ramp begins
 * @param saturateEpoch 1-based epoch where the ramp ends
 */
public record MomentumSchedule(double initial, double finalMomentum, int startEpoch, int saturateEpoch) {

    /** Validates the schedule's values. */
    public MomentumSchedule {
        checkMomentum("initial momentum", initial);
        checkMomentum("final momentum", finalMomentum);
        if (startEpoch < 1 || saturateEpoch < startEpoch) {
            throw new IllegalArgumentException("Momentum ramp needs 1 <= start epoch <= saturate epoch, got start="
                    + startEpoch + ", saturate=" + saturateEpoch);
        }
    }

    /**
     * Momentum used throughout the given epoch.
     *
     * @param epoch 1-based epoch
     * @return the linearly interpolated momentum
     */
    public double momentumAt(int epoch) {
        if (epoch <= startEpoch || saturateEpoch == startEpoch) {
            return epoch >= saturateEpoch ? finalMomentum : initial;
        }
        double progress = Math.min(1.0, (epoch - startEpoch) / (double) (saturateEpoch - startEpoch));
        return initial + progress * (finalMomentum - initial);
    }

    private static void checkMomentum(String name, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1), got " + value);
        }
    }
}
