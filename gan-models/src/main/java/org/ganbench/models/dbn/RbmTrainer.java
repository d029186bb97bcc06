package org.ganbench.models.dbn;

import org.ganbench.core.ShuffledMinibatches;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.ganbench.core.SeedMixer;
import org.ganbench.core.optim.MomentumSgd;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Trains one RBM by minibatch SGD with momentum on the contrastive-divergence gradient, with the
 * negative particles taken from CD-k or from persistent chains, as the configuration selects.
 *
 * <p>The engine's random stream (the Gibbs samples) is reseeded from (seed, epoch) at the start of
 * every epoch and the data order is drawn from the same pair, so an epoch's randomness depends
 * only on the seed and the epoch number.
 */
public final class RbmTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(RbmTrainer.class);

    // The reconstruction error costs two extra matrix products, a third of an update, so it is
    // measured on every tenth minibatch only.
    private static final int RECONSTRUCTION_INTERVAL = 10;

    private final RbmTrainingConfig config;

    /**
     * Creates a trainer for the given settings.
     *
     * @param config epochs, minibatch size, negative phase and optimiser schedules
     */
    public RbmTrainer(RbmTrainingConfig config) {
        this.config = config;
    }

    /**
     * Trains the RBM in place for every epoch of the configuration.
     *
     * @param rbm the model to train; its parameters are updated in place
     * @param data training examples, row-major (count, rbm.visibleUnits()), values in [0, 1]
     * @param layer 1-based DBN layer, used only in logs and metrics
     * @param seed seed of the data order and of the Gibbs sampling
     * @param onMinibatch called after every parameter update, e.g. to advance a progress bar
     * @return the metrics of each epoch, in order
     * @throws IllegalArgumentException if the data does not hold at least one full minibatch of
     *     rows of the RBM's visible width
     * @throws IllegalStateException if the reconstruction error or the free-energy gap becomes NaN
     *     or infinite
     */
    public List<RbmEpochMetrics> train(Rbm rbm, float[] data, int layer, long seed, Runnable onMinibatch) {
        checkData(rbm, data);
        List<RbmEpochMetrics> history = new ArrayList<>();
        try (MomentumSgd optimizer = new MomentumSgd(rbm.parameters());
                NDManager chainManager = rbm.weights().getManager().newSubManager()) {
            PersistentChains chains = config.negativePhase() == NegativePhase.PERSISTENT
                    ? new PersistentChains(rbm, chainManager, config.batchSize(), engineSeed(seed, 0))
                    : null;

            for (int epoch = 1; epoch <= config.epochs(); epoch++) {
                RbmEpochMetrics metrics = trainEpoch(rbm, data, layer, epoch, seed, optimizer, chains, onMinibatch);
                requireFinite(metrics);
                LOG.info("RBM layer {} epoch {}/{}: reconstruction error {}, free-energy gap {} nats, "
                                + "learning rate {}, momentum {}, {} s",
                        layer, epoch, config.epochs(), String.format("%.3f", metrics.reconstructionError()),
                        String.format("%.3f", metrics.freeEnergyGap()), String.format("%.5f", metrics.learningRate()),
                        String.format("%.2f", metrics.momentum()), String.format("%.1f", metrics.seconds()));
                history.add(metrics);
            }
        }
        return history;
    }

    /** Runs one pass over the data; {@code chains} is null for CD-k. */
    private RbmEpochMetrics trainEpoch(Rbm rbm, float[] data, int layer, int epoch, long seed, MomentumSgd optimizer,
            PersistentChains chains, Runnable onMinibatch) {
        long start = System.nanoTime();
        int minibatchesPerEpoch = ShuffledMinibatches.count(data.length / rbm.visibleUnits(), config.batchSize());
        // The schedule counts updates from the first epoch, and every epoch has the same number.
        long updatesDone = (long) (epoch - 1) * minibatchesPerEpoch;
        double momentum = config.momentum().momentumAt(epoch);
        Engine.getInstance().setRandomSeed(engineSeed(seed, epoch));
        ShuffledMinibatches minibatches = ShuffledMinibatches.forEpoch(data, rbm.visibleUnits(), config.batchSize(),
                seed, epoch, "rbm-data-order");

        double errorSum = 0;
        int errorCount = 0;
        double gapSum = 0;
        for (int minibatch = 0; minibatch < minibatchesPerEpoch; minibatch++) {
            try (NDManager scope = rbm.weights().getManager().newSubManager()) {
                NDArray positive = minibatches.next(scope);
                if (minibatch % RECONSTRUCTION_INTERVAL == 0) {
                    errorSum += rbm.reconstructionError(positive);
                    errorCount++;
                }

                NDArray negative = chains != null
                        ? chains.advance(config.gibbsSteps(), scope)
                        : rbm.gibbsChain(positive, config.gibbsSteps());
                gapSum += rbm.accumulateCdGradient(positive, negative, config.weightDecay());
                optimizer.step(config.learningRate().rateAfter(updatesDone), momentum);
                updatesDone++;
            }
            onMinibatch.run();
        }

        return new RbmEpochMetrics(layer, epoch, errorSum / errorCount, gapSum / minibatchesPerEpoch,
                config.learningRate().rateAfter(updatesDone - 1), momentum, (System.nanoTime() - start) / 1e9);
    }

    private void checkData(Rbm rbm, float[] data) {
        int visibleUnits = rbm.visibleUnits();
        if (data.length == 0 || data.length % visibleUnits != 0) {
            throw new IllegalArgumentException("Training data length " + data.length
                    + " is not a positive multiple of the RBM's " + visibleUnits + " visible units");
        }
        int exampleCount = data.length / visibleUnits;
        if (exampleCount < config.batchSize()) {
            throw new IllegalArgumentException("The training set has " + exampleCount
                    + " examples, fewer than one minibatch of " + config.batchSize() + "; use a smaller batch size");
        }
    }

    private static void requireFinite(RbmEpochMetrics metrics) {
        if (!Double.isFinite(metrics.reconstructionError()) || !Double.isFinite(metrics.freeEnergyGap())) {
            throw new IllegalStateException("RBM layer " + metrics.layer() + " diverged in epoch " + metrics.epoch()
                    + ": reconstruction error " + metrics.reconstructionError() + ", free-energy gap "
                    + metrics.freeEnergyGap() + "; lower the learning rate or the momentum");
        }
    }

    private static int engineSeed(long seed, int epoch) {
        return (int) (SeedMixer.mix(seed, "rbm-gibbs", epoch) & 0x7fffffffL);
    }

    /** The fantasy particles of persistent CD, kept across updates in their own manager. */
    private static final class PersistentChains {

        private final Rbm rbm;
        private NDArray visible;

        /**
         * Starts each chain from independent visible units with means sigmoid(b). Because b
         * starts at the logit of the data means, these are the data's marginals before training.
         */
        PersistentChains(Rbm rbm, NDManager manager, int chainCount, int engineSeed) {
            this.rbm = rbm;
            Engine.getInstance().setRandomSeed(engineSeed);
            try (NDArray zeros = manager.zeros(new Shape(chainCount, rbm.visibleUnits()));
                    NDArray logits = zeros.add(rbm.visibleBias());
                    NDArray means = logits.getNDArrayInternal().sigmoid()) {
                visible = Rbm.sampleBernoulli(means);
            }
        }

        /**
         * Runs every chain {@code steps} Gibbs steps further and returns a copy of the new visible
         * states attached to {@code scope}, so that the arrays computed from it are freed with
         * the minibatch rather than with the chains.
         */
        NDArray advance(int steps, NDManager scope) {
            NDArray next = rbm.gibbsChain(visible, steps);
            visible.close();
            visible = next;
            NDArray copy = visible.duplicate();
            copy.attach(scope);
            return copy;
        }
    }
}
