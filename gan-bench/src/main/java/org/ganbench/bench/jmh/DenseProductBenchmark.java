package org.ganbench.bench.jmh;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.concurrent.TimeUnit;
import org.ganbench.core.nn.Activation;
import org.ganbench.core.nn.DenseLayer;
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
 * Measures one forward product of a dense layer, (m x k) inputs times a (k x n) map plus a bias,
 * through {@link DenseLayer}, which runs minibatches of 16 rows or more as a 1 x 1 convolution. The
 * parameters are detached, as in sampling, so no gradient is recorded. A training step also runs
 * two backward products per layer, which this does not time. The shapes are the MNIST pair's
 * products at minibatch 100.
 * The count is 2 m k n floating-point operations, leaving out the bias. The result is invalid while
 * other processes load the machine.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Dai.djl.offline=true", "-Dai.djl.default_engine=PyTorch", "--add-modules=jdk.incubator.vector", "-Xmx2g"})
public class DenseProductBenchmark {

    /** The shape "m,k,n": m inputs of k values, n outputs. */
    @Param({"100,784,1200", "100,1200,1200", "100,1200,784"})
    public String shape;

    private NDManager manager;
    private NDArray input;
    private DenseLayer layer;

    /**
     * Draws uniform [0, 1) inputs and weights and a zero bias in native memory.
     *
     * @throws IllegalArgumentException if the shape is not three positive integers
     */
    @Setup(Level.Trial)
    public void drawLayer() {
        long[] dimensions = MatrixProductBenchmark.parseShape(shape);
        manager = NDManager.newBaseManager();
        input = manager.randomUniform(0f, 1f, new Shape(dimensions[0], dimensions[1]));
        NDArray weight = manager.randomUniform(0f, 1f, new Shape(dimensions[2], dimensions[1]));
        layer = new DenseLayer(weight, manager.zeros(new Shape(dimensions[2])), Activation.LINEAR);
    }

    /**
     * Runs the layer forward once, with its parameters detached as in evaluation, and frees the output.
     *
     * @param blackhole receives one element of the output
     */
    @Benchmark
    public void forward(Blackhole blackhole) {
        try (NDManager step = manager.newSubManager()) {
            // A view of the inputs in the step's manager, so that the output and the detached parameter
            // views that the layer attaches to the input's manager are freed with the step.
            NDArray minibatch = input.reshape(input.getShape());
            minibatch.attach(step);
            blackhole.consume(layer.forward(minibatch, true).getFloat(0, 0));
        }
    }

    /** Frees the inputs and the layer's parameters. */
    @TearDown(Level.Trial)
    public void release() {
        manager.close();
    }
}
