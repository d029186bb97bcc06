package org.ganbench.models.cae;

import org.ganbench.core.ShuffledMinibatches;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.ganbench.core.SeedMixer;
import org.ganbench.core.nn.ConstantFactor;
import org.ganbench.core.optim.MomentumSgd;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Trains one layer of a stack by minibatch SGD on the contractive cost, with the layers below it
 * frozen: each minibatch of pixels is encoded through the lower layers, and the new layer learns
 * to reconstruct those codes.
 *
 * <p>The lower codes are computed outside the gradient collector, so the frozen layers record no
 * graph and receive no gradient. Codes are recomputed per minibatch instead of stored, because
 * 50,000 codes of 1,000 units would take 200 MB of heap.
 */
final class CaeLayerTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(CaeLayerTrainer.class);

    private final CaeConfig config;
    private final NDManager manager;
    private final Runnable onMinibatch;

    /**
     * @param config learning rate, momentum, minibatch size, epochs and lambda
     * @param manager parent of the per-minibatch scopes
     * @param onMinibatch called after every update, e.g. to step a progress bar
     */
    CaeLayerTrainer(CaeConfig config, NDManager manager, Runnable onMinibatch) {
        this.config = config;
        this.manager = manager;
        this.onMinibatch = onMinibatch;
    }

    /**
     * Runs every epoch of one layer.
     *
     * @param layer the layer to train, updated in place
     * @param frozenLayers the trained layers below it, bottom first; empty for the first layer
     * @param pixels training images, row-major (count, dimension)
     * @param dimension values per image
     * @return the metrics of each epoch
     * @throws IllegalStateException if the cost becomes NaN or infinite
     */
    List<CaeEpochMetrics> train(ContractiveAutoencoder layer, List<ContractiveAutoencoder> frozenLayers,
            float[] pixels, int dimension) {
        int layerNumber = frozenLayers.size() + 1;
        LOG.info("CAE layer {} training started: {} -> {} units, lambda {}, {} epochs", layerNumber,
                layer.visibleSize(), layer.hiddenSize(), config.contraction(), config.epochsPerLayer());

        List<CaeEpochMetrics> history = new ArrayList<>();
        try (MomentumSgd optimizer = new MomentumSgd(layer.parameters())) {
            for (int epoch = 1; epoch <= config.epochsPerLayer(); epoch++) {
                CaeEpochMetrics metrics = trainEpoch(layer, frozenLayers, optimizer, pixels, dimension, epoch);
                history.add(metrics);
                LOG.info(String.format("CAE layer %d epoch %d/%d  reconstruction %.4f nats  ||J||_F^2 %.4f  %.1f s",
                        layerNumber, epoch, config.epochsPerLayer(), metrics.reconstructionCrossEntropy(),
                        metrics.jacobianPenalty(), metrics.seconds()));
            }
        }
        return history;
    }

    private CaeEpochMetrics trainEpoch(ContractiveAutoencoder layer, List<ContractiveAutoencoder> frozenLayers,
            MomentumSgd optimizer, float[] pixels, int dimension, int epoch) {
        long start = System.nanoTime();
        int layerNumber = frozenLayers.size() + 1;
        // Each layer visits the data in its own order, as if trained in a separate run.
        long orderSeed = SeedMixer.mix(config.seed(), "cae-layer", layerNumber);
        ShuffledMinibatches minibatches = ShuffledMinibatches.forEpoch(pixels, dimension, config.batchSize(),
                orderSeed, epoch);

        double reconstructionSum = 0;
        double penaltySum = 0;
        int minibatchCount = minibatches.minibatchCount();
        for (int iteration = 1; iteration <= minibatchCount; iteration++) {
            float[] statistics = step(layer, frozenLayers, optimizer, minibatches);
            if (!Float.isFinite(statistics[0]) || !Float.isFinite(statistics[1])) {
                throw new IllegalStateException("CAE layer " + layerNumber + " diverged at epoch " + epoch
                        + ", minibatch " + iteration + ": reconstruction " + statistics[0] + ", ||J||_F^2 "
                        + statistics[1] + "; lower the learning rate or check the data for NaN values");
            }
            reconstructionSum += statistics[0];
            penaltySum += statistics[1];
            onMinibatch.run();
        }

        double seconds = (System.nanoTime() - start) / 1e9;
        return new CaeEpochMetrics(layerNumber, epoch, reconstructionSum / minibatchCount,
                penaltySum / minibatchCount, seconds);
    }

    /** One update; returns the minibatch's mean reconstruction cross-entropy and mean penalty. */
    private float[] step(ContractiveAutoencoder layer, List<ContractiveAutoencoder> frozenLayers,
            MomentumSgd optimizer, ShuffledMinibatches minibatches) {
        try (NDManager scope = manager.newSubManager()) {
            NDArray input = minibatches.next(scope);
            for (ContractiveAutoencoder lower : frozenLayers) {
                input = lower.encode(input);
            }

            NDArray statistics;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray code = layer.encode(input);
                NDArray reconstruction = layer.reconstructionCrossEntropy(input, code).mean();
                NDArray penalty = layer.jacobianPenalty(code).mean();
                collector.backward(reconstruction.add(ConstantFactor.times(penalty, config.contraction())));
                statistics = NDArrays.stack(new NDList(reconstruction.stopGradient(), penalty.stopGradient()));
            }

            optimizer.step(config.learningRate(), config.momentum());
            return statistics.toFloatArray();
        }
    }
}
