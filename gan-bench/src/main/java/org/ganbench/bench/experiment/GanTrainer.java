package org.ganbench.bench.experiment;

import org.ganbench.core.AdversarialPair;
import org.ganbench.core.AdversarialTrainer;
import org.ganbench.core.Checkpoint;
import org.ganbench.core.CheckpointStore;
import org.ganbench.core.CompositeListener;
import org.ganbench.core.EpochLogger;
import org.ganbench.core.EpochMetrics;
import org.ganbench.core.MetricsJsonLines;
import org.ganbench.core.ProgressBarListener;
import org.ganbench.core.TrainingConfig;
import org.ganbench.core.TrainingListener;
import org.ganbench.core.nn.DenseLayer;
import org.ganbench.core.nn.DropoutSpec;
import org.ganbench.core.nn.FeedForwardNetwork;
import org.ganbench.core.nn.Layer;
import org.ganbench.core.nn.MaxoutLayer;
import org.ganbench.models.TrainedGan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Trains one adversarial pair of the authors' released configurations (see {@link GanSetup}),
 * appending each epoch to {@code epochs.jsonl} (or {@code epochs-<row>-fold<k>.jsonl} beside
 * other GAN rows and folds) and checkpointing after every epoch.
 */
final class GanTrainer implements ModelTrainer {

    private final ModelKind kind;

    /**
     * @param kind {@link ModelKind#GAN} or {@link ModelKind#GAN_CONVOLUTIONAL}
     */
    GanTrainer(ModelKind kind) {
        this.kind = kind;
    }

    @Override
    public TrainedRow train(RowContext context) throws IOException {
        ReproductionOptions options = context.options();
        GanSetup setup = GanSetup.of(options.dataset(), kind, options.profile());
        int epochs = options.epochs() != null ? options.epochs() : setup.epochs();
        // On a small face set one epoch is epochScale passes over the images, as for the
        // baselines. The copies are shuffled together, so an epoch still visits every image
        // epochScale times, and the trainer checkpoints once per epoch rather than once per pass.
        float[] trainPixels = tile(context.trainPixels(), context.epochScale());
        TrainingConfig config = setup.training(epochs, options.seed())
                .withUpdateMode(options.updateMode(), options.discriminatorSteps())
                .withGeneratorObjective(options.generatorObjective());
        if (options.learningRate() != null) {
            config = config.withInitialLearningRate(options.learningRate());
        }

        String suffix = fileSuffix(context);
        CheckpointStore checkpoints = new CheckpointStore(context.checkpointDirectory().resolve("gan" + suffix + ".ckpt"));
        Path metricsFile = context.outputDirectory().resolve("epochs" + suffix + ".jsonl");
        // Read before the metrics log is replaced, so that a damaged checkpoint leaves the old log in place.
        Checkpoint resumed = options.resume() && checkpoints.exists() ? checkpoints.load() : null;
        Files.deleteIfExists(metricsFile);
        MetricsJsonLines metricsLog = new MetricsJsonLines(metricsFile);
        List<TrainingListener> listenerList = new ArrayList<>(List.of(new EpochLogger(), metricsLog));
        if (ProgressBars.shown()) {
            listenerList.add(new ProgressBarListener());
        }
        CompositeListener listeners = new CompositeListener(listenerList);

        AdversarialPair pair = setup.build(trainPixels, context.dimension(), options.seed());
        try (AdversarialTrainer trainer = new AdversarialTrainer(pair, config)) {
            if (resumed != null) {
                trainer.restore(resumed);
                // Rewrite the log from the checkpoint: a kill between the log line and the
                // checkpoint can leave a line for an epoch that will be trained again.
                resumed.history().forEach(metricsLog::onEpochEnd);
            }
            trainer.enableCheckpoints(checkpoints);
            List<EpochMetrics> history = trainer.train(trainPixels, context.dimension(), listeners);
            Map<String, Object> description = describe(pair);
            description.put("source", setup.architecture().source());
            // A width record, which Jackson writes as an object of its components.
            description.put("widths", setup.widths());
            if (setup.architecture() == GanSetup.Architecture.MNIST) {
                description.put("initialisation", "weights uniform in [-0.05, 0.05] (G) and [-0.005, 0.005] (D);"
                        + " G output bias = logit of the training pixel means");
            }
            if (context.epochScale() > 1) {
                description.put("epochs", epochs + " epochs, each of " + context.epochScale()
                        + " shuffled copies of this small training set");
            }
            return new TrainedRow(new TrainedGan(pair), config, description, history);
        } catch (RuntimeException e) {
            pair.close();
            throw e;
        }
    }

    private static float[] tile(float[] pixels, int copies) {
        if (copies == 1) {
            return pixels;
        }
        float[] tiled = new float[Math.multiplyExact(pixels.length, copies)];
        for (int copy = 0; copy < copies; copy++) {
            System.arraycopy(pixels, 0, tiled, copy * pixels.length, pixels.length);
        }
        return tiled;
    }

    /**
     * Returns "" for the only GAN row of a single-split data set, so the MNIST files keep their
     * names, and a suffix naming the row and fold otherwise.
     */
    private String fileSuffix(RowContext context) {
        boolean folds = context.options().dataset().protocol() == DatasetKind.Protocol.FIVE_FOLDS;
        String row = kind == ModelKind.GAN ? "" : "-" + kind.optionName();
        return row + (folds ? "-fold" + context.fold() : "");
    }

    private static Map<String, Object> describe(AdversarialPair pair) {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("generator", describe(pair.generator().network()));
        description.put("generatorNoise", "z ~ N(0, I), " + pair.generator().latentDimension() + " dimensions");
        description.put("discriminator", describe(pair.discriminator().network()));
        description.put("discriminatorDropout", describe(pair.discriminator().dropout()));
        return description;
    }

    private static Map<String, Object> describe(DropoutSpec dropout) {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("keepProbabilities", dropout.keepProbabilities());
        description.put("scales", dropout.scales());
        return description;
    }

    private static Map<String, Object> describe(FeedForwardNetwork network) {
        List<String> layers = new ArrayList<>();
        for (Layer layer : network.layers()) {
            String kind;
            if (layer instanceof MaxoutLayer maxout) {
                kind = "maxout " + layer.outputSize() + " x " + maxout.pieces();
            } else if (layer instanceof DenseLayer dense) {
                kind = dense.activation().name().toLowerCase(Locale.ROOT) + " " + layer.outputSize();
            } else {
                kind = layer.getClass().getSimpleName() + " " + layer.outputSize();
            }
            layers.add(layer.inputSize() + " -> " + kind);
        }
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("layers", layers);
        description.put("parameters", network.parameterCount());
        return description;
    }
}
