package org.ganbench.bench.experiment;

import org.ganbench.bench.figures.EpochPoint;
import org.ganbench.bench.figures.ImageShape;
import org.ganbench.bench.figures.Interpolation;
import org.ganbench.bench.figures.LossPlot;
import org.ganbench.bench.figures.NearestNeighbours;
import org.ganbench.bench.figures.SampleGrid;
import org.ganbench.core.EpochMetrics;
import org.ganbench.core.GenerativeModel;
import org.ganbench.core.Generator;
import org.ganbench.models.TrainedGan;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the figures of one row, from its first fold: the sample grid of Figure 2 with the nearest
 * training image beside each row, and for adversarial pairs the loss curves and the latent-space
 * interpolations of Figure 3.
 */
final class RowFigures {

    /** Rows and columns of each sample grid. */
    static final int GRID_SIZE = 10;

    /** Interpolations per figure, one per grid row. */
    static final int INTERPOLATION_ROWS = 8;

    /** Images per interpolation, the two endpoints included. */
    static final int INTERPOLATION_STEPS = 10;

    private final ExperimentData data;
    private final Path output;
    private final int sampleCount;
    private final long seed;
    private NearestNeighbours nearestNeighbours;

    /**
     * @param data the loaded data set, whose first fold's training images the nearest images come from
     * @param output folder of the figures
     * @param sampleCount samples each row draws
     * @param seed seed of the interpolation endpoints
     */
    RowFigures(ExperimentData data, Path output, int sampleCount, long seed) {
        this.data = data;
        this.output = output;
        this.sampleCount = sampleCount;
        this.seed = seed;
    }

    /**
     * Writes the figures of one row.
     *
     * @param kind the row
     * @param model the trained model, still open
     * @param samples the row's samples, in the models' input space
     * @param fold the fold the model was trained on
     * @param history per-epoch metrics of an adversarial pair, else empty
     * @return file names and the nearest training indices, for result.json
     * @throws IOException if a file cannot be written
     */
    Map<String, Object> write(ModelKind kind, GenerativeModel model, float[] samples, EvaluationFold fold,
                              List<EpochMetrics> history) throws IOException {
        ImageShape shape = data.kind().shape();
        int dimension = shape.dimension();
        String suffix = kind == ModelKind.GAN ? "" : "-" + kind.optionName();

        int gridImages = Math.min(Math.min(GRID_SIZE * GRID_SIZE, sampleCount), samples.length / dimension);
        int rows = Math.max(1, gridImages / GRID_SIZE);
        int columns = Math.min(GRID_SIZE, gridImages);
        float[] gridSamples = Arrays.copyOf(samples, rows * columns * dimension);
        int[] nearest = nearestToLastOfEachRow(fold, gridSamples, rows, columns);

        float[] nearestImages = new float[rows * dimension];
        for (int row = 0; row < rows; row++) {
            System.arraycopy(index(fold).trainingImage(nearest[row]), 0, nearestImages, row * dimension, dimension);
        }
        String gridFile = "samples" + suffix + ".png";
        new SampleGrid(shape, rows, columns).writeWithNearestImages(output.resolve(gridFile),
                data.display().toDisplayRange(gridSamples, dimension),
                data.display().toDisplayRange(nearestImages, dimension));

        Map<String, Object> description = new LinkedHashMap<>();
        description.put("file", gridFile);
        description.put("rows", rows);
        description.put("columns", columns);
        description.put("samplesShown", "the first " + rows * columns + " of the Parzen samples"
                + (data.folds().size() > 1 ? ", from the model of fold " + fold.index() : ""));
        description.put("nearestTrainingIndex", nearest);
        description.put("nearestIn", "Euclidean distance over all " + index(fold).trainingCount()
                + " training images of the fold, in the models' input space");

        if (!history.isEmpty()) {
            String lossFile = "losses" + suffix + ".png";
            List<EpochPoint> points = new ArrayList<>();
            for (EpochMetrics m : history) {
                points.add(new EpochPoint(m.epoch(), m.discriminatorLoss(), m.generatorLoss(), m.meanDReal(),
                        m.meanDFake()));
            }
            new LossPlot().write(output.resolve(lossFile), points);
            description.put("losses", lossFile);
        }
        if (model instanceof TrainedGan gan) {
            description.put("interpolation", writeInterpolation(gan, shape, suffix));
        }
        return description;
    }

    private int[] nearestToLastOfEachRow(EvaluationFold fold, float[] gridSamples, int rows, int columns) {
        int dimension = data.dimension();
        float[] lastOfEachRow = new float[rows * dimension];
        for (int row = 0; row < rows; row++) {
            int lastSample = (row + 1) * columns - 1;
            System.arraycopy(gridSamples, lastSample * dimension, lastOfEachRow, row * dimension, dimension);
        }
        return index(fold).nearest(lastOfEachRow);
    }

    /** Figure 3: rows of G(z) along straight lines between two z drawn from N(0, I). */
    private String writeInterpolation(TrainedGan gan, ImageShape shape, String suffix) throws IOException {
        Generator generator = gan.pair().generator();
        Interpolation interpolation = new Interpolation(shape, INTERPOLATION_ROWS, INTERPOLATION_STEPS);
        float[] starts = interpolation.standardNormalEndpoints(generator.latentDimension(), seed);
        float[] ends = interpolation.standardNormalEndpoints(generator.latentDimension(), seed + 1);
        float[] images = interpolation.generate(generator, gan.pair().manager(), starts, ends);

        String file = "interpolation" + suffix + ".png";
        interpolation.write(output.resolve(file), data.display().toDisplayRange(images, shape.dimension()),
                SampleGrid.DEFAULT_SCALE);
        return file;
    }

    /** Builds the search index of the first fold's training images once and shares it across rows. */
    private NearestNeighbours index(EvaluationFold fold) {
        if (nearestNeighbours == null) {
            nearestNeighbours = new NearestNeighbours(fold.trainPixels(), data.dimension());
        }
        return nearestNeighbours;
    }
}
