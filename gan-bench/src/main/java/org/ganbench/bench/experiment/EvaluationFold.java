package org.ganbench.bench.experiment;

import org.ganbench.eval.PointSet;

import java.util.Map;

/**
 * One split on which every row is trained and scored: a single split on MNIST, one of five on the
 * face sets. The Parzen bandwidth is chosen on {@code validation} and the log-likelihood taken on
 * {@code test}; both are null on a data set that is not scored.
 *
 * @param index fold number, 0 for a data set with a single split
 * @param trainPixels training images, row-major, in the models' input space
 * @param validation images that choose the bandwidth, or null
 * @param validationName how the result file names the validation images
 * @param test images whose mean log-likelihood is reported, or null
 * @param testName how the result file names the test images
 * @param description split sizes and sources for result.json
 */
public record EvaluationFold(int index, float[] trainPixels, PointSet validation, String validationName,
                             PointSet test, String testName, Map<String, Object> description) {

    /**
     * Returns the number of training images.
     *
     * @param dimension values per image
     * @return the count
     */
    public int trainCount(int dimension) {
        return trainPixels.length / dimension;
    }

    /** Returns true when this fold has a validation and a test set to score on. */
    public boolean scored() {
        return validation != null && test != null;
    }
}
