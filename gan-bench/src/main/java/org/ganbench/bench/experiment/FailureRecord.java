package org.ganbench.bench.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.ganbench.bench.report.AtomicFiles;
import org.ganbench.core.DamagedCheckpointException;
import org.ganbench.core.TrainingDivergedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code failure.json}: written in place of a result when a run fails, so that a folder holds
 * either a finished result or a clearly named record of why there is none.
 */
public final class FailureRecord {

    static final String FILE_NAME = "failure.json";

    private static final Logger LOG = LoggerFactory.getLogger(FailureRecord.class);

    private FailureRecord() {
    }

    static void write(Path output, String commandLine, Throwable error) {
        write(output, commandLine, error.getClass().getName(), String.valueOf(error.getMessage()), advice(output, error));
    }

    /**
     * Returns how to continue. The advice depends on the error, because resuming repeats a divergence,
     * cannot read a damaged checkpoint and keeps a --train-limit that the data cannot satisfy.
     */
    private static String advice(Path output, Throwable error) {
        if (error instanceof DamagedCheckpointException) {
            return "the checkpoint is damaged; delete checkpoints/ and rerun the command without --resume";
        }
        if (error instanceof TrainingDivergedException) {
            return "rerun with a lower --learning-rate in a new --output folder, because resuming keeps the"
                    + " learning rate and diverges again";
        }
        if (error instanceof TrainLimitTooLargeException tooLarge) {
            return "rerun with --train-limit " + tooLarge.available() + " or less, or 0 to train on every image";
        }
        if (error instanceof OutOfMemoryError) {
            return resumeAdvice(output) + ", after raising the heap (for example GAN_BENCH_JAVA_OPTS=-Xmx16g)";
        }
        return resumeAdvice(output);
    }

    private static String resumeAdvice(Path output) {
        return hasCheckpoint(output)
                ? "checkpoints/ holds the last finished epoch; rerun the same command with --resume"
                : "no checkpoint was written; rerun the command";
    }

    /** Records a run that a signal such as SIGTERM or Ctrl-C stopped before it finished. */
    static void writeStoppedBySignal(Path output, String commandLine) {
        write(output, commandLine, "signal", "the run was stopped by a signal (SIGTERM, SIGINT or SIGHUP)"
                + " before it finished", resumeAdvice(output));
    }

    private static void write(Path output, String commandLine, String error, String message, String advice) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("failedAt", Instant.now().toString());
        record.put("command", commandLine);
        record.put("error", error);
        record.put("message", message);
        record.put("resume", advice);
        try {
            String json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(record);
            AtomicFiles.writeString(output.resolve(FILE_NAME), json + "\n");
        } catch (IOException e) {
            LOG.error("Failed to write the failure record {}: {}", output.resolve(FILE_NAME), e.toString());
        }
    }

    static void clear(Path output) throws IOException {
        Files.deleteIfExists(output.resolve(FILE_NAME));
    }

    /**
     * Returns true if the output folder contains a checkpoint file. A run that failed before its
     * first epoch leaves the folder empty, and then there is nothing to resume. An unreadable folder
     * counts as containing one, so that nothing is overwritten by mistake.
     *
     * @param output a run's output folder
     * @return whether {@code output/checkpoints} contains a {@code .ckpt} file
     */
    public static boolean hasCheckpoint(Path output) {
        Path folder = output.resolve("checkpoints");
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (var entries = Files.list(folder)) {
            return entries.anyMatch(file -> file.getFileName().toString().endsWith(".ckpt"));
        } catch (IOException e) {
            return true;
        }
    }
}
