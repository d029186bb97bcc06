package org.ganbench.models.cae;

import org.ganbench.core.ShuffledMinibatches;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.ganbench.core.GenerativeModel;
import org.ganbench.core.SeedMixer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The "Stacked CAE" row of Table 1 in Goodfellow et al. (2014): contractive autoencoders trained
 * layer by layer (Bengio, Mesnil, Dauphin and Rifai, ICML 2013) and sampled with the Jacobian
 * chain of Rifai et al. (ICML 2012), see {@link ContractiveChain}.
 *
 * <p>Sampling runs {@link CaeConfig#chains()} chains side by side, each from a training image
 * picked by the sampling seed, and returns every step's decoded means in step order (row
 * t * chains + k is step t + 1 of chain k). No step is discarded: the first sample is already
 * one step away from its start image. The model keeps {@value #START_POOL_SIZE} training images,
 * drawn with the training seed, as the pool of start images.
 */
public final class StackedCae implements GenerativeModel {

    /** Row label of Table 1 in Goodfellow et al. (2014). */
    public static final String NAME = "Stacked CAE";

    /** Training images kept as chain starts. */
    public static final int START_POOL_SIZE = 100;

    private static final Logger LOG = LoggerFactory.getLogger(StackedCae.class);

    private final CaeConfig config;
    private final int dimension;
    private final int trainingExamples;
    private final List<ContractiveAutoencoder> layers;
    private final List<CaeEpochMetrics> history;
    private final ChainStartPool startPool;
    private final NDManager manager;

    private StackedCae(CaeConfig config, int dimension, int trainingExamples, List<ContractiveAutoencoder> layers,
            List<CaeEpochMetrics> history, ChainStartPool startPool, NDManager manager) {
        this.config = config;
        this.dimension = dimension;
        this.trainingExamples = trainingExamples;
        this.layers = List.copyOf(layers);
        this.history = List.copyOf(history);
        this.startPool = startPool;
        this.manager = manager;
    }

    /**
     * Trains every layer in turn, each on the codes of the frozen layers below it.
     *
     * @param pixels training images, row-major (count, dimension), values in [0, 1]
     * @param dimension values per image
     * @param config widths, training and sampling settings
     * @param showProgress whether to show a console progress bar over all minibatches
     * @return the trained model, which owns native memory until closed
     * @throws IllegalArgumentException if the data are not whole rows or hold fewer rows than one minibatch
     * @throws IllegalStateException if a layer's cost becomes NaN or infinite
     */
    public static StackedCae train(float[] pixels, int dimension, CaeConfig config, boolean showProgress) {
        int exampleCount = ShuffledMinibatches.rowCount(pixels, dimension);
        if (exampleCount < config.batchSize()) {
            throw new IllegalArgumentException("The training set has " + exampleCount
                    + " images, fewer than one minibatch of " + config.batchSize() + "; use a smaller batchSize");
        }
        LOG.info("Stacked CAE training started: {} images of {} values, layers {}, seed {}", exampleCount, dimension,
                config.hiddenSizes(), config.seed());
        long start = System.nanoTime();

        NDManager manager = NDManager.newBaseManager();
        try {
            SplittableRandom random = new SplittableRandom(SeedMixer.mix(config.seed(), "initialisation", 0));
            List<ContractiveAutoencoder> layers = new ArrayList<>();
            List<CaeEpochMetrics> history = new ArrayList<>();
            long totalMinibatches = (long) (exampleCount / config.batchSize()) * config.epochsPerLayer()
                    * config.hiddenSizes().size();

            try (ProgressBar bar = showProgress ? progressBar(totalMinibatches) : null) {
                CaeLayerTrainer trainer = new CaeLayerTrainer(config, manager, bar == null ? () -> { } : bar::step);
                int visibleSize = dimension;
                for (int hiddenSize : config.hiddenSizes()) {
                    ContractiveAutoencoder layer = ContractiveAutoencoder.initialize(manager, visibleSize, hiddenSize,
                            random);
                    history.addAll(trainer.train(layer, layers, pixels, dimension));
                    layers.add(layer);
                    visibleSize = hiddenSize;
                }
            }

            ChainStartPool startPool = ChainStartPool.draw(pixels, dimension, START_POOL_SIZE, config.seed());
            LOG.info(String.format("Stacked CAE training finished in %.1f s", (System.nanoTime() - start) / 1e9));
            return new StackedCae(config, dimension, exampleCount, layers, history, startPool, manager);
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
        return dimension;
    }

    /**
     * Runs the Jacobian chain and returns its decoded means.
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
        int chainCount = Math.min(config.chains(), count);
        int steps = (count + chainCount - 1) / chainCount;
        Engine.getInstance().setRandomSeed((int) (SeedMixer.mix(seed, "cae-chain-noise", 0) & 0x7fffffffL));
        ContractiveChain chain = new ContractiveChain(layers, config.chainNoise());

        float[] samples = new float[count * dimension];
        float[] state = startPool.pick(chainCount, seed);
        for (int step = 0; step < steps; step++) {
            try (NDManager scope = manager.newSubManager()) {
                state = chain.step(scope.create(state, new Shape(chainCount, dimension))).toFloatArray();
            }
            int firstRow = step * chainCount;
            int rows = Math.min(chainCount, count - firstRow);
            System.arraycopy(state, 0, samples, firstRow * dimension, rows * dimension);
        }
        return samples;
    }

    /** Returns the trained layers, bottom first, whose arrays live until {@link #close()}. */
    public List<ContractiveAutoencoder> layers() {
        return layers;
    }

    /** Returns the per-epoch metrics of every layer, in training order. */
    public List<CaeEpochMetrics> history() {
        return history;
    }

    /** Returns the settings the model was trained with. */
    public CaeConfig config() {
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
        description.put("sources", "Bengio, Mesnil, Dauphin and Rifai, ICML 2013; Rifai, Bengio, Dauphin and Vincent,"
                + " ICML 2012; Rifai et al., ICML 2011");
        description.put("dataDimension", dimension);
        description.put("trainingExamples", trainingExamples);
        description.putAll(config.description());
        description.put("chainStartPool", START_POOL_SIZE + " training images drawn with the training seed");
        description.put("burnIn", "none: every step's decoded means are returned");
        return Collections.unmodifiableMap(description);
    }

    /** Frees the layers' native memory. */
    @Override
    public void close() {
        manager.close();
    }

    private static ProgressBar progressBar(long minibatches) {
        return new ProgressBarBuilder()
                .setTaskName("Stacked CAE")
                .setInitialMax(minibatches)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(1000)
                .build();
    }
}
