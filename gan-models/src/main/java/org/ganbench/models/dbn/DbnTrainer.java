package org.ganbench.models.dbn;

import org.ganbench.core.ShuffledMinibatches;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.ganbench.core.SeedMixer;
import org.ganbench.models.PixelMarginals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Greedy layer-wise training of a DBN: the first RBM learns the pixels, and each further RBM
 * learns the hidden probabilities p(h | v) that the layer below computes for every training
 * example.
 */
public final class DbnTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(DbnTrainer.class);

    // Rows per native call when a trained layer encodes the whole training set.
    private static final int ENCODING_BLOCK = 1000;

    private DbnTrainer() {
    }

    /**
     * Trains every layer of a DBN in turn.
     *
     * @param data training examples, row-major (count, dimension), values in [0, 1]
     * @param dimension values per example, e.g. 784 for MNIST
     * @param config layer widths, training and sampling settings
     * @param seed seed of the initialisation, the data order and the Gibbs sampling
     * @param showProgress whether to show a console progress bar over all layers' minibatches
     * @return the trained model, which owns its native memory; close it when done
     * @throws IllegalArgumentException if the data is empty, not a multiple of the dimension,
     *     contains a value outside [0, 1], or has fewer rows than one minibatch
     * @throws IllegalStateException if a layer's training diverges
     */
    public static DeepBeliefNet train(float[] data, int dimension, DbnConfig config, long seed, boolean showProgress) {
        int exampleCount = checkData(data, dimension, config.layerTraining().batchSize());
        RbmTrainer trainer = new RbmTrainer(config.layerTraining());
        List<Integer> widths = config.hiddenLayerSizes();
        LOG.info("Training a DBN {}-{} ({} profile) on {} examples, seed {}", dimension,
                widths.stream().map(String::valueOf).collect(Collectors.joining("-")), config.profile(),
                exampleCount, seed);
        long start = System.nanoTime();

        NDManager manager = NDManager.newBaseManager();
        try (ProgressBar bar = showProgress ? progressBar(config, exampleCount) : null) {
            Runnable onMinibatch = bar == null ? () -> { } : bar::step;
            List<Rbm> layers = new ArrayList<>();
            List<RbmEpochMetrics> history = new ArrayList<>();
            float[] layerInput = data;
            int inputWidth = dimension;

            for (int layer = 1; layer <= widths.size(); layer++) {
                float[] visibleBias = PixelMarginals.logitOfMean(layerInput, inputWidth);
                Rbm rbm = Rbm.initialize(manager, visibleBias, widths.get(layer - 1),
                        config.layerTraining().initialWeightStd(), SeedMixer.mix(seed, "dbn-layer-init", layer));
                history.addAll(trainer.train(rbm, layerInput, layer, SeedMixer.mix(seed, "dbn-layer-training", layer),
                        onMinibatch));
                layers.add(rbm);

                if (layer < widths.size()) {
                    layerInput = encode(rbm, layerInput, manager);
                    inputWidth = rbm.hiddenUnits();
                }
            }

            LOG.info("Finished training the DBN in {} s", String.format("%.1f", (System.nanoTime() - start) / 1e9));
            return new DeepBeliefNet(manager, layers, pixelMeans(data, dimension), config, history);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** Maps every row to the hidden probabilities p(h | v), the training data of the next layer. */
    private static float[] encode(Rbm rbm, float[] visible, NDManager manager) {
        int visibleUnits = rbm.visibleUnits();
        int hiddenUnits = rbm.hiddenUnits();
        int count = visible.length / visibleUnits;
        float[] hidden = new float[count * hiddenUnits];

        for (int startRow = 0; startRow < count; startRow += ENCODING_BLOCK) {
            int rows = Math.min(ENCODING_BLOCK, count - startRow);
            float[] block = Arrays.copyOfRange(visible, startRow * visibleUnits, (startRow + rows) * visibleUnits);
            try (NDManager scope = manager.newSubManager()) {
                NDArray input = scope.create(block, new Shape(rows, visibleUnits));
                float[] probabilities = rbm.hiddenProbabilities(input).toFloatArray();
                System.arraycopy(probabilities, 0, hidden, startRow * hiddenUnits, rows * hiddenUnits);
            }
        }
        return hidden;
    }

    private static float[] pixelMeans(float[] data, int dimension) {
        double[] sums = new double[dimension];
        for (int i = 0; i < data.length; i++) {
            sums[i % dimension] += data[i];
        }
        float[] means = new float[dimension];
        int count = data.length / dimension;
        for (int i = 0; i < dimension; i++) {
            means[i] = (float) (sums[i] / count);
        }
        return means;
    }

    private static int checkData(float[] data, int dimension, int batchSize) {
        if (dimension < 1 || data.length == 0 || data.length % dimension != 0) {
            throw new IllegalArgumentException("Training data length " + data.length
                    + " is not a positive multiple of the dimension " + dimension);
        }
        for (int i = 0; i < data.length; i++) {
            if (!(data[i] >= 0f && data[i] <= 1f)) {
                throw new IllegalArgumentException("Training value " + data[i] + " at row " + i / dimension
                        + ", column " + i % dimension + " is outside [0, 1]; scale pixels to [0, 1] first");
            }
        }
        int count = data.length / dimension;
        if (count < batchSize) {
            throw new IllegalArgumentException("The training set has " + count + " examples, fewer than one minibatch of "
                    + batchSize + "; use a smaller batch size");
        }
        return count;
    }

    private static ProgressBar progressBar(DbnConfig config, int exampleCount) {
        long minibatches = (long) config.hiddenLayerSizes().size() * config.layerTraining().epochs()
                * ShuffledMinibatches.count(exampleCount, config.layerTraining().batchSize());
        return new ProgressBarBuilder()
                .setTaskName("DBN")
                .setInitialMax(minibatches)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(1000)
                .build();
    }
}
