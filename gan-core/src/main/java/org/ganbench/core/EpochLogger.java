package org.ganbench.core;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs one INFO line per epoch with the quantities a researcher watches. */
public final class EpochLogger implements TrainingListener {

    private static final Logger LOG = LoggerFactory.getLogger(EpochLogger.class);

    private int epochs;

    @Override
    public void onTrainingStart(TrainingConfig config, int iterationsPerEpoch) {
        epochs = config.epochs();
        LOG.info("Training for {} epochs of {} iterations, minibatch {}, {} updates, seed {}",
                config.epochs(), iterationsPerEpoch, config.batchSize(), config.updateMode(), config.seed());
    }

    @Override
    public void onEpochEnd(EpochMetrics m) {
        LOG.info(String.format("epoch %d/%d  D loss %.4f  G loss %.4f  D(x) %.3f  D(G(z)) %.3f  lr %.5f  momentum %.3f  %.1f s",
                m.epoch(), epochs, m.discriminatorLoss(), m.generatorLoss(), m.meanDReal(), m.meanDFake(),
                m.learningRate(), m.momentum(), m.seconds()));
    }
}
