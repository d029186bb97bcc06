package org.ganbench.bench.experiment;

import java.util.List;
import java.util.Map;

/**
 * The content of {@code result.json}: everything needed to trust, compare and re-render one run
 * without retraining.
 *
 * @param schemaVersion version of this layout
 * @param dataset data set name as Table 1 prints it
 * @param profile experiment profile
 * @param seed run seed
 * @param command the command line that produced the run
 * @param startedAt ISO-8601 start time (UTC)
 * @param finishedAt ISO-8601 end time (UTC)
 * @param data where the data came from and the split sizes
 * @param environment source revision, libraries and machine
 * @param timingsSeconds wall-clock seconds of data loading and of the whole run
 * @param rows one entry per model, in Table 1 order
 */
public record ResultFile(
        int schemaVersion,
        String dataset,
        String profile,
        long seed,
        String command,
        String startedAt,
        String finishedAt,
        Map<String, Object> data,
        RunEnvironment environment,
        Map<String, Double> timingsSeconds,
        List<ModelResult> rows) {

    /**
     * Current {@link #schemaVersion}. Version 4 writes a GAN row's {@code widths} and
     * {@code discriminatorDropout} as JSON objects, where version 3 wrote the record's toString() text,
     * such as {@code "DropoutSpec[keep=[0.8, 0.5, 0.5], scales=[1.25, 2.0, 2.0]]"}.
     */
    public static final int SCHEMA_VERSION = 4;

    /**
     * Oldest {@link #schemaVersion} that {@code gan-bench table} reads. Version 2 has no fold records,
     * so its rows read with empty folds. A row's description is read as any JSON value, so the text
     * fields of versions 2 and 3 read as well as the objects of version 4.
     */
    public static final int OLDEST_READABLE_SCHEMA_VERSION = 2;

    /**
     * Finds a row by model name.
     *
     * @param model row label, compared ignoring case
     * @return the row, or null if this run has none
     */
    public ModelResult row(String model) {
        for (ModelResult row : rows) {
            if (row.model().equalsIgnoreCase(model)) {
                return row;
            }
        }
        return null;
    }
}
