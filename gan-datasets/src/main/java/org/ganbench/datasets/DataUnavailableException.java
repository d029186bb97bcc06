package org.ganbench.datasets;

import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * Signals that no source provided a verified copy of a data set. The message lists every source tried, why
 * each failed, and how to fix it.
 */
public final class DataUnavailableException extends IOException {

    private final transient List<SourceFailure> failures;

    /**
     * One source that was tried and why it failed.
     *
     * @param source description of the source, for example "mirror https://ossci-datasets.s3.amazonaws.com/mnist/"
     * @param reason why the source provided no verified file
     */
    public record SourceFailure(String source, String reason) {

        /**
         * Validates the fields.
         *
         * @throws NullPointerException if a field is null
         */
        public SourceFailure {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Creates the exception.
     *
     * @param summary first sentence of the message, saying which data set and files are missing
     * @param failures every source tried, in order
     * @param remedy last sentence of the message, saying what the user can do
     * @throws NullPointerException if an argument is null
     */
    public DataUnavailableException(String summary, List<SourceFailure> failures, String remedy) {
        super(format(summary, failures, remedy));
        this.failures = List.copyOf(failures);
    }

    /**
     * Returns the sources tried, in order.
     *
     * @return an unmodifiable list with one entry per failed source
     */
    public List<SourceFailure> failures() {
        return failures;
    }

    private static String format(String summary, List<SourceFailure> failures, String remedy) {
        StringBuilder message = new StringBuilder(Objects.requireNonNull(summary, "summary"));
        for (SourceFailure failure : Objects.requireNonNull(failures, "failures")) {
            message.append(System.lineSeparator())
                    .append("  - ").append(failure.source()).append(": ").append(failure.reason());
        }
        return message.append(System.lineSeparator()).append(Objects.requireNonNull(remedy, "remedy")).toString();
    }
}
