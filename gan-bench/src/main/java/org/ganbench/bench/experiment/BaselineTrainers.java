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
 * profile and takes the run's seed; {@code --epochs} applies to the GAN only. On the small face
 * sets the iterative models run {@link RowContext#epochScale} passes per configured epoch.
 */
final class BaselineTrainers {

    private BaselineTrainers() {
    }

    static ModelTrainer dbn() {
        return context -> {
            boolean paper = context.options().profile() == ExperimentProfile.PAPER;
            DbnConfig profileConfig = paper ? DbnConfig.paper() : DbnConfig.quick();
            DbnConfig config = profileConfig.withEpochs(context.scaledEpochs(profileConfig.layerTraining().epochs()));
            DeepBeliefNet model = DbnTrainer.train(context.trainPixels(), context.dimension(), config,
                    context.options().seed(), true);
            return new TrainedRow(model, config.description(), model.description(), List.of());
        };
    }

    static ModelTrainer stackedCae() {
        return context -> {
            boolean paper = context.options().profile() == ExperimentProfile.PAPER;
            CaeConfig profileConfig = (paper ? CaeConfig.paper() : CaeConfig.quick()).withSeed(context.options().seed());
            CaeConfig config = profileConfig.withEpochsPerLayer(context.scaledEpochs(profileConfig.epochsPerLayer()));
            StackedCae model = StackedCae.train(context.trainPixels(), context.dimension(), config, true);
            return new TrainedRow(model, config.description(), model.description(), List.of());
        };
    }

    static ModelTrainer deepGsn() {
        return context -> {
            boolean paper = context.options().profile() == ExperimentProfile.PAPER;
            GsnConfig profileConfig = (paper ? GsnConfig.paper() : GsnConfig.quick()).withSeed(context.options().seed());
            GsnConfig config = profileConfig.withEpochs(context.scaledEpochs(profileConfig.epochs()));
            Gsn model = Gsn.train(context.trainPixels(), context.dimension(), config, true);
            return new TrainedRow(model, config.description(), model.description(), List.of());
        };
    }

    static ModelTrainer trainingData() {
        return context -> {
            TrainingDataModel model = new TrainingDataModel(context.trainPixels(), context.dimension());
            Map<String, Object> training = new LinkedHashMap<>();
            training.put("training", "none: samples are training images drawn without replacement");
            return new TrainedRow(model, training, model.description(), List.of(), context.trainCount());
        };
    }

    static ModelTrainer kMeans() {
        return context -> {
            boolean paper = context.options().profile() == ExperimentProfile.PAPER;
            KMeansConfig config = (paper ? KMeansConfig.paper() : KMeansConfig.quick()).withSeed(context.options().seed());
            int clusters = clusterCount(context, config.clusterCount());
            if (clusters != config.clusterCount()) {
                config = new KMeansConfig(clusters, config.maxIterations(), config.seeding(),
                        config.seedingBatchSize(), config.blockSize(), config.seed());
            }
            KMeansModel model = KMeansModel.train(context.trainPixels(), context.dimension(), config, true);
            return new TrainedRow(model, config.description(), model.description(), List.of(), clusters);
        };
    }

    /**
     * Returns k. MNIST's 10,000 centroids are one per five training images. The face sets have far
     * fewer images, so they keep that ratio, up to the configured count, and k never exceeds the number
     * of training images (which only {@code --train-limit} can cause on MNIST).
     */
    static int clusterCount(RowContext context, int configured) {
        int count = context.trainCount();
        if (context.options().dataset().protocol() == DatasetKind.Protocol.FIVE_FOLDS) {
            return Math.min(configured, Math.max(1, count / 5));
        }
        return Math.min(configured, count);
    }
}
