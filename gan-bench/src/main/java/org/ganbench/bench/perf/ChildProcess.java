package org.ganbench.bench.perf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs one external program to completion and returns what it printed. */
final class ChildProcess {

    private static final Logger LOG = LoggerFactory.getLogger(ChildProcess.class);

    private ChildProcess() {
    }

    /**
     * Output of a finished program.
     *
     * @param standardOutput everything written to standard output
     * @param standardError everything written to standard error
     */
    record Output(String standardOutput, String standardError) {

        /**
         * Returns the last line of standard output that starts with '{', the one-line JSON result
         * that every peer program and probe prints.
         *
         * @param program the program's name, for the error message
         * @return the JSON text
         * @throws IllegalStateException if no line starts with '{'
         */
        String lastJsonLine(String program) {
            List<String> lines = standardOutput.lines().filter(line -> line.startsWith("{")).toList();
            if (lines.isEmpty()) {
                throw new IllegalStateException(program + " printed no JSON line. Its standard error ends with: "
                        + tail(standardError));
            }
            return lines.get(lines.size() - 1);
        }
    }

    /**
     * Runs a program and waits for it.
     *
     * @param label short name of the program for the log, for example {@code gan_torch.py}
     * @param command the program and its arguments
     * @param environment variables added to this process's environment
     * @param timeout longest run time before the program is killed
     * @return its standard output and standard error
     * @throws IllegalStateException if the program exits with a non-zero code or times out
     * @throws UncheckedIOException if the program cannot be started
     */
    static Output run(String label, List<String> command, Map<String, String> environment, Duration timeout) {
        Path standardOutput = null;
        Path standardError = null;
        try {
            standardOutput = Files.createTempFile("gan-bench-child", ".out");
            standardError = Files.createTempFile("gan-bench-child", ".err");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectOutput(standardOutput.toFile())
                    .redirectError(standardError.toFile());
            builder.environment().putAll(environment);

            LOG.info("Started {}: {}", label, printable(command));
            long start = System.nanoTime();
            Process process = builder.start();
            boolean finished = process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
            if (!finished) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException("'" + String.join(" ", command) + "' timed out after "
                        + timeout.toSeconds() + " s. Check the machine's load or raise the timeout");
            }

            String output = Files.readString(standardOutput);
            String error = Files.readString(standardError);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("'" + String.join(" ", command) + "' failed with exit code "
                        + process.exitValue() + ". Its standard error ends with: " + tail(error));
            }
            LOG.info("Finished {} in {} s", label, String.format("%.1f", (System.nanoTime() - start) / 1e9));
            return new Output(output, error);
        } catch (IOException e) {
            throw new UncheckedIOException("failed to run '" + String.join(" ", command)
                    + "'. Check that the program exists and is executable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for '" + String.join(" ", command) + "'", e);
        } finally {
            deleteQuietly(standardOutput);
            deleteQuietly(standardError);
        }
    }

    /** Joins the command for the log, with an inline script shown as {@code <script>}. */
    private static String printable(List<String> command) {
        return String.join(" ", command.stream().map(part -> part.contains("\n") ? "<script>" : part).toList());
    }

    private static String tail(String text) {
        String trimmed = text.strip();
        return trimmed.length() <= 2000 ? trimmed : "..." + trimmed.substring(trimmed.length() - 2000);
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not delete temporary file {}: {}", file, e.toString());
        }
    }
}
