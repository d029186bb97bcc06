package org.ganbench.bench.experiment;

import org.ganbench.core.GeneratorObjective;
import org.ganbench.core.UpdateMode;

import java.nio.file.Path;

/**
 * Validated settings of one {@code reproduce} run.
 *
 * @param dataset the data set
 * @param models Table 1 rows to train and score, in table order
 * @param profile how long to train
 * @param epochs passes over the training set of the GAN rows, or null for the profile's number for the
 *     data set and architecture
 * @param seed run seed
 * @param outputDirectory where result files go
 * @param dataDirectory a folder holding the data files, or null to use the cache and downloads
 * @param cacheDirectory the download cache, or null for the default
 * @param updateMode simultaneous (released code) or alternating (Algorithm 1)
 * @param discriminatorSteps k for alternating updates
 * @param generatorObjective non-saturating or saturating
 * @param sampleCount generated samples for the Parzen window
 * @param trainLimit use only the first this many training images, or 0 for all 50,000
 * @param mirrors MNIST mirrors to try instead of the official ones; empty for the default list
 * @param offline true to use only the data directory and the cache
 * @param resume continue an interrupted run from the checkpoints in the output folder
 * @param learningRate initial learning rate of both networks, or null for the released configuration's
 * @param sigmaGrid Parzen bandwidths to select from
 * @param commandLine the command as typed, stored in the result
 */
public record ReproductionOptions(
        DatasetKind dataset,
        java.util.List<ModelKind> models,
        ExperimentProfile profile,
        Integer epochs,
        long seed,
        Path outputDirectory,
        Path dataDirectory,
        Path cacheDirectory,
        UpdateMode updateMode,
        int discriminatorSteps,
        GeneratorObjective generatorObjective,
        int sampleCount,
        int trainLimit,
        java.util.List<java.net.URI> mirrors,
        boolean offline,
        boolean resume,
        Double learningRate,
        double[] sigmaGrid,
        String commandLine) {
}
