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
import org.ganbench.bench.report.Table1Renderer;
import org.ganbench.bench.report.Table1Row;
import org.ganbench.core.AdversarialPair;
import org.ganbench.core.AdversarialTrainer;
import org.ganbench.core.CompositeListener;
import org.ganbench.core.EpochLogger;
import org.ganbench.core.EpochMetrics;
import org.ganbench.core.GeneratorSampler;
import org.ganbench.core.MetricsJsonLines;
import org.ganbench.core.ProgressBarListener;
import org.ganbench.core.TrainingConfig;
import org.ganbench.core.nn.Layer;
import org.ganbench.core.nn.MaxoutLayer;
import org.ganbench.core.nn.DenseLayer;
import org.ganbench.core.nn.FeedForwardNetwork;
import org.ganbench.datasets.ImageSet;
import org.ganbench.datasets.Mnist;
import org.ganbench.datasets.MnistOptions;
import org.ganbench.datasets.MnistSplits;
import org.ganbench.eval.BandwidthSelection;
import org.ganbench.eval.ParzenEvaluation;
import org.ganbench.eval.ParzenWindowEstimator;
import org.ganbench.eval.ParzenRecord;
import org.ganbench.eval.PointSet;
import org.ganbench.models.MnistGan;
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

/**
 * The suite's main job: train the MNIST GAN of Goodfellow et al. (2014), draw samples, score
 * them with the Parzen-window protocol and write the result files.
 *
 * <pre>
 *   MNIST -> train G and D -> 10,000 samples -> sigma on 1,000 validation images
 *         -> log-likelihood of the 10,000 test images -> result.json, table1.md, figures
 * </pre>
 */
public final class MnistReproduction {

    private static final Logger LOG = LoggerFactory.getLogger(MnistReproduction.class);

    /** Validation images used to choose the bandwidth, as in the original Parzen script. */
    static final int BANDWIDTH_VALIDATION_COUNT = 1000;

    /** Pixels per MNIST image, 28 x 28. */
    static final int MNIST_DIMENSION = 784;

    /** Rows and columns of the sample figure. */
    static final int GRID_SIZE = 10;

    private final ReproductionOptions options;
    private final Map<String, Double> timings = new LinkedHashMap<>();

    /**
     * @param options validated settings
     */
    public MnistReproduction(ReproductionOptions options) {
        this.options = options;
    }

    /**
     * Runs every stage and writes the output folder.
     *
     * @return the stored result
     * @throws IOException if the data cannot be read or an output file cannot be written
     */
    public ResultFile run() throws IOException {
        Instant startedAt = Instant.now();
        Path output = options.outputDirectory();
        Files.createDirectories(output);
        RunEnvironment environment = RunEnvironment.capture();

        MnistSplits splits = timed("data", this::loadData);
        TrainingConfig config = TrainingConfig.paperMnist(options.epochs(), options.seed())
                .withUpdateMode(options.updateMode(), options.discriminatorSteps())
                .withGeneratorObjective(options.generatorObjective());

        ImageSet train = trainingImages(splits.train());
        // ImageSet.pixels() returns a copy, so take the 157 MB array once.
        float[] trainPixels = train.pixels();
        try (AdversarialPair pair = MnistGan.paper(trainPixels, options.seed())) {
            Map<String, Object> architecture = describe(pair);
            List<EpochMetrics> history = timed("training", () -> train(pair, config, trainPixels));
            float[] samples = timed("sampling", () -> GeneratorSampler.sample(pair, options.sampleCount(), options.seed()));
            ParzenRecord parzen = timed("parzen", () -> evaluate(samples, splits));
            Map<String, Object> grid = timed("figures", () -> writeFigures(samples, trainPixels, history));

            timings.put("total", (Instant.now().toEpochMilli() - startedAt.toEpochMilli()) / 1000.0);
            ResultFile result = new ResultFile(ResultFile.SCHEMA_VERSION, PaperTable1.ADVERSARIAL_NETS,
                    PaperTable1.MNIST, options.profile().label(), options.seed(), options.commandLine(),
                    startedAt.toString(), Instant.now().toString(), architecture, config,
                    describeData(splits), environment, Map.copyOf(timings), history, parzen, grid);
            writeResult(result);
            return result;
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

    private List<EpochMetrics> train(AdversarialPair pair, TrainingConfig config, float[] trainPixels) {
        Path metricsFile = options.outputDirectory().resolve("epochs.jsonl");
        try {
            Files.deleteIfExists(metricsFile);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Failed to remove the old " + metricsFile, e);
        }
        CompositeListener listeners = new CompositeListener(List.of(
                new EpochLogger(), new MetricsJsonLines(metricsFile), new ProgressBarListener()));
        try (AdversarialTrainer trainer = new AdversarialTrainer(pair, config)) {
            return trainer.train(trainPixels, MNIST_DIMENSION, listeners);
        }
    }

    private ParzenRecord evaluate(float[] samples, MnistSplits splits) {
        ImageSet validation = splits.validation().slice("validation[0:" + BANDWIDTH_VALIDATION_COUNT + "]",
                0, BANDWIDTH_VALIDATION_COUNT);
        ImageSet test = splits.test();
        ParzenEvaluation evaluation = new ParzenEvaluation(BandwidthSelection.defaultGrid(),
                ParzenWindowEstimator.DEFAULT_BLOCK_SIZE, true);
        return evaluation.evaluate(
                new PointSet(samples, options.sampleCount(), test.dimension()),
                new PointSet(validation.pixels(), validation.count(), validation.dimension()),
                "MNIST validation images 50,000-50,999",
                new PointSet(test.pixels(), test.count(), test.dimension()),
                "MNIST test images (all 10,000)");
    }

    private Map<String, Object> writeFigures(float[] samples, float[] trainPixels, List<EpochMetrics> history)
            throws IOException {
        Path output = options.outputDirectory();
        int shown = Math.min(GRID_SIZE * GRID_SIZE, options.sampleCount());
        int rows = Math.max(1, shown / GRID_SIZE);
        float[] gridSamples = java.util.Arrays.copyOf(samples, rows * GRID_SIZE * MNIST_DIMENSION);
        SampleGrid grid = new SampleGrid(ImageShape.MNIST, rows, GRID_SIZE);
        int[] nearest = grid.writeWithNearestNeighbours(output.resolve("samples.png"), gridSamples,
                new NearestNeighbours(trainPixels, MNIST_DIMENSION));

        List<EpochPoint> points = new ArrayList<>();
        for (EpochMetrics m : history) {
            points.add(new EpochPoint(m.epoch(), m.discriminatorLoss(), m.generatorLoss(), m.meanDReal(), m.meanDFake()));
        }
        new LossPlot().write(output.resolve("losses.png"), points);

        Map<String, Object> description = new LinkedHashMap<>();
        description.put("file", "samples.png");
        description.put("rows", rows);
        description.put("columns", GRID_SIZE);
        description.put("samplesShown", "the first " + rows * GRID_SIZE + " of the Parzen samples");
        description.put("nearestTrainingIndex", nearest);
        return description;
    }

    private void writeResult(ResultFile result) throws IOException {
        Path output = options.outputDirectory();
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        AtomicFiles.writeString(output.resolve("result.json"), json.writeValueAsString(result) + "\n");
        AtomicFiles.writeString(output.resolve("table1.md"), renderTable(List.of(result)));
        LOG.info("MNIST test log-likelihood {} +/- {} nats (sigma {}); results in {}",
                String.format("%.1f", result.parzen().meanLogLikelihood()),
                String.format("%.1f", result.parzen().standardError()),
                String.format("%.4f", result.parzen().chosenSigma()), output.toAbsolutePath());
    }

    /**
     * Renders Table 1 for MNIST from stored results, so a table can be rebuilt without retraining.
     *
     * @param results stored runs
     * @return markdown
     */
    public static String renderTable(List<ResultFile> results) {
        List<Table1Row> rows = new ArrayList<>();
        for (ResultFile r : results) {
            ParzenRecord p = r.parzen();
            rows.add(new Table1Row(r.model(), r.dataset(), p.meanLogLikelihood(), p.standardError(),
                    p.chosenSigma(), p.sampleCount(), p.testCount(),
                    r.profile() + " profile, " + r.epochs().size() + " epochs, seed " + r.seed()));
        }
        return Table1Renderer.renderMarkdown(PaperTable1.MNIST, rows);
    }

    private static Map<String, Object> describe(AdversarialPair pair) {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("generator", describe(pair.generator().network()));
        description.put("generatorNoise", "z ~ N(0, I), " + pair.generator().latentDimension() + " dimensions");
        description.put("discriminator", describe(pair.discriminator().network()));
        description.put("discriminatorDropout", pair.discriminator().dropout().toString());
        description.put("initialisation", "weights uniform in [-0.05, 0.05] (G) and [-0.005, 0.005] (D); "
                + "G output bias = logit of the training pixel means");
        return description;
    }

    private static Map<String, Object> describe(FeedForwardNetwork network) {
        List<String> layers = new ArrayList<>();
        for (Layer layer : network.layers()) {
            String kind = layer instanceof MaxoutLayer maxout
                    ? "maxout " + layer.outputSize() + " x " + maxout.pieces()
                    : ((DenseLayer) layer).activation().name().toLowerCase(java.util.Locale.ROOT) + " " + layer.outputSize();
            layers.add(layer.inputSize() + " -> " + kind);
        }
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("layers", layers);
        description.put("parameters", network.parameterCount());
        return description;
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

    private <T> T timed(String stage, Stage<T> work) throws IOException {
        long start = System.nanoTime();
        T value = work.run();
        timings.put(stage, (System.nanoTime() - start) / 1e9);
        return value;
    }

    @FunctionalInterface
    private interface Stage<T> {
        T run() throws IOException;
    }
}
