package org.ganbench.bench.jmh;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.concurrent.TimeUnit;
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
 * Measures one float32 matrix product, (m x k) times (k x n), 2 m k n floating-point operations,
 * through DJL. DJL runs the matrix library that libtorch was built with, so the Parzen and training
 * figures can be read as a fraction of this engine's own ceiling. The square 2000 x 2000 case mirrors
 * the peers' {@code gemm_rate.py}. The other shapes are the training step's forward products at
 * minibatch 100 as plain matrix products, the baseline for {@link DenseProductBenchmark}, which times
 * them as the dense layer computes them. The result is invalid while other processes load the machine.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Dai.djl.offline=true", "-Dai.djl.default_engine=PyTorch", "--add-modules=jdk.incubator.vector", "-Xmx2g"})
public class MatrixProductBenchmark {

    /** The shape "m,k,n" of the product: left (m x k), right (k x n). */
    @Param({"2000,2000,2000", "100,784,1200", "100,1200,1200", "100,1200,784"})
    public String shape;

    private NDManager manager;
    private NDArray left;
    private NDArray right;

    /**
     * Draws two uniform [0, 1) matrices in native memory.
     *
     * @throws IllegalArgumentException if the shape is not three positive integers
     */
    @Setup(Level.Trial)
    public void drawMatrices() {
        long[] dimensions = parseShape(shape);
        manager = NDManager.newBaseManager();
        left = manager.randomUniform(0f, 1f, new Shape(dimensions[0], dimensions[1]));
        right = manager.randomUniform(0f, 1f, new Shape(dimensions[1], dimensions[2]));
    }

    /**
     * Parses a shape parameter.
     *
     * @param shape "m,k,n"
     * @return {m, k, n}
     * @throws IllegalArgumentException if the text is not three positive integers
     */
    public static long[] parseShape(String shape) {
        String[] parts = shape.split(",");
        if (parts.length != 3) {
            throw new IllegalArgumentException("invalid shape '" + shape + "'. Pass m,k,n, for example 2000,2000,2000");
        }
        long[] dimensions = new long[3];
        for (int i = 0; i < 3; i++) {
            dimensions[i] = Long.parseLong(parts[i].trim());
            if (dimensions[i] <= 0) {
                throw new IllegalArgumentException("invalid shape '" + shape + "'. Every dimension must be positive");
            }
        }
        return dimensions;
    }

    /**
     * Multiplies the matrices once and frees the product.
     *
     * @param blackhole receives one element of the product
     */
    @Benchmark
    public void product(Blackhole blackhole) {
        try (NDArray product = left.matMul(right)) {
            blackhole.consume(product.getFloat(0, 0));
        }
    }

    /** Frees the matrices. */
    @TearDown(Level.Trial)
    public void release() {
        manager.close();
    }
}
