package org.ganbench.core;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends each epoch's metrics as one JSON object per line, flushed at once, so a run that
 * dies keeps every finished epoch on disk.
 */
public final class MetricsJsonLines implements TrainingListener {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    /**
     * @param file the JSON-lines file; created if absent, appended to otherwise
     */
    public MetricsJsonLines(Path file) {
        this.file = file;
    }

    @Override
    public void onEpochEnd(EpochMetrics metrics) {
        try {
            String line = JSON.writeValueAsString(metrics) + "\n";
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to append epoch " + metrics.epoch() + " metrics to " + file, e);
        }
    }
}
