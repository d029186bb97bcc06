package org.ganbench.bench.perf;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything one {@code gan-bench bench} run measured, ready to be written as a page and as JSON.
 *
 * @param command the command line that produced the report
 * @param sizes problem sizes and run lengths
 * @param startedAt start of the measurements, ISO-8601 UTC
 * @param finishedAt end of the measurements, ISO-8601 UTC
 * @param loadAtStart 1-minute load average when the measurements started
 * @param threadCounts BLAS and PyTorch thread counts, each measured for every program
 * @param repetitions alternating repetitions of each timed workload
 * @param machine the machine
 * @param versions versions of DJL, PyTorch (ours and the peer's), numpy and the BLAS libraries
 * @param workloads timed workloads, each with ours and the peers' figures, for every thread count
 * @param diagnostics measurements that explain the workloads' figures, such as the Parzen protocol's
 *     matrix products alone and the training step's product shapes
 * @param crossCheck results of both Parzen implementations on the same data
 * @param memory resident-memory figures
 * @param targets the performance targets and whether they are met
 */
public record BenchmarkReport(String command, BenchmarkSizes sizes, String startedAt, String finishedAt,
                              double loadAtStart, List<Integer> threadCounts, int repetitions,
                              MachineDescription machine, Map<String, String> versions,
                              List<WorkloadResult> workloads, List<WorkloadResult> diagnostics,
                              ParzenCrossCheck crossCheck, MemoryFigures memory, List<TargetCheck> targets) {

    /**
     * Copies the collections and checks that nothing is missing.
     *
     * @throws NullPointerException if a field is null
     * @throws IllegalArgumentException if a thread count has no GEMM workload with the numpy peer
     */
    public BenchmarkReport {
        Objects.requireNonNull(command, "command must not be null");
        Objects.requireNonNull(sizes, "sizes must not be null");
        Objects.requireNonNull(startedAt, "startedAt must not be null");
        Objects.requireNonNull(finishedAt, "finishedAt must not be null");
        Objects.requireNonNull(machine, "machine must not be null");
        Objects.requireNonNull(crossCheck, "crossCheck must not be null");
        Objects.requireNonNull(memory, "memory must not be null");
        threadCounts = List.copyOf(threadCounts);
        versions = Map.copyOf(versions);
        workloads = List.copyOf(workloads);
        diagnostics = List.copyOf(diagnostics);
        targets = List.copyOf(targets);
        for (int threads : threadCounts) {
            measuredGemmGflops(workloads, threads);
        }
    }

    /**
     * Returns the measured GEMM rate that the page compares every workload at a thread count with:
     * the median of numpy's OpenBLAS in the GEMM workload at that thread count.
     *
     * @param threads a thread count of this report
     * @return GFLOP/s
     * @throws IllegalArgumentException if the report has no such GEMM figure
     */
    public double measuredGemmGflops(int threads) {
        return measuredGemmGflops(workloads, threads);
    }

    /**
     * Returns the workloads or diagnostics measured at one thread count, in their order.
     *
     * @param results workloads or diagnostics of this report
     * @param threads a thread count
     * @return the results with that thread count
     */
    public static List<WorkloadResult> atThreads(List<WorkloadResult> results, int threads) {
        return results.stream().filter(result -> result.threads() == threads).toList();
    }

    /**
     * Finds one result by name and thread count.
     *
     * @param results workloads or diagnostics
     * @param name the workload's name
     * @param threads its thread count
     * @return the result
     * @throws IllegalArgumentException if there is none
     */
    public static WorkloadResult find(List<WorkloadResult> results, String name, int threads) {
        return results.stream()
                .filter(result -> result.name().equals(name) && result.threads() == threads)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no workload " + name + " at " + threads
                        + " threads. Measure it first"));
    }

    private static double measuredGemmGflops(List<WorkloadResult> workloads, int threads) {
        return find(workloads, Workloads.GEMM, threads).peer(Workloads.NUMPY_GEMM_PEER).samples().median();
    }

    /**
     * The Parzen protocol's results from both implementations on the same synthetic data.
     *
     * @param oursSigma bandwidth we chose
     * @param oursMean our mean test log-likelihood, in nats
     * @param oursStandardError our standard error, in nats
     * @param peerSigma bandwidth numpy chose
     * @param peerMean numpy's mean test log-likelihood, in nats
     * @param peerStandardError numpy's standard error, in nats
     */
    public record ParzenCrossCheck(double oursSigma, double oursMean, double oursStandardError, double peerSigma,
                                   double peerMean, double peerStandardError) {

        /**
         * Largest accepted difference of the two means, in nats: the programs sum in float32 in
         * different orders, through different BLAS libraries.
         */
        public static final double MEAN_TOLERANCE = 1e-3;

        /**
         * Tells whether both programs chose the same sigma and report the same mean within
         * {@link #MEAN_TOLERANCE}.
         *
         * @return true when the two implementations agree
         */
        public boolean agrees() {
            // Both pick one value of the same grid, so equal choices agree far closer than 1e-9.
            return Math.abs(oursSigma - peerSigma) < 1e-9 && Math.abs(oursMean - peerMean) <= MEAN_TOLERANCE;
        }
    }

    /**
     * Resident memory of the Parzen protocol and of a long training run.
     *
     * @param threads BLAS and PyTorch threads of the memory runs
     * @param parzenPeakOursMib peak resident memory (VmHWM) of a JVM that runs our protocol once, in MiB
     * @param parzenPeakNumpyMib peak resident memory of the numpy gemm peer, from {@code getrusage}, in MiB
     * @param trainingMode update mode of the training run
     * @param trainingReadings resident memory after the first iteration and after every reading interval
     * @param trainingSeconds wall time of the training run
     */
    public record MemoryFigures(int threads, double parzenPeakOursMib, double parzenPeakNumpyMib,
                                String trainingMode, List<RssReading> trainingReadings, double trainingSeconds) {

        /**
         * Copies the readings.
         *
         * @throws IllegalArgumentException if there are fewer than two readings
         */
        public MemoryFigures {
            trainingReadings = List.copyOf(trainingReadings);
            if (trainingReadings.size() < 2) {
                throw new IllegalArgumentException("only " + trainingReadings.size()
                        + " training memory readings. Train for at least one reading interval");
            }
        }

        /**
         * Returns the reading after the first iteration.
         *
         * @return the first reading
         */
        public RssReading firstReading() {
            return trainingReadings.get(0);
        }

        /**
         * Returns the reading after the last iteration.
         *
         * @return the last reading
         */
        public RssReading lastReading() {
            return trainingReadings.get(trainingReadings.size() - 1);
        }
    }

    /**
     * Resident memory after a given training iteration.
     *
     * @param iteration 1-based iteration count
     * @param residentMib VmRSS in MiB
     */
    public record RssReading(int iteration, double residentMib) {
    }
}
