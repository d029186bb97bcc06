package org.ganbench.datasets;

import java.io.IOException;

/** One-line descriptions of exceptions for logs and source failure lists. */
final class Failures {

    /** Causes beyond this depth add length but rarely information. */
    private static final int MAX_CAUSES = 3;

    private Failures() {
    }

    /**
     * Describes an exception and its causes on one line. The class name is included when the message alone
     * would be empty or vague, as with the {@code ConnectException} of {@code java.net.http}, whose message is
     * often null.
     */
    static String describe(Throwable error) {
        StringBuilder text = new StringBuilder(describeOne(error));
        Throwable cause = error.getCause();
        for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++) {
            String part = describeOne(cause);
            if (!text.toString().contains(part)) {
                text.append(" (caused by ").append(part).append(')');
            }
            cause = cause.getCause();
        }
        return text.toString();
    }

    private static String describeOne(Throwable error) {
        String message = error.getMessage();
        boolean plain = error.getClass() == IOException.class;
        if (message == null || message.isBlank()) {
            return error.getClass().getSimpleName();
        }
        return plain ? message : error.getClass().getSimpleName() + ": " + message;
    }
}
