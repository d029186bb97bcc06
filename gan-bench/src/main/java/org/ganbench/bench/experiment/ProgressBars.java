package org.ganbench.bench.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The choice whether training and scoring draw console progress bars. The bars (me.tongfei
 * progressbar) write to standard error and redraw their line with carriage returns, which leave
 * every redraw in a redirected log, so they are drawn only when standard error is a terminal.
 */
public final class ProgressBars {

    private static final boolean SHOWN = standardErrorIsTerminal();

    private ProgressBars() {
    }

    /**
     * Returns whether to draw progress bars: true when standard error is a terminal.
     *
     * @return the decision, made once per process
     */
    public static boolean shown() {
        return SHOWN;
    }

    /**
     * Returns whether file descriptor 2 points to a terminal device, read from /proc on Linux, the
     * platform the suite runs on. The usual test, {@link System#console()}, depends on standard input
     * and output instead, so it misses {@code 2> log}.
     */
    private static boolean standardErrorIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException e) {
            // No /proc: fall back on the usual test.
            return System.console() != null;
        }
    }
}
