package org.ganbench.core;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.ganbench.core.nn.FeedForwardNetwork;
import org.ganbench.core.optim.GradientBufferMomentumSgd;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains a generator and a discriminator against each other by minibatch SGD with momentum.
 *
 * <p>The engine's random stream (noise and dropout masks) is reseeded from (seed, epoch) at the
 * start of every epoch and the data order is rebuilt from the same pair, so an epoch's
 * randomness depends only on the seed and the epoch number.
 */
public final class AdversarialTrainer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AdversarialTrainer.class);

    /**
     * Iterations between two calls of {@link NativeHeap#trim()}, which stop the resident memory from
     * growing with memory that libtorch freed but glibc kept. Measured with {@code TrainingMemoryProbe
     * 4000 SIMULTANEOUS 50} and one PyTorch thread on a 2-core AMD EPYC VM, two runs started together at
     * 2026-12-05 08:01 UTC: from iteration 1,000 to 4,000 the resident size grew 11.2 MiB without
     * trims and 0.2 MiB with them. A least-squares line through those readings rose 4.4 MiB per 1,000
     * iterations without trims and 0.05 MiB with them.
     *
     * <p>JMH's TrainingStepBenchmark (SIMULTANEOUS, one thread), run four times each way in
     * alternation between 07:44 and 08:01 UTC, gave 27.1 iterations/s on average without trims and
     * 27.3 with them, within the spread of 25.8 to 28.4 between runs.
     *
     * <p>The period is a prime, so readings every 50 to 1,000 iterations fall at every phase between
     * two trims. Readings right after a trim are lower: with a period of 50, whose trims came right
     * before every reading, they averaged 15 MiB less than with this period (07:38 and 07:41 UTC).
     */
    static final int NATIVE_HEAP_TRIM_PERIOD = 97;

    private final AdversarialPair pair;
    private final TrainingConfig config;
    private final GradientBufferMomentumSgd generatorOptimizer;
    private final GradientBufferMomentumSgd discriminatorOptimizer;
    /**
     * Native staging memory for one minibatch, reused by every step. DJL copies a float[] into a
     * fresh direct buffer that only the garbage collector frees. Minibatches created from float[]
     * would therefore let the resident memory grow between collections, up to the JVM's
     * direct-memory limit (by default the maximum heap size).
     */
    private final ByteBuffer minibatchStaging;
    private long updatesDone;
    /** Iterations of this trainer over all epochs, which times the native heap trims. */
    private long iterationsDone;
    private final List<EpochMetrics> history = new ArrayList<>();
    private boolean separateGeneratorPass;
    private CheckpointStore checkpoints;

    /**
     * Prepares optimiser state for a pair of networks.
     *
     * <p>The first trainer of a process also fixes the malloc thresholds of
     * {@link NativeHeap#keepFreedMemory()}, for the rest of the process, so that each step reuses
     * the memory the last one freed. The periodic trims return it to the system.
     *
     * @param pair the networks to train, updated in place
     * @param config how to train them
     */
    public AdversarialTrainer(AdversarialPair pair, TrainingConfig config) {
        this.pair = pair;
        this.config = config;
        this.generatorOptimizer = new GradientBufferMomentumSgd(pair.generator().network().parameters());
        this.discriminatorOptimizer = new GradientBufferMomentumSgd(pair.discriminator().network().parameters());
        this.minibatchStaging = ByteBuffer
                .allocateDirect(config.batchSize() * pair.discriminator().dataDimension() * Float.BYTES)
                .order(ByteOrder.nativeOrder());
        NativeHeap.keepFreedMemory();
    }

    /**
     * Runs every epoch of the configuration.
     *
     * @param data training examples, row-major (count, dimension)
     * @param dimension values per example; must equal the discriminator's input width
     * @param listener receives progress and per-epoch metrics
     * @return the metrics of each epoch
     * @throws TrainingDivergedException if a loss becomes NaN or infinite
     */
    public List<EpochMetrics> train(float[] data, int dimension, TrainingListener listener) {
        int exampleCount = checkData(data, dimension);
        int iterationsPerEpoch = iterationsPerEpoch(exampleCount);
        listener.onTrainingStart(config, iterationsPerEpoch);

        for (int epoch = history.size() + 1; epoch <= config.epochs(); epoch++) {
            EpochMetrics metrics = trainEpoch(epoch, data, dimension, listener);
            requireFiniteParameters(epoch, metrics.iterations());
            history.add(metrics);
            saveCheckpoint();
            listener.onEpochEnd(metrics);
        }
        listener.onTrainingEnd();
        return List.copyOf(history);
    }

    /**
     * Writes a checkpoint after every finished epoch from now on.
     *
     * @param store where checkpoints go
     */
    public void enableCheckpoints(CheckpointStore store) {
        this.checkpoints = store;
    }

    /**
     * Captures the state after the last finished epoch.
     *
     * @return a checkpoint that {@link #restore} accepts
     */
    public Checkpoint checkpoint() {
        Map<String, float[]> parameters = new LinkedHashMap<>();
        Map<String, float[]> velocities = new LinkedHashMap<>();
        collect("generator/", pair.generator().network(), generatorOptimizer, parameters, velocities);
        collect("discriminator/", pair.discriminator().network(), discriminatorOptimizer, parameters, velocities);
        return new Checkpoint(history.size(), updatesDone, config, history, parameters, velocities);
    }

    /**
     * Continues from a checkpoint: parameters, momentum buffers, the learning-rate schedule's
     * position and the finished epochs' metrics are restored, so the next {@link #train} call
     * starts at the first unfinished epoch.
     *
     * @param checkpoint state written by a run with the same configuration
     * @throws IllegalArgumentException if the checkpoint's configuration or arrays differ from this run's
     */
    public void restore(Checkpoint checkpoint) {
        if (!checkpoint.config().equals(config)) {
            throw new IllegalArgumentException("The checkpoint was written with " + checkpoint.config()
                    + " but this run uses " + config + "; resume with the original settings or start a new output folder");
        }
        restoreNetwork("generator/", pair.generator().network(), generatorOptimizer, checkpoint);
        restoreNetwork("discriminator/", pair.discriminator().network(), discriminatorOptimizer, checkpoint);
        updatesDone = checkpoint.updatesDone();
        history.clear();
        history.addAll(checkpoint.history());
        LOG.info("Resumed after epoch {} ({} updates done)", checkpoint.completedEpochs(), updatesDone);
    }

    private static void collect(String prefix, FeedForwardNetwork network, GradientBufferMomentumSgd optimizer,
                                Map<String, float[]> parameters, Map<String, float[]> velocities) {
        List<float[]> velocityValues = optimizer.velocityValues();
        int i = 0;
        for (Map.Entry<String, NDArray> entry : network.namedParameters().entrySet()) {
            parameters.put(prefix + entry.getKey(), entry.getValue().toFloatArray());
            velocities.put(prefix + entry.getKey(), velocityValues.get(i++));
        }
    }

    private static void restoreNetwork(String prefix, FeedForwardNetwork network, GradientBufferMomentumSgd optimizer,
                                       Checkpoint checkpoint) {
        List<float[]> velocityValues = new ArrayList<>();
        for (Map.Entry<String, NDArray> entry : network.namedParameters().entrySet()) {
            String name = prefix + entry.getKey();
            float[] values = checkpoint.parameters().get(name);
            if (values == null || values.length != entry.getValue().size()) {
                throw new IllegalArgumentException("Checkpoint parameter " + name + " is missing or has the wrong size"
                        + " for this architecture; resume with the original model settings");
            }
            entry.getValue().set(values);
            velocityValues.add(checkpoint.velocities().get(name));
        }
        optimizer.loadVelocityValues(velocityValues);
    }

    private void saveCheckpoint() {
        if (checkpoints == null) {
            return;
        }
        try {
            checkpoints.save(checkpoint());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Failed to write checkpoint " + checkpoints.file()
                    + " after epoch " + history.size(), e);
        }
    }

    private void requireFiniteParameters(int epoch, int iteration) {
        for (FeedForwardNetwork network : List.of(pair.generator().network(), pair.discriminator().network())) {
            for (Map.Entry<String, NDArray> entry : network.namedParameters().entrySet()) {
                // A copy to the JVM costs a few milliseconds per epoch and allocates no native memory.
                for (float value : entry.getValue().toFloatArray()) {
                    if (!Float.isFinite(value)) {
                        throw new TrainingDivergedException(epoch, iteration,
                                "parameter " + entry.getKey() + " holds NaN or infinite values");
                    }
                }
            }
        }
    }

    /**
     * Runs one pass over the training data.
     *
     * @param epoch 1-based epoch; selects the momentum, the data order and the random stream
     * @param data training examples, row-major (count, dimension)
     * @param dimension values per example
     * @param listener receives one call per generator update
     * @return the epoch's averaged metrics
     * @throws TrainingDivergedException if a loss becomes NaN or infinite
     */
    public EpochMetrics trainEpoch(int epoch, float[] data, int dimension, TrainingListener listener) {
        int exampleCount = checkData(data, dimension);
        long start = System.nanoTime();
        double momentum = config.momentum().momentumAt(epoch);
        Engine.getInstance().setRandomSeed(engineSeed(config.seed(), epoch));
        int[] order = MinibatchOrder.permutation(exampleCount, config.seed(), epoch);
        MinibatchReader minibatches = new MinibatchReader(data, dimension, order, config.batchSize(), minibatchStaging);

        int iterations = iterationsPerEpoch(exampleCount);
        double[] sums = new double[StepStatistics.COUNT];
        for (int iteration = 1; iteration <= iterations; iteration++) {
            float[] statistics = config.updateMode() == UpdateMode.SIMULTANEOUS
                    ? simultaneousStep(minibatches, momentum)
                    : alternatingStep(minibatches, momentum);
            StepStatistics.requireFinite(statistics, epoch, iteration);
            for (int i = 0; i < sums.length; i++) {
                sums[i] += statistics[i];
            }
            trimNativeHeapPeriodically();
            listener.onIteration();
        }

        double seconds = (System.nanoTime() - start) / 1e9;
        return new EpochMetrics(epoch, sums[0] / iterations, sums[1] / iterations, sums[2] / iterations,
                sums[3] / iterations, config.learningRate().rateAfter(updatesDone), momentum, iterations, seconds);
    }

    private void trimNativeHeapPeriodically() {
        iterationsDone++;
        if (iterationsDone % NATIVE_HEAP_TRIM_PERIOD == 0) {
            NativeHeap.trim();
        }
    }

    /** Number of parameter updates applied so far; the learning rate decays with it. */
    public long updatesDone() {
        return updatesDone;
    }

    /**
     * One step of the released code: D's and G's gradients come from the same data, noise,
     * samples and dropout masks, and both networks are updated together.
     *
     * <p>D's loss treats G(z) as a constant and G's loss treats D's parameters as constants. Both losses
     * depend on a sample only through D's logit l on it, so their gradients with respect to G(z)
     * differ by one factor per sample, dL_G/dl over dL_D/dl (see
     * {@link AdversarialLosses#generatorToDiscriminatorRatio}). One pass of D on G(z) therefore serves
     * both: the backward pass of D's loss also yields its gradient with respect to G(z), and that
     * gradient, scaled per sample, is G's gradient at G(z), which a second backward pass carries
     * through G alone. This saves the second forward pass of D that a separate G loss would need,
     * about 8% of the step's matrix work.
     */
    private float[] simultaneousStep(MinibatchReader minibatches, double momentum) {
        Generator generator = pair.generator();
        Discriminator discriminator = pair.discriminator();
        try (NDManager scope = pair.manager().newSubManager()) {
            NDArray x = minibatches.next(scope);
            long batch = x.getShape().get(0);
            NDArray z = generator.drawNoise(scope, batch);
            List<NDArray> realMasks = discriminator.drawDropoutMasks(scope, batch);
            List<NDArray> fakeMasks = discriminator.drawDropoutMasks(scope, batch);

            double learningRate = config.learningRate().rateAfter(updatesDone);
            discriminatorOptimizer.beginStep(momentum);
            generatorOptimizer.beginStep(momentum);

            NDArray statistics;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray fake = generator.generate(z);
                NDArray fakeInput = fake.stopGradient();
                fakeInput.setRequiresGradient(true);

                DiscriminatorLogits logits = DiscriminatorLogits.of(discriminator, x, fakeInput, realMasks, fakeMasks);
                NDArray discriminatorLoss = AdversarialLosses.discriminatorLoss(logits.real(), logits.fake());
                NDArray fakeLogits = logits.fake().stopGradient();
                NDArray generatorLoss = AdversarialLosses.generatorLoss(fakeLogits, config.generatorObjective());
                collector.backward(GradientBufferMomentumSgd.scaleLoss(discriminatorLoss, learningRate));

                if (separateGeneratorPass || !AdversarialLosses.ratioIsAccurate(fakeLogits)) {
                    NDArray fakeLogitsForG = discriminator.logits(fake, fakeMasks, true);
                    NDArray lossForG = AdversarialLosses.generatorLoss(fakeLogitsForG, config.generatorObjective());
                    collector.backward(GradientBufferMomentumSgd.scaleLoss(lossForG, learningRate));
                } else {
                    NDArray ratio = AdversarialLosses.generatorToDiscriminatorRatio(fakeLogits,
                            config.generatorObjective());
                    NDArray generatorGradient = fakeInput.getGradient().mul(ratio);
                    collector.backward(fake.mul(generatorGradient).sum());
                }

                statistics = StepStatistics.stack(discriminatorLoss, generatorLoss, logits.real(), logits.fake());
            }

            discriminatorOptimizer.finishStep();
            generatorOptimizer.finishStep();
            updatesDone++;
            return statistics.toFloatArray();
        }
    }

    /**
     * Makes every simultaneous step compute G's gradient with a second pass of D on G(z), as it does
     * anyway where the per-sample ratio would lose precision. Tests compare both ways.
     *
     * @param separate true for a second pass of D in every step
     */
    void useSeparateGeneratorPass(boolean separate) {
        this.separateGeneratorPass = separate;
    }

    /**
     * Algorithm 1 of Goodfellow et al. (2014): k discriminator steps on fresh minibatches of data
     * and noise, then one generator step on fresh noise. Each step is one update of the learning
     * rate schedule.
     */
    private float[] alternatingStep(MinibatchReader minibatches, double momentum) {
        float[] last = null;
        for (int k = 0; k < config.discriminatorSteps(); k++) {
            last = discriminatorStep(minibatches, momentum);
        }
        float generatorLoss = generatorStep(config.batchSize(), momentum);
        last[1] = generatorLoss;
        return last;
    }

    private float[] discriminatorStep(MinibatchReader minibatches, double momentum) {
        Generator generator = pair.generator();
        Discriminator discriminator = pair.discriminator();
        try (NDManager scope = pair.manager().newSubManager()) {
            NDArray x = minibatches.next(scope);
            long batch = x.getShape().get(0);
            NDArray z = generator.drawNoise(scope, batch);
            List<NDArray> realMasks = discriminator.drawDropoutMasks(scope, batch);
            List<NDArray> fakeMasks = discriminator.drawDropoutMasks(scope, batch);

            // G(z) is a constant in D's objective. Computed outside the gradient collector, it records no
            // autograd graph, and no gradient reaches G's buffers, which store G's velocity.
            NDArray fake = generator.generate(z).stopGradient();

            double learningRate = config.learningRate().rateAfter(updatesDone);
            discriminatorOptimizer.beginStep(momentum);

            NDArray statistics;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                DiscriminatorLogits logits = DiscriminatorLogits.of(discriminator, x, fake, realMasks, fakeMasks);
                NDArray discriminatorLoss = AdversarialLosses.discriminatorLoss(logits.real(), logits.fake());
                collector.backward(GradientBufferMomentumSgd.scaleLoss(discriminatorLoss, learningRate));
                statistics = StepStatistics.stack(discriminatorLoss, discriminatorLoss, logits.real(), logits.fake());
            }

            discriminatorOptimizer.finishStep();
            updatesDone++;
            return statistics.toFloatArray();
        }
    }

    private float generatorStep(int batch, double momentum) {
        Generator generator = pair.generator();
        Discriminator discriminator = pair.discriminator();
        try (NDManager scope = pair.manager().newSubManager()) {
            NDArray z = generator.drawNoise(scope, batch);
            List<NDArray> fakeMasks = discriminator.drawDropoutMasks(scope, batch);

            double learningRate = config.learningRate().rateAfter(updatesDone);
            generatorOptimizer.beginStep(momentum);

            // D's parameters enter as constants, so no gradient reaches D's buffers, which store D's velocity.
            NDArray generatorLoss;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray fake = generator.generate(z);
                NDArray fakeLogits = discriminator.logits(fake, fakeMasks, true);
                generatorLoss = AdversarialLosses.generatorLoss(fakeLogits, config.generatorObjective());
                collector.backward(GradientBufferMomentumSgd.scaleLoss(generatorLoss, learningRate));
            }

            generatorOptimizer.finishStep();
            updatesDone++;
            return generatorLoss.getFloat();
        }
    }

    private int iterationsPerEpoch(int exampleCount) {
        int minibatches = exampleCount / config.batchSize();
        int perIteration = config.updateMode() == UpdateMode.SIMULTANEOUS ? 1 : config.discriminatorSteps();
        int iterations = minibatches / perIteration;
        if (iterations < 1) {
            throw new IllegalArgumentException("The training set has " + exampleCount
                    + " examples, fewer than one iteration needs (" + perIteration * config.batchSize()
                    + "); use a smaller batch size or more data");
        }
        return iterations;
    }

    private int checkData(float[] data, int dimension) {
        if (dimension != pair.discriminator().dataDimension()) {
            throw new IllegalArgumentException("Training data has " + dimension
                    + " values per example but the discriminator reads " + pair.discriminator().dataDimension());
        }
        if (data.length == 0 || data.length % dimension != 0) {
            throw new IllegalArgumentException("Training data length " + data.length
                    + " is not a positive multiple of the dimension " + dimension);
        }
        return data.length / dimension;
    }

    static int engineSeed(long seed, int epoch) {
        return (int) (SeedMixer.mix(seed, "engine", epoch) & 0x7fffffffL);
    }

    @Override
    public void close() {
        // The velocities live in the parameters' gradient buffers, which the pair's manager frees.
        LOG.debug("Training stopped after {} updates", updatesDone);
    }

    /** Copies minibatches out of the row-major training array in a given order. */
    private static final class MinibatchReader {

        private final float[] data;
        private final int dimension;
        private final int[] order;
        private final int batchSize;
        private final ByteBuffer staging;
        private int position;

        MinibatchReader(float[] data, int dimension, int[] order, int batchSize, ByteBuffer staging) {
            this.data = data;
            this.dimension = dimension;
            this.order = order;
            this.batchSize = batchSize;
            this.staging = staging;
        }

        /**
         * Returns the next minibatch as an array that shares the staging memory, so the array must be
         * closed before the next call overwrites it. Every step closes its scope, and with it the
         * minibatch, before it returns.
         */
        NDArray next(NDManager manager) {
            FloatBuffer rows = staging.asFloatBuffer();
            for (int row = 0; row < batchSize; row++) {
                rows.put(data, order[position + row] * dimension, dimension);
            }
            position += batchSize;
            return manager.create(staging, new Shape(batchSize, dimension), DataType.FLOAT32);
        }
    }

    /**
     * D's logits on a minibatch of data and one of samples, computed as one batch of twice the rows
     * with each half's own dropout masks. One product per layer replaces two, and D's weight
     * gradient comes out of one product instead of two that autograd would add.
     *
     * @param real (batch, 1) logits on the data
     * @param fake (batch, 1) logits on the samples
     */
    private record DiscriminatorLogits(NDArray real, NDArray fake) {

        static DiscriminatorLogits of(Discriminator discriminator, NDArray data, NDArray samples,
                                      List<NDArray> dataMasks, List<NDArray> sampleMasks) {
            long batch = data.getShape().get(0);
            List<NDArray> masks = new ArrayList<>(dataMasks.size());
            for (int layer = 0; layer < dataMasks.size(); layer++) {
                NDArray dataMask = dataMasks.get(layer);
                masks.add(dataMask == null ? null : dataMask.concat(sampleMasks.get(layer), 0));
            }

            NDArray logits = discriminator.logits(data.concat(samples, 0), masks, false);
            return new DiscriminatorLogits(logits.get("0:{}", batch), logits.get("{}:", batch));
        }
    }

    /** The four numbers one step reports, read back from the engine in one copy. */
    private static final class StepStatistics {

        static final int COUNT = 4;

        static NDArray stack(NDArray discriminatorLoss, NDArray generatorLoss, NDArray realLogits, NDArray fakeLogits) {
            NDArray meanDReal = realLogits.stopGradient().getNDArrayInternal().sigmoid().mean();
            NDArray meanDFake = fakeLogits.stopGradient().getNDArrayInternal().sigmoid().mean();
            return NDArrays.stack(new ai.djl.ndarray.NDList(discriminatorLoss.stopGradient(),
                    generatorLoss.stopGradient(), meanDReal, meanDFake));
        }

        static void requireFinite(float[] statistics, int epoch, int iteration) {
            if (!Float.isFinite(statistics[0]) || !Float.isFinite(statistics[1])) {
                throw new TrainingDivergedException(epoch, iteration, statistics[0], statistics[1]);
            }
        }
    }
}
