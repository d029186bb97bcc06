package org.ganbench.bench;

import org.ganbench.bench.experiment.ProgressBars;

/** Entry point that prints whether this process would draw progress bars, for a test that starts it on a terminal. */
final class ProgressBarsProbe {

    private ProgressBarsProbe() {
    }

    /**
     * Prints "progress bars shown: true" or "... false".
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        System.out.println("progress bars shown: " + ProgressBars.shown());
    }
}
