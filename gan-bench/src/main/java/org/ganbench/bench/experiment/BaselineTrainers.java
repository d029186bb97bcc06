package org.ganbench.bench.experiment;

import org.ganbench.models.cae.CaeConfig;
import org.ganbench.models.cae.StackedCae;
import org.ganbench.models.dbn.DbnConfig;
import org.ganbench.models.dbn.DbnTrainer;
import org.ganbench.models.dbn.DeepBeliefNet;
import org.ganbench.models.gsn.Gsn;
import org.ganbench.models.gsn.GsnConfig;
import org.ganbench.models.reference.KMeansConfig;
import org.ganbench.models.reference.KMeansModel;
import org.ganbench.models.reference.TrainingDataModel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trainers of the rows other than the GAN. Each picks its quick or paper settings from the
 * profile and takes the run's seed; {@code --epochs} applies to the GAN only.
 */
final class BaselineTrainers {

    private BaselineTrainers() {
    }

    static ModelTrainer dbn() {
        return context -> {
            boolean paper = context.options().profile() == ExperimentProfile.PAPER;
            DbnConfig config = paper ? DbnConfig.paper() : DbnConfig.quick();
            DeepBeliefNet model = DbnTrainer.train(context.trainPixels(), context.dimension(), config,
                    context.options().seed(), true);
            return new TrainedRow(model, config.description(), model.description(), List.of());
        };
    }

    static ModelTrainer stackedCae() {
        return context -> {
            boolean paper = context.options().profile() == ExperimentProfile.PAPER;
            CaeConfig config = (paper ? CaeConfig.paper() : CaeConfig.quick()).withSeed(context.options().seed());
            StackedCae model = StackedCae.train(context.trainPixels(), context.dimension(), config, true);
            return new TrainedRow(model, config.description(), model.description(), List.of());
        };
    }

    static ModelTrainer deepGsn() {
        return context -> {
            boolean paper = context.options().profile() == ExperimentProfile.PAPER;
            GsnConfig config = (paper ? GsnConfig.paper() : GsnConfig.quick()).withSeed(context.options().seed());
            Gsn model = Gsn.train(context.trainPixels(), context.dimension(), config, true);
            return new TrainedRow(model, config.description(), model.description(), List.of());
        };
    }

    static ModelTrainer trainingData() {
        return context -> {
            TrainingDataModel model = new TrainingDataModel(context.trainPixels(), context.dimension());
            Map<String, Object> training = new LinkedHashMap<>();
            training.put("training", "none: samples are training images drawn without replacement");
            return new TrainedRow(model, training, model.description(), List.of());
        };
    }

    static ModelTrainer kMeans() {
        return context -> {
            boolean paper = context.options().profile() == ExperimentProfile.PAPER;
            KMeansConfig config = (paper ? KMeansConfig.paper() : KMeansConfig.quick()).withSeed(context.options().seed());
            if (config.clusterCount() > context.trainCount()) {
                // Only with --train-limit: k cannot exceed the number of points.
                config = new KMeansConfig(context.trainCount(), config.maxIterations(), config.seeding(),
                        config.seedingBatchSize(), config.blockSize(), config.seed());
            }
            KMeansModel model = KMeansModel.train(context.trainPixels(), context.dimension(), config, true);
            return new TrainedRow(model, config.description(), model.description(), List.of());
        };
    }
}
