package org.ganbench.models.reference;

import org.ganbench.core.GenerativeModel;
import org.ganbench.core.SeedMixer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The "Training data" row: a perfect memoriser whose samples are training images.
 *
 * <p>{@code sample(count, seed)} returns {@code count} distinct training rows, chosen uniformly
 * without replacement (every subset and every order equally likely) by a partial Fisher-Yates
 * shuffle seeded from {@code seed}. Its Parzen-window score is what a model that copies the
 * training set would obtain, which the metric cannot tell apart from generalisation.
 *
 * <p>The model keeps a reference to the training array instead of a copy, because the 50,000
 * MNIST images take 157 MB. Callers must not modify the array afterwards.
 */
public final class TrainingDataModel implements GenerativeModel {

    /** Row label in Table 1. */
    public static final String NAME = "Training data";

    private final float[] trainingPixels;
    private final int dimension;
    private final int trainingCount;

    /**
     * Wraps a training set.
     *
     * @param trainingPixels row-major (count, dimension), values in the data's range; not copied
     * @param dimension values per example
     * @throws IllegalArgumentException if the array is not a positive multiple of the dimension
     */
    public TrainingDataModel(float[] trainingPixels, int dimension) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be at least 1, got " + dimension);
        }
        if (trainingPixels == null || trainingPixels.length == 0 || trainingPixels.length % dimension != 0) {
            throw new IllegalArgumentException("Training array of length "
                    + (trainingPixels == null ? "null" : trainingPixels.length)
                    + " is not a positive multiple of the dimension " + dimension
                    + ". Pass a row-major (count, dimension) array");
        }
        this.trainingPixels = trainingPixels;
        this.dimension = dimension;
        this.trainingCount = trainingPixels.length / dimension;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int dataDimension() {
        return dimension;
    }

    /** Returns the number of training examples that samples are drawn from. */
    public int trainingCount() {
        return trainingCount;
    }

    /**
     * Draws distinct training examples uniformly without replacement.
     *
     * @param count number of examples, from 1 to {@link #trainingCount()}
     * @param seed seed of the draw; the same seed gives the same rows in the same order
     * @return row-major (count, dimension) copies of the chosen training rows
     * @throws IllegalArgumentException if {@code count} is below 1 or above the training set size
     */
    @Override
    public float[] sample(int count, long seed) {
        if (count < 1 || count > trainingCount) {
            throw new IllegalArgumentException("Cannot draw " + count + " distinct examples from " + trainingCount
                    + " training examples. Request between 1 and " + trainingCount + " samples");
        }
        SplittableRandom random = new SplittableRandom(SeedMixer.mix(seed, "training-data-rows", 0));
        return DistinctRows.copy(trainingPixels, dimension, DistinctRows.indices(trainingCount, count, random));
    }

    /**
     * Describes the row for result.json.
     *
     * @return an ordered, unmodifiable map from setting name to value
     */
    public Map<String, Object> description() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("model", NAME);
        settings.put("trainingExamples", trainingCount);
        settings.put("sampling", "distinct training rows, uniform without replacement, seeded partial Fisher-Yates");
        settings.put("purpose", "reference row: the Parzen-window score of a perfect memoriser of the training set");
        return Collections.unmodifiableMap(settings);
    }
}
