package org.ganbench.core;

import java.io.IOException;

/**
 * A checkpoint file that exists but cannot be read back: truncated, not a checkpoint, or with a
 * damaged header. Resuming from it is impossible, so the run has to start again without it.
 */
public final class DamagedCheckpointException extends IOException {

    /**
     * @param message names the file and the fault
     * @param cause the read error, or null
     */
    public DamagedCheckpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
