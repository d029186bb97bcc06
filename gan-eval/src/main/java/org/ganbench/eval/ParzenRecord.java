package org.ganbench.eval;

import java.util.Arrays;
import java.util.Objects;

/**
 * Result of one Parzen window evaluation, in plain types so that Jackson can write it to
 * {@code result.json}.
 *
 * <p>The arrays are copied on construction and on access, so the record stays immutable.
 *
 * @param sampleCount number of generator samples that form the kernel centres
 * @param sigmaGrid bandwidths tried on the validation set
 * @param validationLogLikelihood mean validation log-likelihood in nats of each grid bandwidth
 * @param chosenSigma bandwidth used on the test set
 * @param validationSetName name of the validation set, as the caller labels it
 * @param validationCount number of validation points
 * @param testSetName name of the test set
 * @param testCount number of test points
 * @param meanLogLikelihood mean test log-likelihood in nats
 * @param standardError population standard deviation of the test log-likelihoods over sqrt(testCount)
 * @param seconds wall-clock time of the whole evaluation, selection included
 */
public record ParzenRecord(
        int sampleCount,
        double[] sigmaGrid,
        double[] validationLogLikelihood,
        double chosenSigma,
        String validationSetName,
        int validationCount,
        String testSetName,
        int testCount,
        double meanLogLikelihood,
        double standardError,
        double seconds) {

    /**
     * Copies the arrays and checks that nothing is missing.
     *
     * @throws NullPointerException if an array or a name is null
     * @throws IllegalArgumentException if the grid and its log-likelihoods differ in length
     */
    public ParzenRecord {
        sigmaGrid = sigmaGrid.clone();
        validationLogLikelihood = validationLogLikelihood.clone();
        Objects.requireNonNull(validationSetName, "validationSetName must not be null");
        Objects.requireNonNull(testSetName, "testSetName must not be null");

        if (sigmaGrid.length != validationLogLikelihood.length) {
            throw new IllegalArgumentException("got " + validationLogLikelihood.length
                    + " validation log-likelihoods for " + sigmaGrid.length + " bandwidths. Pass one per grid value");
        }
    }

    /**
     * Returns a copy of the bandwidth grid.
     *
     * @return the bandwidths tried
     */
    @Override
    public double[] sigmaGrid() {
        return sigmaGrid.clone();
    }

    /**
     * Returns a copy of the validation means.
     *
     * @return mean validation log-likelihood of each grid bandwidth, in nats
     */
    @Override
    public double[] validationLogLikelihood() {
        return validationLogLikelihood.clone();
    }

    /** Compares the arrays element by element, unlike the default record equality on arrays. */
    @Override
    public boolean equals(Object other) {
        return other instanceof ParzenRecord that
                && sampleCount == that.sampleCount
                && Arrays.equals(sigmaGrid, that.sigmaGrid)
                && Arrays.equals(validationLogLikelihood, that.validationLogLikelihood)
                && Double.compare(chosenSigma, that.chosenSigma) == 0
                && validationSetName.equals(that.validationSetName)
                && validationCount == that.validationCount
                && testSetName.equals(that.testSetName)
                && testCount == that.testCount
                && Double.compare(meanLogLikelihood, that.meanLogLikelihood) == 0
                && Double.compare(standardError, that.standardError) == 0
                && Double.compare(seconds, that.seconds) == 0;
    }

    /** Hashes the array contents, consistent with {@link #equals(Object)}. */
    @Override
    public int hashCode() {
        int arrays = 31 * Arrays.hashCode(sigmaGrid) + Arrays.hashCode(validationLogLikelihood);
        return 31 * arrays + Objects.hash(sampleCount, chosenSigma, validationSetName, validationCount, testSetName,
                testCount, meanLogLikelihood, standardError, seconds);
    }

    /** Lists the array contents, unlike the default record string that prints array identities. */
    @Override
    public String toString() {
        return "ParzenRecord[sampleCount=" + sampleCount
                + ", sigmaGrid=" + Arrays.toString(sigmaGrid)
                + ", validationLogLikelihood=" + Arrays.toString(validationLogLikelihood)
                + ", chosenSigma=" + chosenSigma
                + ", validationSetName=" + validationSetName
                + ", validationCount=" + validationCount
                + ", testSetName=" + testSetName
                + ", testCount=" + testCount
                + ", meanLogLikelihood=" + meanLogLikelihood
                + ", standardError=" + standardError
                + ", seconds=" + seconds + "]";
    }
}
