package org.ganbench.bench.perf;

import java.util.Objects;

/**
 * One performance target and whether the measurements meet it.
 *
 * @param target the goal, for example "Parzen protocol faster than numpy's gemm form"
 * @param threads BLAS and PyTorch threads of the measurements that decide it
 * @param measured the measured figure that decides it, in words with units
 * @param met whether the goal is reached
 * @param shortfall how far the measurement is from the goal, or an empty string when it is met
 * @param reason what the diagnostics show about the cause of a miss, or an empty string when the
 *     target is met or the benchmark has no diagnostic for it
 */
public record TargetCheck(String target, int threads, String measured, boolean met, String shortfall,
                          String reason) {

    /**
     * Validates the fields.
     *
     * @throws NullPointerException if a text is null
     */
    public TargetCheck {
        Objects.requireNonNull(target, "target must not be null");
        Objects.requireNonNull(measured, "measured must not be null");
        Objects.requireNonNull(shortfall, "shortfall must not be null. Pass an empty string for a met target");
        Objects.requireNonNull(reason, "reason must not be null. Pass an empty string when there is none");
    }
}
