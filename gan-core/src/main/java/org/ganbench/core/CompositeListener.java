package org.ganbench.core;

import java.util.List;

/** Forwards every event to several listeners, in order. */
public final class CompositeListener implements TrainingListener {

    private final List<TrainingListener> listeners;

    /**
     * @param listeners receivers, called in this order
     */
    public CompositeListener(List<TrainingListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void onTrainingStart(TrainingConfig config, int iterationsPerEpoch) {
        listeners.forEach(l -> l.onTrainingStart(config, iterationsPerEpoch));
    }

    @Override
    public void onIteration() {
        listeners.forEach(TrainingListener::onIteration);
    }

    @Override
    public void onEpochEnd(EpochMetrics metrics) {
        listeners.forEach(l -> l.onEpochEnd(metrics));
    }

    @Override
    public void onTrainingEnd() {
        listeners.forEach(TrainingListener::onTrainingEnd);
    }
}
