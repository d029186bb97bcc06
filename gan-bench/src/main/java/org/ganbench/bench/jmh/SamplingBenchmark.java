package org.ganbench.bench.jmh;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.ganbench.core.AdversarialPair;
import org.ganbench.core.GeneratorSampler;
import org.ganbench.models.MnistGan;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Measures drawing the generator samples that the Parzen protocol scores, 10,000 by default: noise
 * from the engine's random stream, G's forward pass in minibatches of 1,000, and the copy into one
 * Java array.
 * The generator is the paper's MNIST generator at its initial weights, which cost the same to
 * evaluate as trained ones. The result is invalid while other processes load the machine.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Dai.djl.offline=true", "-Dai.djl.default_engine=PyTorch", "--add-modules=jdk.incubator.vector", "-Xmx4g"})
public class SamplingBenchmark {

    /** Samples per invocation; the Parzen protocol draws 10,000. */
    @Param("10000")
    public int sampleCount;

    private AdversarialPair pair;

    /** Builds the MNIST pair of Goodfellow et al. (2014); mid-grey pixel means set G's output bias to 0. */
    @Setup(Level.Trial)
    public void buildGenerator() {
        float[] greyImage = new float[784];
        Arrays.fill(greyImage, 0.5f);
        pair = MnistGan.paper(greyImage, 1);
    }

    /**
     * Draws {@link #sampleCount} samples.
     *
     * @param blackhole receives the samples
     */
    @Benchmark
    public void sample(Blackhole blackhole) {
        blackhole.consume(GeneratorSampler.sample(pair, sampleCount, 7));
    }

    /** Frees the networks' native memory. */
    @TearDown(Level.Trial)
    public void release() {
        pair.close();
    }
}
