package org.ganbench.models.gsn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.ganbench.core.GenerativeModel;
import org.ganbench.core.SeedMixer;
import org.ganbench.models.cae.ChainStartPool;
import org.ganbench.core.ShuffledMinibatches;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The "Deep GSN" row of Table 1 in Goodfellow et al. (2014): a deep generative stochastic network
 * (Bengio, Thibodeau-Laufer, Alain and Yosinski, ICML 2014) trained by walkback
 * ({@link GsnTrainer}) and sampled by running its noisy chain.
 *
 * <p>Sampling follows {@code sample_some_numbers} of the released code: the visible layer starts
 * at a salt-and-pepper corrupted image, the hidden layers at zero, and every layer update
 * (odd layers, then even layers, with all training noise) emits the visible means as one sample.
 * The released code starts from the first test image. This model starts from a training image
 * picked by the sampling seed, so that no test image reaches the samples. {@link GsnConfig#chains()}
 * chains run side by side and their samples are returned in step order (row t * chains + k is
 * step t + 1 of chain k). No step is discarded.
 */
public final class Gsn implements GenerativeModel {

    /** Row label of Table 1 in Goodfellow et al. (2014). */
    public static final String NAME = "Deep GSN";

    /** Training images kept as chain starts. */
    public static final int START_POOL_SIZE = 100;

    private static final Logger LOG = LoggerFactory.getLogger(Gsn.class);

    private final GsnConfig config;
    private final int trainingExamples;
    private final GsnNetwork network;
    private final List<GsnEpochMetrics> history;
    private final ChainStartPool startPool;
    private final NDManager manager;

    private Gsn(GsnConfig config, int trainingExamples, GsnNetwork network, List<GsnEpochMetrics> history,
            ChainStartPool startPool, NDManager manager) {
        this.config = config;
        this.trainingExamples = trainingExamples;
        this.network = network;
        this.history = List.copyOf(history);
        this.startPool = startPool;
        this.manager = manager;
    }

    /**
     * Initialises a network and trains it by walkback for every epoch of the configuration.
     *
     * @param pixels training images, row-major (count, dimension), values in [0, 1]
     * @param dimension values per image
     * @param config architecture, noise and optimiser settings
     * @param showProgress whether to show a console progress bar over all minibatches
     * @return the trained model, which owns native memory until closed
     * @throws IllegalArgumentException if the data are not whole rows or hold fewer rows than one minibatch
     * @throws IllegalStateException if the cost becomes NaN or infinite
     */
    public static Gsn train(float[] pixels, int dimension, GsnConfig config, boolean showProgress) {
        int exampleCount = ShuffledMinibatches.rowCount(pixels, dimension);
        if (exampleCount < config.batchSize()) {
            throw new IllegalArgumentException("The training set has " + exampleCount
                    + " images, fewer than one minibatch of " + config.batchSize() + "; use a smaller batchSize");
        }
        LOG.info("Deep GSN training started: {} images of {} values, hidden layers {}, {} walkback steps,"
                + " {} epochs, seed {}", exampleCount, dimension, config.hiddenSizes(), config.walkbackSteps(),
                config.epochs(), config.seed());
        long start = System.nanoTime();

        NDManager manager = NDManager.newBaseManager();
        try {
            SplittableRandom random = new SplittableRandom(SeedMixer.mix(config.seed(), "initialisation", 0));
            GsnNetwork network = GsnNetwork.initialize(manager, dimension, config.hiddenSizes(), random);
            List<GsnEpochMetrics> history = new ArrayList<>();
            long totalMinibatches = (long) (exampleCount / config.batchSize()) * config.epochs();

            try (GsnTrainer trainer = new GsnTrainer(network, config, manager);
                 ProgressBar bar = showProgress ? progressBar(totalMinibatches) : null) {
                Runnable onMinibatch = bar == null ? () -> { } : bar::step;
                for (int epoch = 1; epoch <= config.epochs(); epoch++) {
                    GsnEpochMetrics metrics = trainer.trainEpoch(pixels, epoch, onMinibatch);
                    history.add(metrics);
                    LOG.info(String.format("GSN epoch %d/%d  walkback cost %.4f  last-step cross-entropy %.4f"
                            + " nats/pixel  lr %.5f  %.1f s", epoch, config.epochs(), metrics.walkbackCost(),
                            metrics.finalStepCrossEntropy(), metrics.learningRate(), metrics.seconds()));
                }
            }

            ChainStartPool startPool = ChainStartPool.draw(pixels, dimension, START_POOL_SIZE, config.seed());
            LOG.info(String.format("Deep GSN training finished in %.1f s", (System.nanoTime() - start) / 1e9));
            return new Gsn(config, exampleCount, network, history, startPool, manager);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int dataDimension() {
        return network.visibleSize();
    }

    /**
     * Runs the GSN chain and returns the visible means of every step.
     *
     * @param count number of samples, at least 1
     * @param seed seed of the start images and of the chain noise; the same seed gives the same samples
     * @return row-major (count, dataDimension), values in [0, 1]
     * @throws IllegalArgumentException if count is below 1
     */
    @Override
    public float[] sample(int count, long seed) {
        if (count < 1) {
            throw new IllegalArgumentException("Sample count must be at least 1, got " + count);
        }
        int dimension = network.visibleSize();
        int chainCount = Math.min(config.chains(), count);
        int steps = (count + chainCount - 1) / chainCount;
        GsnNoise noise = new GsnNoise(config);
        Engine.getInstance().setRandomSeed(GsnTrainer.engineSeed(seed, "gsn-chain-noise", 0));

        float[] samples = new float[count * dimension];
        NDManager stateScope = manager.newSubManager();
        try {
            NDArray start = stateScope.create(startPool.pick(chainCount, seed), new Shape(chainCount, dimension));
            List<NDArray> state = network.initialState(noise.saltAndPepper(start));
            for (int step = 0; step < steps; step++) {
                // Results attach to the state's manager; the new state moves to a fresh scope and the
                // old scope, with the step's intermediate arrays, is freed.
                GsnNetwork.Transition transition = network.step(state, noise);
                float[] means = transition.visibleLogits().getNDArrayInternal().sigmoid().toFloatArray();
                NDManager nextScope = manager.newSubManager();
                transition.state().forEach(array -> array.attach(nextScope));
                stateScope.close();
                stateScope = nextScope;
                state = transition.state();

                int firstRow = step * chainCount;
                int rows = Math.min(chainCount, count - firstRow);
                System.arraycopy(means, 0, samples, firstRow * dimension, rows * dimension);
            }
        } finally {
            stateScope.close();
        }
        return samples;
    }

    /** Returns the trained network, whose arrays live until {@link #close()}. */
    public GsnNetwork network() {
        return network;
    }

    /** Returns the per-epoch training metrics. */
    public List<GsnEpochMetrics> history() {
        return history;
    }

    /** Returns the settings the model was trained with. */
    public GsnConfig config() {
        return config;
    }

    /**
     * Describes the model for result.json: the row label, the data shape and every setting, each
     * marked as published or chosen.
     *
     * @return an ordered, unmodifiable map from setting name to value
     */
    public Map<String, Object> description() {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("model", NAME);
        description.put("sources", "Bengio, Thibodeau-Laufer, Alain and Yosinski, ICML 2014; released code"
                + " github.com/yaoli/GSN (run_dsn.py, model.py)");
        description.put("dataDimension", network.visibleSize());
        description.put("trainingExamples", trainingExamples);
        description.putAll(config.description());
        description.put("chainStartPool", START_POOL_SIZE + " training images drawn with the training seed");
        description.put("burnIn", "none, as in the released sample_some_numbers");
        return Collections.unmodifiableMap(description);
    }

    /** Frees the network's native memory. */
    @Override
    public void close() {
        manager.close();
    }

    private static ProgressBar progressBar(long minibatches) {
        return new ProgressBarBuilder()
                .setTaskName("Deep GSN")
                .setInitialMax(minibatches)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(1000)
                .build();
    }
}
