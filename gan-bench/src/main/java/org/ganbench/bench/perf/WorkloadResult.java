package org.ganbench.bench.perf;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Our measurements of one workload beside the peers' measurements of the same workload.
 *
 * @param name short workload name, for example {@code parzen-protocol}
 * @param threads BLAS and PyTorch threads of every program in this comparison
 * @param description what one operation is
 * @param unit unit of every figure
 * @param ours our measurements, one per repetition
 * @param peers the peers' measurements, the primary peer first; may be empty
 * @param gflopPerOperation matrix-product work of one operation in GFLOP, or NaN when not counted
 */
public record WorkloadResult(String name, int threads, String description, Unit unit, Samples ours,
                             List<PeerFigure> peers, double gflopPerOperation) {

    /**
     * Copies the peer list and validates the fields.
     *
     * @throws NullPointerException if a field is null
     * @throws IllegalArgumentException if {@code threads} is not positive or {@code gflopPerOperation}
     *     is neither NaN nor positive
     */
    public WorkloadResult {
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(description, "description must not be null");
        Objects.requireNonNull(unit, "unit must not be null");
        Objects.requireNonNull(ours, "ours must not be null");
        peers = List.copyOf(peers);
        if (threads < 1) {
            throw new IllegalArgumentException("invalid thread count " + threads + " for workload " + name
                    + ". Pass at least 1");
        }
        if (!Double.isNaN(gflopPerOperation) && !(gflopPerOperation > 0)) {
            throw new IllegalArgumentException("invalid GFLOP count " + gflopPerOperation + " for workload " + name
                    + ". Pass a positive count, or NaN when the work is not counted");
        }
    }

    /**
     * Computes how many times faster our median is than a peer's median.
     *
     * @param peer one of this workload's peers
     * @return above 1 when ours is faster
     */
    public double speedupOver(PeerFigure peer) {
        return unit.speedup(ours.median(), peer.samples().median());
    }

    /**
     * Returns the peer with a given name.
     *
     * @param peerName the peer's name, for example {@code parzen_numpy.py --mode gemm}
     * @return the peer's figures
     * @throws IllegalArgumentException if this workload has no such peer
     */
    public PeerFigure peer(String peerName) {
        return peers.stream()
                .filter(peer -> peer.name().equals(peerName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("workload " + name + " has no peer '" + peerName
                        + "'. Measure that peer first"));
    }

    /**
     * Computes our rate of counted floating-point work from the median.
     *
     * @return GFLOP/s, or empty when the workload's work is not counted
     */
    public OptionalDouble oursGflops() {
        if (Double.isNaN(gflopPerOperation)) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(unit.gflops(ours.median(), gflopPerOperation));
    }

    /**
     * Computes a peer's rate of counted floating-point work from its median.
     *
     * @param peer one of this workload's peers
     * @return GFLOP/s, or empty when the workload's work is not counted
     */
    public OptionalDouble peerGflops(PeerFigure peer) {
        if (Double.isNaN(gflopPerOperation)) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(unit.gflops(peer.samples().median(), gflopPerOperation));
    }
}
