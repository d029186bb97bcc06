package org.ganbench.bench;

import org.ganbench.core.DamagedCheckpointException;
import org.ganbench.core.TrainingDivergedException;
import org.ganbench.datasets.CorruptDataException;
import org.ganbench.datasets.DataUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** Turns an exception thrown by a command into a logged error and an exit code. */
final class FailureHandler implements CommandLine.IExecutionExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(FailureHandler.class);

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        if (e instanceof CommandLine.ParameterException parameterError) {
            throw parameterError;
        }
        if (e instanceof DataUnavailableException || e instanceof CorruptDataException) {
            LOG.error("Data error: {}", e.getMessage());
            return GanBench.EXIT_DATA;
        }
        if (e instanceof java.nio.file.NoSuchFileException missing) {
            LOG.error("Data error: file not found: {}. Check --data-dir; the README's Data section lists what"
                    + " each data set needs.", missing.getFile());
            return GanBench.EXIT_DATA;
        }
        if (e instanceof DamagedCheckpointException) {
            LOG.error("Damaged checkpoint: {}. Delete the output folder's checkpoints/ and rerun without --resume.",
                    e.getMessage());
            return GanBench.EXIT_DATA;
        }
        if (e instanceof TrainingDivergedException) {
            LOG.error("{}", e.getMessage());
            return GanBench.EXIT_DIVERGED;
        }
        LOG.error("Internal failure: {}", e.toString(), e);
        return GanBench.EXIT_INTERNAL;
    }
}
