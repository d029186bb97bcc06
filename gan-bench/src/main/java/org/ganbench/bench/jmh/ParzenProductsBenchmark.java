package org.ganbench.bench.jmh;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ganbench.eval.ParzenWindowEstimator;
import org.ganbench.eval.TileProducts;
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
 * Measures only the matrix products of the Parzen protocol, with the shapes that
 * {@link ParzenWindowEstimator} uses at its default block size: blocks of {@code [x, 1]} rows (by
 * default 10,000 test points, then 1,000 validation points, d + 1 = 785 columns) times each
 * column tile of the augmented samples (785 x 10,000 by default, in tiles of at most
 * {@link ParzenWindowEstimator#MAX_TILE_COLUMNS}, stored as the channels-last 1 x 1 convolution inputs of
 * {@link TileProducts}). PyTorch runs each product on its own threads, while the estimator with more
 * than one thread runs one product per thread. Set beside {@link ParzenProtocolBenchmark}, it shows
 * how much of the protocol's time the products take and how much the log-sum-exp passes add. The
 * result is invalid while other processes load the machine.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Dai.djl.offline=true", "-Dai.djl.default_engine=PyTorch", "--add-modules=jdk.incubator.vector", "-Xmx2g"})
public class ParzenProductsBenchmark {

    private static final int WIDTH = 785;

    /** Kernel centres, the columns of the augmented sample matrix. */
    @Param("10000")
    public int samples;

    /** Test points, scored in the first pass. */
    @Param("10000")
    public int testPoints;

    /** Validation points, scored in the second pass. */
    @Param("1000")
    public int validationPoints;

    private NDManager manager;
    private List<NDArray> sampleTiles;
    private NDArray fullBlock;

    /** Draws uniform stand-ins for the augmented samples and one full block of points. */
    @Setup(Level.Trial)
    public void drawMatrices() {
        manager = NDManager.newBaseManager();
        int tileCount = (samples + ParzenWindowEstimator.MAX_TILE_COLUMNS - 1) / ParzenWindowEstimator.MAX_TILE_COLUMNS;
        sampleTiles = new ArrayList<>(tileCount);
        for (int tile = 0; tile < tileCount; tile++) {
            // The same split as the estimator: tiles as equal in width as possible.
            long columns = (long) (tile + 1) * samples / tileCount - (long) tile * samples / tileCount;
            sampleTiles.add(TileProducts.asImages(manager.randomUniform(0f, 1f, TileProducts.storageShape(WIDTH, (int) columns))));
        }
        fullBlock = manager.randomUniform(0f, 1f, new Shape(ParzenWindowEstimator.DEFAULT_BLOCK_SIZE, WIDTH));
    }

    /**
     * Multiplies every block of the test and validation passes once.
     *
     * @param blackhole receives one element of each product
     */
    @Benchmark
    public void products(Blackhole blackhole) {
        int blockSize = ParzenWindowEstimator.DEFAULT_BLOCK_SIZE;
        for (int points : new int[] {testPoints, validationPoints}) {
            for (int first = 0; first < points; first += blockSize) {
                int rows = Math.min(blockSize, points - first);
                try (NDArray block = fullBlock.get("0:" + rows)) {
                    for (NDArray tile : sampleTiles) {
                        try (NDArray scores = TileProducts.scores(block, tile)) {
                            blackhole.consume(scores.getFloat(0, 0, 0, 0));
                        }
                    }
                }
            }
        }
    }

    /** Frees the matrices. */
    @TearDown(Level.Trial)
    public void release() {
        manager.close();
    }
}
