package org.ganbench.bench.experiment;

import org.ganbench.core.GeneratorObjective;
import org.ganbench.core.UpdateMode;
import org.ganbench.eval.BandwidthSelection;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The number of k-means centroids for full, limited and face-fold training sets. */
class BaselineTrainersTest {

    private static final int CONFIGURED_CLUSTERS = 10_000;

    /** Returns k for a training set of {@code images} one-pixel images of the data set. */
    private static int clusterCount(DatasetKind dataset, int images) {
        ReproductionOptions options = new ReproductionOptions(dataset, List.of(ModelKind.KMEANS),
                ExperimentProfile.QUICK, null, 1, Path.of("run"), null, null, UpdateMode.SIMULTANEOUS, 1,
                GeneratorObjective.NON_SATURATING, 10_000, 0, List.of(), true, false, null,
                BandwidthSelection.defaultGrid(), "gan-bench reproduce");
        RowContext context = new RowContext(options, new float[images], 1, 0, 1, Path.of("run"),
                Path.of("run", "checkpoints"));
        return BaselineTrainers.clusterCount(context, CONFIGURED_CLUSTERS);
    }

    @Test
    void fullMnistKeepsPublishedCount() {
        assertEquals(10_000, clusterCount(DatasetKind.MNIST, 50_000));
    }

    @Test
    void trainLimitKeepsOneCentroidPerFiveImages() {
        assertEquals(200, clusterCount(DatasetKind.MNIST, 1_000));
        assertEquals(25, clusterCount(DatasetKind.FASHION_MNIST, 128));
    }

    @Test
    void faceFoldsKeepOneCentroidPerFiveImages() {
        assertEquals(56, clusterCount(DatasetKind.ORL, 280));
        assertEquals(275, clusterCount(DatasetKind.FREY, 1_375));
    }

    @Test
    void tinyTrainingSetKeepsOneCentroid() {
        assertEquals(1, clusterCount(DatasetKind.TFD, 3));
    }
}
