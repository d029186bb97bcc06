package org.ganbench.core;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Shows a console progress bar over all iterations of a training run. */
public final class ProgressBarListener implements TrainingListener {

    private ProgressBar bar;
    private int epochs;

    @Override
    public void onTrainingStart(TrainingConfig config, int iterationsPerEpoch) {
        epochs = config.epochs();
        bar = new ProgressBarBuilder()
                .setTaskName("Training")
                .setInitialMax((long) config.epochs() * iterationsPerEpoch)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(1000)
                .build();
    }

    @Override
    public void onIteration() {
        bar.step();
    }

    @Override
    public void onEpochEnd(EpochMetrics metrics) {
        bar.setExtraMessage("epoch " + metrics.epoch() + "/" + epochs);
    }

    @Override
    public void onTrainingEnd() {
        bar.close();
    }
}
