package org.ganbench.bench.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.ganbench.bench.figures.EpochPoint;
import org.ganbench.bench.figures.ImageShape;
import org.ganbench.bench.figures.LossPlot;
import org.ganbench.bench.figures.NearestNeighbours;
import org.ganbench.bench.figures.SampleGrid;
import org.ganbench.bench.report.AtomicFiles;
import org.ganbench.bench.report.PaperTable1;
import org.ganbench.core.EpochMetrics;
import org.ganbench.core.GenerativeModel;
import org.ganbench.datasets.ImageSet;
import org.ganbench.datasets.Mnist;
import org.ganbench.datasets.MnistOptions;
import org.ganbench.datasets.MnistSplits;
import org.ganbench.eval.ParzenEvaluation;
import org.ganbench.eval.ParzenRecord;
import org.ganbench.eval.ParzenWindowEstimator;
import org.ganbench.eval.PointSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The suite's main job on MNIST: train each requested model, draw samples, score every model
 * with the same Parzen-window protocol and write the result files.
 *
 * <pre>
 *   MNIST -> train a model -> 10,000 samples -> sigma on 1,000 validation images
 *         -> log-likelihood of the 10,000 test images -> result.json, table1.md, figures
 * </pre>
 */
public final class MnistReproduction {

    private static final Logger LOG = LoggerFactory.getLogger(MnistReproduction.class);

    /** Validation images used to choose the bandwidth, as in the original Parzen script. */
    static final int BANDWIDTH_VALIDATION_COUNT = 1000;

    /** Pixels per MNIST image, 28 x 28. */
    static final int MNIST_DIMENSION = 784;

    /** Rows and columns of each sample figure. */
    static final int GRID_SIZE = 10;

    private final ReproductionOptions options;

    /**
     * @param options validated settings
     */
    public MnistReproduction(ReproductionOptions options) {
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
        try {
            ResultFile result = runStages(output);
            deleteCheckpoints(output);
            return result;
        } catch (IOException | RuntimeException e) {
            FailureRecord.write(output, options.commandLine(), e);
            throw e;
        }
    }

    private ResultFile runStages(Path output) throws IOException {
        Instant startedAt = Instant.now();
        Path checkpointDirectory = Files.createDirectories(output.resolve("checkpoints"));
        RunEnvironment environment = RunEnvironment.capture();

        long dataStart = System.nanoTime();
        MnistSplits splits = loadData();
        ImageSet train = trainingImages(splits.train());
        // ImageSet.pixels() returns a copy, so take the 157 MB array once.
        float[] trainPixels = train.pixels();
        double dataSeconds = seconds(dataStart);

        RowContext context = new RowContext(options, trainPixels, MNIST_DIMENSION, output, checkpointDirectory);
        NearestNeighbours nearestNeighbours = new NearestNeighbours(trainPixels, MNIST_DIMENSION);
        List<ModelResult> rows = new ArrayList<>();
        for (ModelKind kind : options.models()) {
            rows.add(runRow(kind, context, splits, nearestNeighbours));
        }

        Map<String, Double> timings = new LinkedHashMap<>();
        timings.put("data", dataSeconds);
        timings.put("total", (Instant.now().toEpochMilli() - startedAt.toEpochMilli()) / 1000.0);
        ResultFile result = new ResultFile(ResultFile.SCHEMA_VERSION, PaperTable1.MNIST,
                options.profile().label(), options.seed(), options.commandLine(), startedAt.toString(),
                Instant.now().toString(), describeData(splits), environment, timings, rows);
        writeResult(result);
        return result;
    }

    private ModelResult runRow(ModelKind kind, RowContext context, MnistSplits splits,
                               NearestNeighbours nearestNeighbours) throws IOException {
        LOG.info("Row '{}': training", kind.label());
        Map<String, Double> timings = new LinkedHashMap<>();

        long start = System.nanoTime();
        TrainedRow trained = Rows.trainerFor(kind).train(context);
        timings.put("training", seconds(start));

        try (GenerativeModel model = trained.model()) {
            start = System.nanoTime();
            float[] samples = model.sample(options.sampleCount(), options.seed());
            timings.put("sampling", seconds(start));

            start = System.nanoTime();
            ParzenRecord parzen = evaluate(samples, splits);
            timings.put("parzen", seconds(start));

            start = System.nanoTime();
            Map<String, Object> grid = writeFigures(kind, samples, nearestNeighbours, trained.epochs());
            timings.put("figures", seconds(start));

            LOG.info("Row '{}': MNIST test log-likelihood {} +/- {} nats (sigma {})", kind.label(),
                    String.format("%.1f", parzen.meanLogLikelihood()), String.format("%.1f", parzen.standardError()),
                    String.format("%.4f", parzen.chosenSigma()));
            return new ModelResult(kind.label(), trained.description(), trained.training(), trained.epochs(),
                    timings, parzen, grid);
        }
    }

    private MnistSplits loadData() throws IOException {
        MnistOptions mnist = MnistOptions.defaults();
        if (options.dataDirectory() != null) {
            mnist = mnist.withDataDirectory(options.dataDirectory());
        }
        if (options.cacheDirectory() != null) {
            mnist = mnist.withCacheDirectory(options.cacheDirectory());
        }
        if (!options.mirrors().isEmpty()) {
            mnist = mnist.withMirrors(options.mirrors());
        }
        if (options.offline()) {
            mnist = mnist.withMirrors(List.of()).withNpm(false);
        }
        MnistSplits splits = Mnist.load(mnist);
        LOG.info("MNIST ready from {}: {} train, {} validation, {} test images", splits.origin(),
                splits.train().count(), splits.validation().count(), splits.test().count());
        return splits;
    }

    private ImageSet trainingImages(ImageSet all) {
        int limit = options.trainLimit();
        if (limit == 0 || limit >= all.count()) {
            return all;
        }
        LOG.info("Training on the first {} of {} training images (--train-limit)", limit, all.count());
        return all.slice(all.name() + "[0:" + limit + "]", 0, limit);
    }

    private ParzenRecord evaluate(float[] samples, MnistSplits splits) {
        ImageSet validation = splits.validation().slice("validation[0:" + BANDWIDTH_VALIDATION_COUNT + "]",
                0, BANDWIDTH_VALIDATION_COUNT);
        ImageSet test = splits.test();
        ParzenEvaluation evaluation = new ParzenEvaluation(options.sigmaGrid(),
                ParzenWindowEstimator.DEFAULT_BLOCK_SIZE, true);
        return evaluation.evaluate(
                new PointSet(samples, options.sampleCount(), MNIST_DIMENSION),
                new PointSet(validation.pixels(), validation.count(), MNIST_DIMENSION),
                "MNIST validation images 50,000-50,999",
                new PointSet(test.pixels(), test.count(), MNIST_DIMENSION),
                "MNIST test images (all 10,000)");
    }

    private Map<String, Object> writeFigures(ModelKind kind, float[] samples, NearestNeighbours nearestNeighbours,
                                             List<EpochMetrics> history) throws IOException {
        Path output = options.outputDirectory();
        String gridFile = kind == ModelKind.GAN ? "samples.png" : "samples-" + kind.optionName() + ".png";
        int shown = Math.min(GRID_SIZE * GRID_SIZE, options.sampleCount());
        int rows = Math.max(1, shown / GRID_SIZE);
        int columns = Math.min(GRID_SIZE, shown);
        float[] gridSamples = Arrays.copyOf(samples, rows * columns * MNIST_DIMENSION);
        SampleGrid grid = new SampleGrid(ImageShape.MNIST, rows, columns);
        int[] nearest = grid.writeWithNearestNeighbours(output.resolve(gridFile), gridSamples, nearestNeighbours);

        if (!history.isEmpty()) {
            List<EpochPoint> points = new ArrayList<>();
            for (EpochMetrics m : history) {
                points.add(new EpochPoint(m.epoch(), m.discriminatorLoss(), m.generatorLoss(), m.meanDReal(), m.meanDFake()));
            }
            new LossPlot().write(output.resolve("losses.png"), points);
        }

        Map<String, Object> description = new LinkedHashMap<>();
        description.put("file", gridFile);
        description.put("rows", rows);
        description.put("columns", columns);
        description.put("samplesShown", "the first " + rows * columns + " of the Parzen samples");
        description.put("nearestTrainingIndex", nearest);
        return description;
    }

    private void writeResult(ResultFile result) throws IOException {
        Path output = options.outputDirectory();
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        AtomicFiles.writeString(output.resolve("result.json"), json.writeValueAsString(result) + "\n");
        AtomicFiles.writeString(output.resolve("table1.md"), Table1FromResults.render(List.of(result)));
        LOG.info("Wrote result.json and table1.md to {}", output.toAbsolutePath());
    }

    private Map<String, Object> describeData(MnistSplits splits) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("origin", splits.origin());
        data.put("train", "training images 0-49,999 (" + splits.train().count() + ")");
        data.put("trainLimit", options.trainLimit() == 0 ? "none" : options.trainLimit());
        data.put("validation", "training images 50,000-59,999 (" + splits.validation().count() + ")");
        data.put("test", "official test images (" + splits.test().count() + ")");
        data.put("pixels", "float32 in [0, 1], intensity / 255");
        return data;
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
}
