package org.ganbench.bench.perf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.ganbench.bench.jmh.DenseProductBenchmark;
import org.ganbench.bench.jmh.MatrixProductBenchmark;
import org.ganbench.bench.jmh.ParzenProductsBenchmark;
import org.ganbench.bench.jmh.ParzenProtocolBenchmark;
import org.ganbench.bench.jmh.SamplingBenchmark;
import org.ganbench.bench.jmh.TrainingStepBenchmark;
import org.ganbench.core.UpdateMode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs this project's JMH benchmarks, one forked JVM per run, with a given number of PyTorch
 * threads. Warm-up and measurement counts come from each benchmark's annotations, unless the sizes
 * ask for short runs. JMH's own report, and the stack trace of a failing fork, go to standard
 * output. A failed run is retried once, because a forked JVM can fail without a result for
 * reasons outside the benchmark; a second failure raises.
 *
 * @param sizes problem sizes and run lengths
 */
public record OurBenchmarks(BenchmarkSizes sizes) {

    private static final Logger LOG = LoggerFactory.getLogger(OurBenchmarks.class);

    /**
     * Times the full Parzen protocol.
     *
     * @param threads PyTorch intra-op threads
     * @return seconds per protocol run, the mean of the benchmark's measured runs
     */
    public double parzenSeconds(int threads) {
        return run(ParzenProtocolBenchmark.class, parzenParameters(), threads);
    }

    /**
     * Measures training throughput.
     *
     * @param mode simultaneous or alternating updates
     * @param threads PyTorch intra-op threads
     * @return iterations per second
     */
    public double trainingIterationsPerSecond(UpdateMode mode, int threads) {
        return run(TrainingStepBenchmark.class, Map.of("updateMode", mode.name()), threads);
    }

    /**
     * Times drawing the generator samples.
     *
     * @param threads PyTorch intra-op threads
     * @return milliseconds per {@link BenchmarkSizes#samplingCount} samples
     */
    public double samplingMilliseconds(int threads) {
        return run(SamplingBenchmark.class, Map.of("sampleCount", Integer.toString(sizes.samplingCount())), threads);
    }

    /**
     * Times the Parzen protocol's matrix products alone, at the estimator's block size.
     *
     * @param threads PyTorch intra-op threads
     * @return seconds for the products of one protocol run
     */
    public double parzenProductsSeconds(int threads) {
        return run(ParzenProductsBenchmark.class, parzenParameters(), threads);
    }

    /**
     * Measures the float32 rate of one matrix product through DJL.
     *
     * @param shape "m,k,n" for an (m x k) times (k x n) product
     * @param threads PyTorch intra-op threads
     * @return GFLOP/s, counting 2 m k n operations per product
     * @throws IllegalArgumentException if the shape is not three positive integers
     */
    public double matrixProductGflops(String shape, int threads) {
        return productGflops(MatrixProductBenchmark.class, shape, threads);
    }

    /**
     * Measures the float32 rate of one dense layer's forward product, with its parameters detached.
     *
     * @param shape "m,k,n" for m inputs of k values and n outputs
     * @param threads PyTorch intra-op threads
     * @return GFLOP/s, counting 2 m k n operations per product
     * @throws IllegalArgumentException if the shape is not three positive integers
     */
    public double denseProductGflops(String shape, int threads) {
        return productGflops(DenseProductBenchmark.class, shape, threads);
    }

    /** Runs a product benchmark with its "m,k,n" shape and converts milliseconds per product to GFLOP/s. */
    private double productGflops(Class<?> benchmark, String shape, int threads) {
        long[] dimensions = MatrixProductBenchmark.parseShape(shape);
        double milliseconds = run(benchmark, Map.of("shape", shape), threads);
        return 2.0 * dimensions[0] * dimensions[1] * dimensions[2] / (milliseconds * 1e6);
    }

    /**
     * Returns the JVM options that fix the engine and its threads in a forked JVM.
     *
     * @param threads PyTorch intra-op threads
     * @return system properties for DJL offline mode, the PyTorch engine and the thread counts,
     *     and a 4 GiB heap limit
     */
    static List<String> forkOptions(int threads) {
        List<String> options = new ArrayList<>();
        options.add("-Dai.djl.offline=true");
        options.add("-Dai.djl.default_engine=PyTorch");
        options.add("-Djava.awt.headless=true");
        // The Parzen window's fused log-sum-exp runs on the JDK's vector API, an incubator module in Java 17.
        options.add("--add-modules=jdk.incubator.vector");
        options.add("-Dai.djl.pytorch.num_threads=" + threads);
        // Every benchmark runs one operation at a time, so a second inter-op thread would only idle.
        options.add("-Dai.djl.pytorch.num_interop_threads=1");
        options.add("-Xmx4g");
        return options;
    }

    private Map<String, String> parzenParameters() {
        return Map.of("samples", Integer.toString(sizes.parzenSamples()),
                "testPoints", Integer.toString(sizes.parzenTest()),
                "validationPoints", Integer.toString(sizes.parzenValidation()));
    }

    private double run(Class<?> benchmark, Map<String, String> parameters, int threads) {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + Pattern.quote(benchmark.getName()) + "\\.")
                .forks(1)
                .jvmArgsAppend(forkOptions(threads).toArray(new String[0]))
                .verbosity(VerboseMode.NORMAL);
        parameters.forEach(options::param);
        if (sizes.shortJmhRuns()) {
            options.warmupIterations(1).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(2).measurementTime(TimeValue.seconds(1));
        }

        String label = benchmark.getSimpleName() + " " + parameters + " with " + threads + " threads";
        try {
            return score(new Runner(options.build()).runSingle());
        } catch (RunnerException first) {
            LOG.warn("JMH benchmark {} returned no result ({}); retrying once", label, first.getMessage());
        }
        try {
            return score(new Runner(options.build()).runSingle());
        } catch (RunnerException e) {
            throw new IllegalStateException("JMH benchmark " + label + " failed twice. Its fork's output above"
                    + " shows the cause", e);
        }
    }

    private static double score(RunResult result) {
        return result.getPrimaryResult().getScore();
    }
}
