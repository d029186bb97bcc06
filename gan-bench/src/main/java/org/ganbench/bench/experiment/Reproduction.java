package org.ganbench.bench.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.ganbench.bench.report.AtomicFiles;
import org.ganbench.core.GenerativeModel;
import org.ganbench.eval.CrossFoldEstimate;
import org.ganbench.eval.ParzenEvaluation;
import org.ganbench.eval.ParzenRecord;
import org.ganbench.eval.ParzenWindowEstimator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The suite's main job: train each requested model on each fold of the data set, draw samples,
 * score every model with the same Parzen-window protocol and write the result files.
 *
 * <pre>
 *   data set -> folds (1 on MNIST, 5 on the face sets)
 *   per row and fold: train -> 10,000 samples -> sigma on the fold's validation images
 *                     -> mean log-likelihood of the fold's test images
 *   per row: one test set -> its standard error; five folds -> standard error across folds
 *   -> result.json, table1.md, sample grids, interpolations, loss curves
 * </pre>
 */
public final class Reproduction {

    private static final Logger LOG = LoggerFactory.getLogger(Reproduction.class);

    private final ReproductionOptions options;

    /**
     * @param options validated settings
     */
    public Reproduction(ReproductionOptions options) {
        this.options = options;
    }

    /**
     * Runs every requested row and writes the output folder.
     *
     * @return the stored result
     * @throws IOException if the data cannot be read or an output file cannot be written
     */
    public ResultFile run() throws IOException {
        Path output = options.outputDirectory();
        Files.createDirectories(output);
        FailureRecord.clear(output);

        // SIGTERM, SIGINT and SIGHUP run the shutdown hooks but unwind no stack, so only a hook can
        // record that the run stopped unfinished. SIGKILL runs no hook, so its folder keeps only checkpoints.
        AtomicBoolean ended = new AtomicBoolean();
        Thread signalRecord = new Thread(() -> {
            if (ended.compareAndSet(false, true)) {
                FailureRecord.writeStoppedBySignal(output, options.commandLine());
            }
        }, "failure-record-on-signal");
        Runtime.getRuntime().addShutdownHook(signalRecord);

        try {
            ResultFile result = runStages(output);
            deleteCheckpoints(output);
            return result;
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            if (ended.compareAndSet(false, true)) {
                FailureRecord.write(output, options.commandLine(), e);
            }
            throw e;
        } finally {
            ended.set(true);
            removeShutdownHook(signalRecord);
        }
    }

    private static void removeShutdownHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shutdownInProgress) {
            // The JVM is already exiting, and the hook has run or is running.
        }
    }

    private ResultFile runStages(Path output) throws IOException {
        Instant startedAt = Instant.now();
        RunEnvironment environment = RunEnvironment.capture();

        long dataStart = System.nanoTime();
        ExperimentData data = new ExperimentDataLoader(options).load();
        double dataSeconds = seconds(dataStart);
        // Created after the data loaded, so that a data error leaves no checkpoint folder behind.
        Path checkpointDirectory = Files.createDirectories(output.resolve("checkpoints"));

        RowFigures figures = new RowFigures(data, output, options.sampleCount(), options.seed());
        List<ModelResult> rows = new ArrayList<>();
        for (ModelKind kind : options.models()) {
            rows.add(runRow(kind, data, figures, checkpointDirectory));
        }

        Map<String, Double> timings = new LinkedHashMap<>();
        timings.put("data", dataSeconds);
        timings.put("total", (Instant.now().toEpochMilli() - startedAt.toEpochMilli()) / 1000.0);
        ResultFile result = new ResultFile(ResultFile.SCHEMA_VERSION, data.kind().tableName(),
                options.profile().label(), options.seed(), options.commandLine(), startedAt.toString(),
                Instant.now().toString(), data.description(), environment, timings, rows);
        writeResult(result);
        return result;
    }

    /** Trains, samples and scores one row on every fold; figures show the first fold. */
    private ModelResult runRow(ModelKind kind, ExperimentData data, RowFigures figures, Path checkpointDirectory)
            throws IOException {
        String label = kind.label(data.kind());
        Map<String, Double> timings = new LinkedHashMap<>();
        List<ParzenRecord> scores = new ArrayList<>();
        TrainedRowSummary first = null;
        Map<String, Object> figureFiles = Map.of();

        for (EvaluationFold fold : data.folds()) {
            int dimension = data.dimension();
            int epochScale = RowContext.epochScaleFor(data.kind(), options.profile(), fold.trainCount(dimension));
            RowContext context = new RowContext(options, fold.trainPixels(), dimension, fold.index(), epochScale,
                    options.outputDirectory(), checkpointDirectory);
            LOG.info("Row '{}'{}: training on {} images", label, foldLabel(data, fold), context.trainCount());

            long start = System.nanoTime();
            TrainedRow trained = Rows.trainerFor(kind).train(context);
            add(timings, "training", seconds(start));

            try (GenerativeModel model = trained.model()) {
                start = System.nanoTime();
                int sampleCount = Math.min(sampleCount(data), trained.distinctSamples());
                float[] samples = model.sample(sampleCount, options.seed());
                add(timings, "sampling", seconds(start));

                if (fold.scored()) {
                    start = System.nanoTime();
                    ParzenRecord score = evaluate(samples, sampleCount, fold, dimension);
                    scores.add(score);
                    add(timings, "parzen", seconds(start));
                    LOG.info("Row '{}'{}: test log-likelihood {} +/- {} nats (sigma {})", label,
                            foldLabel(data, fold), String.format("%.1f", score.meanLogLikelihood()),
                            String.format("%.1f", score.standardError()), String.format("%.4f", score.chosenSigma()));
                }

                if (first == null) {
                    start = System.nanoTime();
                    figureFiles = figures.write(kind, model, samples, fold, trained.epochs());
                    add(timings, "figures", seconds(start));
                    first = new TrainedRowSummary(trained.description(), trained.training(), trained.epochs());
                }
            }
        }

        ParzenRecord single = scores.size() == 1 ? scores.get(0) : null;
        CrossFoldEstimate crossFold = scores.size() > 1 ? CrossFoldEstimate.of(scores) : null;
        if (crossFold != null) {
            LOG.info("Row '{}': {} log-likelihood over {} folds {} +/- {} nats (standard error across folds)", label,
                    data.kind().tableName(), crossFold.folds(), String.format("%.1f", crossFold.mean()),
                    String.format("%.1f", crossFold.standardError()));
        }
        return new ModelResult(label, first.description(), first.training(), first.epochs(), timings, single,
                scores.size() > 1 ? scores : List.of(), crossFold, figureFiles);
    }

    /** Draws only the figure's samples on a data set that is not scored. */
    private int sampleCount(ExperimentData data) {
        if (data.kind().protocol() == DatasetKind.Protocol.SAMPLES_ONLY) {
            return Math.min(options.sampleCount(), RowFigures.GRID_SIZE * RowFigures.GRID_SIZE);
        }
        return options.sampleCount();
    }

    private ParzenRecord evaluate(float[] samples, int sampleCount, EvaluationFold fold, int dimension) {
        ParzenEvaluation evaluation = new ParzenEvaluation(options.sigmaGrid(),
                ParzenWindowEstimator.DEFAULT_BLOCK_SIZE, ProgressBars.shown());
        return evaluation.evaluate(new org.ganbench.eval.PointSet(samples, sampleCount, dimension),
                fold.validation(), fold.validationName(), fold.test(), fold.testName());
    }

    private void writeResult(ResultFile result) throws IOException {
        Path output = options.outputDirectory();
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        AtomicFiles.writeString(output.resolve("result.json"), json.writeValueAsString(result) + "\n");
        if (options.dataset().protocol() != DatasetKind.Protocol.SAMPLES_ONLY) {
            AtomicFiles.writeString(output.resolve("table1.md"), Table1FromResults.render(List.of(result)));
        }
        LOG.info("Wrote the result files to {}", output.toAbsolutePath());
    }

    private static String foldLabel(ExperimentData data, EvaluationFold fold) {
        return data.folds().size() > 1 ? " fold " + fold.index() : "";
    }

    private static void add(Map<String, Double> timings, String key, double seconds) {
        timings.merge(key, seconds, Double::sum);
    }

    /** Checkpoints are only needed until the result is written; they can be hundreds of megabytes. */
    private static void deleteCheckpoints(Path output) throws IOException {
        Path checkpoints = output.resolve("checkpoints");
        if (!Files.isDirectory(checkpoints)) {
            return;
        }
        try (var files = Files.list(checkpoints)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(checkpoints);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Description of the first fold's training, which result.json keeps because the other folds repeat its settings. */
    private record TrainedRowSummary(Map<String, Object> description, Object training,
                                     List<org.ganbench.core.EpochMetrics> epochs) {
    }
}
