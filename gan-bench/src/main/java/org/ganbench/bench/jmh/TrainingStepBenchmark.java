package org.ganbench.bench.jmh;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.ganbench.core.AdversarialPair;
import org.ganbench.core.AdversarialTrainer;
import org.ganbench.core.TrainingConfig;
import org.ganbench.core.TrainingListener;
import org.ganbench.core.UpdateMode;
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
 * Measures training iterations per second of the MNIST GAN of Goodfellow et al. (2014) with the
 * authors' released settings: G 100 -> 1200 ReLU -> 1200 ReLU -> 784 sigmoid, D 784 -> maxout
 * 240 x 5 -> maxout 240 x 5 -> 1 with dropout, momentum SGD, minibatch 100. One invocation is one
 * iteration: in simultaneous mode one step that updates both networks, in alternating mode one
 * discriminator step and one generator step (k = 1). The data are uniform noise of MNIST's shape,
 * as in the PyTorch peer, because only speed is measured.
 *
 * <p>Each invocation runs {@link AdversarialTrainer#trainEpoch} on one minibatch, which also
 * reseeds the engine's random stream and builds a 100-element data order, a few microseconds per
 * iteration. The result is invalid if training diverges (the trial then fails with
 * {@code TrainingDivergedException}) or while other processes load the machine.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Dai.djl.offline=true", "-Dai.djl.default_engine=PyTorch", "--add-modules=jdk.incubator.vector", "-Xmx4g"})
public class TrainingStepBenchmark {

    private static final int BATCH = 100;
    private static final int DIMENSION = 784;
    private static final int MINIBATCHES = 50;

    /** Interleaving of D and G updates: the released code's single step or Algorithm 1. */
    @Param({"SIMULTANEOUS", "ALTERNATING"})
    public UpdateMode updateMode;

    private AdversarialPair pair;
    private AdversarialTrainer trainer;
    private float[][] minibatches;
    private int next;
    private final TrainingListener listener = new TrainingListener() {
    };

    /** Builds the paper's pair, its trainer and 50 minibatches of uniform noise. */
    @Setup(Level.Trial)
    public void buildModel() {
        SplittableRandom random = new SplittableRandom(1);
        minibatches = new float[MINIBATCHES][BATCH * DIMENSION];
        float[] allPixels = new float[MINIBATCHES * BATCH * DIMENSION];
        for (int b = 0; b < MINIBATCHES; b++) {
            for (int i = 0; i < BATCH * DIMENSION; i++) {
                minibatches[b][i] = (float) random.nextDouble();
            }
            System.arraycopy(minibatches[b], 0, allPixels, b * BATCH * DIMENSION, BATCH * DIMENSION);
        }

        pair = MnistGan.paper(allPixels, 1);
        trainer = new AdversarialTrainer(pair, TrainingConfig.paperMnist(1, 1).withUpdateMode(updateMode, 1));
    }

    /**
     * Runs one training iteration.
     *
     * @param blackhole receives the iteration's metrics
     */
    @Benchmark
    public void iteration(Blackhole blackhole) {
        float[] minibatch = minibatches[next];
        next = (next + 1) % MINIBATCHES;
        blackhole.consume(trainer.trainEpoch(1, minibatch, DIMENSION, listener));
    }

    /** Frees the optimiser state and the networks' native memory. */
    @TearDown(Level.Trial)
    public void release() {
        trainer.close();
        pair.close();
    }
}
