package org.ganbench.bench.perf;

/**
 * A peer program of the benchmark cannot run or failed: its interpreter, a Python module or the
 * BLAS library it needs is missing, or it exited with an error. The message names the program, the
 * cause and the fix.
 */
public final class PeerProgramException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed and how to fix it
     */
    public PeerProgramException(String message) {
        super(message);
    }

    /**
     * Creates the exception with the failure that caused it.
     *
     * @param message what failed and how to fix it
     * @param cause the underlying failure
     */
    public PeerProgramException(String message, Throwable cause) {
        super(message, cause);
    }
}
