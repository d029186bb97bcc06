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

    /**
     * Training images per k-means centroid: the published 10,000 centroids are one per five of
     * MNIST's 50,000 training images.
     */
    static final int IMAGES_PER_CENTROID = 5;

    private BaselineTrainers() {
    }

    static ModelTrainer dbn() {
        return context -> {
            boolean paper = context.options().profile() == ExperimentProfile.PAPER;
            DbnConfig profileConfig = paper ? DbnConfig.paper() : DbnConfig.quick();
            DbnConfig config = profileConfig.withEpochs(context.scaledEpochs(profileConfig.layerTraining().epochs()));
            DeepBeliefNet model = DbnTrainer.train(context.trainPixels(), context.dimension(), config,
                    context.options().seed(), ProgressBars.shown());
            return new TrainedRow(model, config.description(), model.description(), List.of());
        };
    }

    static ModelTrainer stackedCae() {
        return context -> {
            boolean paper = context.options().profile() == ExperimentProfile.PAPER;
            CaeConfig profileConfig = (paper ? CaeConfig.paper() : CaeConfig.quick()).withSeed(context.options().seed());
            CaeConfig config = profileConfig.withEpochsPerLayer(context.scaledEpochs(profileConfig.epochsPerLayer()));
            StackedCae model = StackedCae.train(context.trainPixels(), context.dimension(), config,
                    ProgressBars.shown());
            return new TrainedRow(model, config.description(), model.description(), List.of());
        };
    }

    static ModelTrainer deepGsn() {
        return context -> {
            boolean paper = context.options().profile() == ExperimentProfile.PAPER;
            GsnConfig profileConfig = (paper ? GsnConfig.paper() : GsnConfig.quick()).withSeed(context.options().seed());
            GsnConfig config = profileConfig.withEpochs(context.scaledEpochs(profileConfig.epochs()));
            Gsn model = Gsn.train(context.trainPixels(), context.dimension(), config, ProgressBars.shown());
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
            int configured = config.clusterCount();
            int clusters = clusterCount(context, configured);
            if (clusters != configured) {
                config = new KMeansConfig(clusters, config.maxIterations(), config.seeding(),
                        config.seedingBatchSize(), config.blockSize(), config.seed());
            }
            KMeansModel model = KMeansModel.train(context.trainPixels(), context.dimension(), config,
                    ProgressBars.shown());
            Map<String, Object> training = new LinkedHashMap<>(config.description());
            training.put("clusterCountRule", "one centroid per " + IMAGES_PER_CENTROID + " training images, at most "
                    + configured + ": " + clusters + " for " + context.trainCount() + " images");
            return new TrainedRow(model, training, model.description(), List.of(), clusters);
        };
    }

    /**
     * Returns k: one centroid per {@link #IMAGES_PER_CENTROID} training images, at most the configured
     * count. MNIST's full training set gives the published 10,000. Smaller training sets (the face sets,
     * or any run with {@code --train-limit}) keep that ratio rather than the count. A k equal to the
     * number of training images would make every centroid a training image, so the row would repeat
     * the training-data row instead of measuring a summary of the data five times smaller.
     */
    static int clusterCount(RowContext context, int configured) {
        return Math.min(configured, Math.max(1, context.trainCount() / IMAGES_PER_CENTROID));
    }
}
