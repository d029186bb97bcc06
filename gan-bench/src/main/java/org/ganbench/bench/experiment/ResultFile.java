package org.ganbench.bench.experiment;

import org.ganbench.core.EpochMetrics;
import org.ganbench.core.TrainingConfig;
import org.ganbench.eval.ParzenRecord;

import java.util.List;
import java.util.Map;

/**
 * The content of {@code result.json}: everything needed to trust, compare and re-render one run
 * without retraining.
 *
 * @param schemaVersion version of this layout
 * @param model model name as Table 1 prints it
 * @param dataset data set name
 * @param profile experiment profile
 * @param seed run seed
 * @param command the command line that produced the run
 * @param startedAt ISO-8601 start time (UTC)
 * @param finishedAt ISO-8601 end time (UTC)
 * @param architecture layer-by-layer description of both networks and their parameter counts
 * @param training optimisation settings
 * @param data where the data came from and the split sizes
 * @param environment source revision, libraries and machine
 * @param timingsSeconds wall-clock seconds per stage
 * @param epochs per-epoch training metrics
 * @param parzen the full Parzen-window evaluation record
 * @param sampleGrid nearest training image (index into the training split) beside each row of the figure
 */
public record ResultFile(
        int schemaVersion,
        String model,
        String dataset,
        String profile,
        long seed,
        String command,
        String startedAt,
        String finishedAt,
        Map<String, Object> architecture,
        TrainingConfig training,
        Map<String, Object> data,
        RunEnvironment environment,
        Map<String, Double> timingsSeconds,
        List<EpochMetrics> epochs,
        ParzenRecord parzen,
        Map<String, Object> sampleGrid) {

    /** Current {@link #schemaVersion}. */
    public static final int SCHEMA_VERSION = 1;
}
