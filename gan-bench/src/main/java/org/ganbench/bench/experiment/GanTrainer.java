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
import org.ganbench.core.nn.DenseLayer;
import org.ganbench.core.nn.FeedForwardNetwork;
import org.ganbench.core.nn.Layer;
import org.ganbench.core.nn.MaxoutLayer;
import org.ganbench.models.MnistGan;
import org.ganbench.models.TrainedGan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Trains the MNIST adversarial pair of the released configuration, appending epochs.jsonl. */
final class GanTrainer implements ModelTrainer {

    @Override
    public TrainedRow train(RowContext context) throws IOException {
        ReproductionOptions options = context.options();
        TrainingConfig config = TrainingConfig.paperMnist(options.epochs(), options.seed())
                .withUpdateMode(options.updateMode(), options.discriminatorSteps())
                .withGeneratorObjective(options.generatorObjective())
                .withInitialLearningRate(options.learningRate());

        CheckpointStore checkpoints = new CheckpointStore(context.checkpointDirectory().resolve("gan.ckpt"));
        Path metricsFile = context.outputDirectory().resolve("epochs.jsonl");
        Files.deleteIfExists(metricsFile);
        MetricsJsonLines metricsLog = new MetricsJsonLines(metricsFile);
        CompositeListener listeners = new CompositeListener(List.of(
                new EpochLogger(), metricsLog, new ProgressBarListener()));

        AdversarialPair pair = MnistGan.paper(context.trainPixels(), options.seed());
        try (AdversarialTrainer trainer = new AdversarialTrainer(pair, config)) {
            if (options.resume() && checkpoints.exists()) {
                Checkpoint checkpoint = checkpoints.load();
                trainer.restore(checkpoint);
                // Rewrite the log from the checkpoint: a kill between the log line and the
                // checkpoint can leave a line for an epoch that will be trained again.
                checkpoint.history().forEach(metricsLog::onEpochEnd);
            }
            trainer.enableCheckpoints(checkpoints);
            List<EpochMetrics> history = trainer.train(context.trainPixels(), context.dimension(), listeners);
            return new TrainedRow(new TrainedGan(pair), config, describe(pair), history);
        } catch (RuntimeException e) {
            pair.close();
            throw e;
        }
    }

    private static Map<String, Object> describe(AdversarialPair pair) {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("source", "Goodfellow et al. (2014), released mnist.yaml");
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
                    : ((DenseLayer) layer).activation().name().toLowerCase(Locale.ROOT) + " " + layer.outputSize();
            layers.add(layer.inputSize() + " -> " + kind);
        }
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("layers", layers);
        description.put("parameters", network.parameterCount());
        return description;
    }
}
