package org.ganbench.models.reference;

import org.ganbench.core.GenerativeModel;
import org.ganbench.core.SeedMixer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The "k-means" row: the centroids of k-means on the training images, used as Parzen-window
 * samples.
 *
 * <p>Theis, van den Oord and Bethge ("A note on the evaluation of generative models", ICLR 2016,
 * Table 2) fit 10,000 centroids to the MNIST training set and report that they score higher under
 * the Parzen-window estimator than 10,000 samples of the data and than every model of Goodfellow et
 * al. (2014): about 313 nats, against 243 for the data samples and 225 for adversarial nets.
 * NOTE: the 313 and 243 were not checked against the paper's text.
 *
 * <p>Each of the 10,000 centroids is the mean of about five neighbouring training digits, so it
 * lies close to many test digits at once, and the Parzen window rewards closeness, not sharpness.
 *
 * <p>{@code sample(count, seed)} returns {@code count} distinct centroids chosen uniformly without
 * replacement by a seeded partial Fisher-Yates shuffle. With {@code count == k} that is every
 * centroid, in an order set by the seed. A count above k is an error, because a Parzen window on
 * repeated centroids would only weight some of them twice.
 */
public final class KMeansModel implements GenerativeModel {

    /** Row label in Table 1. */
    public static final String NAME = "k-means";

    private final KMeansConfig config;
    private final KMeansResult result;

    /**
     * Wraps a finished k-means run.
     *
     * @param config the settings the run used
     * @param result the run's centroids
     * @throws IllegalArgumentException if the result's cluster count differs from the configuration's
     */
    public KMeansModel(KMeansConfig config, KMeansResult result) {
        if (config.clusterCount() != result.clusterCount()) {
            throw new IllegalArgumentException("The result has " + result.clusterCount()
                    + " centroids but the configuration asks for " + config.clusterCount()
                    + ". Pass the configuration the result was fitted with");
        }
        this.config = config;
        this.result = result;
    }

    /**
     * Fits k-means to training data and wraps the centroids.
     *
     * @param trainingPixels row-major (count, dimension), values in [0, 1] for MNIST; not modified
     * @param dimension values per example
     * @param config cluster count, iteration limit, seeding and block size
     * @param showProgress whether to draw console progress bars
     * @return the trained model
     * @throws IllegalArgumentException if the data is invalid or has fewer examples than clusters
     */
    public static KMeansModel train(float[] trainingPixels, int dimension, KMeansConfig config, boolean showProgress) {
        KMeansResult result = new KMeans(config, showProgress).fit(trainingPixels, dimension);
        return new KMeansModel(config, result);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int dataDimension() {
        return result.dimension();
    }

    /** Returns the k-means run behind the model. */
    public KMeansResult result() {
        return result;
    }

    /**
     * Draws distinct centroids uniformly without replacement.
     *
     * @param count number of centroids, from 1 to k
     * @param seed seed of the draw; the same seed gives the same centroids in the same order
     * @return row-major (count, dimension) copies of the chosen centroids
     * @throws IllegalArgumentException if {@code count} is below 1 or above k
     */
    @Override
    public float[] sample(int count, long seed) {
        int clusterCount = result.clusterCount();
        if (count < 1 || count > clusterCount) {
            throw new IllegalArgumentException("Cannot draw " + count + " distinct centroids from k = " + clusterCount
                    + ". Request between 1 and " + clusterCount + " samples, or fit k-means with clusterCount = "
                    + count);
        }
        SplittableRandom random = new SplittableRandom(SeedMixer.mix(seed, "kmeans-centroids", 0));
        return DistinctRows.copy(result.centroids(), result.dimension(),
                DistinctRows.indices(clusterCount, count, random));
    }

    /**
     * Describes the settings and the outcome of the run for result.json.
     *
     * @return an ordered, unmodifiable map from setting name to value
     */
    public Map<String, Object> description() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("model", NAME);
        settings.put("source",
                "Theis, van den Oord and Bethge, A note on the evaluation of generative models, ICLR 2016");
        settings.putAll(config.description());
        settings.put("trainingExamples", result.assignments().length);
        settings.put("iterationsRun", result.iterations());
        settings.put("converged", result.converged());
        settings.put("inertia", result.inertia());
        settings.put("meanSquaredDistance", result.inertia() / result.assignments().length);
        settings.put("emptyClustersReseeded", result.emptyClustersReseeded());
        settings.put("sampling", "distinct centroids, uniform without replacement, so count = k returns all of them");
        return Collections.unmodifiableMap(settings);
    }
}
