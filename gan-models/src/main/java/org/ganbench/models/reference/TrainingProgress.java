package org.ganbench.models.reference;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A console progress bar that can be switched off, in which case every call does nothing. */
final class TrainingProgress implements AutoCloseable {

    private final ProgressBar bar;

    private TrainingProgress(ProgressBar bar) {
        this.bar = bar;
    }

    /**
     * Starts a progress bar, or a silent stand-in.
     *
     * @param visible whether to draw the bar
     * @param task label printed before the bar
     * @param steps number of steps to completion
     * @return the progress tracker; close it when the task ends
     */
    static TrainingProgress start(boolean visible, String task, long steps) {
        if (!visible) {
            return new TrainingProgress(null);
        }
        return new TrainingProgress(new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(steps)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(1000)
                .build());
    }

    /** Advances the bar by {@code steps}. */
    void stepBy(long steps) {
        if (bar != null) {
            bar.stepBy(steps);
        }
    }

    /** Shows a short status after the bar, e.g. the current inertia. */
    void message(String text) {
        if (bar != null) {
            bar.setExtraMessage(text);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
