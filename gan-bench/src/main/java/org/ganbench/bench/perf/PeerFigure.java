package org.ganbench.bench.perf;

import java.util.Objects;

/**
 * One peer program's measurements of a workload.
 *
 * @param name the peer and its variant, for example {@code parzen_numpy.py --mode gemm}
 * @param samples its measurements, one per repetition
 * @param note how the figures were obtained, when that differs from the workload, or an empty string
 */
public record PeerFigure(String name, Samples samples, String note) {

    /**
     * Validates the fields.
     *
     * @throws NullPointerException if a field is null
     * @throws IllegalArgumentException if {@code name} is blank
     */
    public PeerFigure {
        Objects.requireNonNull(samples, "samples must not be null");
        Objects.requireNonNull(note, "note must not be null. Pass an empty string for none");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("peer name is blank. Pass the program and its variant");
        }
    }
}
