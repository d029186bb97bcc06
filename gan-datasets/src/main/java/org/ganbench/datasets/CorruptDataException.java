package org.ganbench.datasets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Signals a data file whose content is invalid: a wrong magic number, impossible dimensions, a truncated
 * or overlong payload, broken gzip data or a checksum mismatch.
 *
 * <p>The message starts with the file, then states what was wrong and what to do next. It is an
 * {@link IOException} because callers handle it where they handle failed reads.
 */
public final class CorruptDataException extends IOException {

    private final transient Path file;

    /**
     * Creates the exception for one damaged file.
     *
     * @param file the file that failed validation
     * @param problem what was wrong and how to fix it, for example
     *     "truncated: ... Delete the file and fetch it again."
     * @throws NullPointerException if {@code file} or {@code problem} is null
     */
    public CorruptDataException(Path file, String problem) {
        super(Objects.requireNonNull(file, "file") + ": " + Objects.requireNonNull(problem, "problem"));
        this.file = file;
    }

    /**
     * Creates the exception for one damaged file, keeping the low-level error as the cause.
     *
     * @param file the file that failed validation
     * @param problem what was wrong and how to fix it
     * @param cause the error raised while decoding the file
     * @throws NullPointerException if {@code file} or {@code problem} is null
     */
    public CorruptDataException(Path file, String problem, Throwable cause) {
        this(file, problem);
        initCause(cause);
    }

    /**
     * Returns the damaged file.
     *
     * @return the path given when the exception was created
     */
    public Path file() {
        return file;
    }
}
