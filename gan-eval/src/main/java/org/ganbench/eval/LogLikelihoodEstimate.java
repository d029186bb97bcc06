package org.ganbench.eval;

/**
 * Mean log-likelihood of a test set with its standard error.
 *
 * <p>The standard error is the population standard deviation of the per-point log-likelihoods
 * (dividing by N, not N - 1) over sqrt(N). The reference script {@code parzen_ll.py} by Goodfellow
 * et al. (github.com/goodfeli/adversarial) computes {@code ll.std() / sqrt(N)}, and numpy's
 * {@code std()} divides by N by default ({@code ddof=0}).
 *
 * @param mean mean log-likelihood in nats
 * @param standardError population standard deviation over sqrt(count), in nats
 * @param count number of points, at least 1
 */
public record LogLikelihoodEstimate(double mean, double standardError, int count) {

    /**
     * Validates the fields.
     *
     * @throws IllegalArgumentException if {@code mean} is not finite, {@code standardError} is negative
     *     or not finite, or {@code count} is not positive
     */
    public LogLikelihoodEstimate {
        if (!Double.isFinite(mean)) {
            throw new IllegalArgumentException("invalid mean log-likelihood " + mean + ". Pass a finite mean");
        }
        if (!(standardError >= 0) || !Double.isFinite(standardError)) {
            throw new IllegalArgumentException(
                    "invalid standard error " + standardError + ". Pass a finite value of at least 0");
        }
        if (count <= 0) {
            throw new IllegalArgumentException("invalid count " + count + ". An estimate needs at least one point");
        }
    }

    /**
     * Computes the mean and standard error of per-point log-likelihoods, accumulating in double.
     *
     * <p>The variance uses two passes (mean first, then squared deviations), which avoids the
     * cancellation of the one-pass formula when the log-likelihoods are large and close together.
     *
     * @param logLikelihoods one log-likelihood per test point, in nats
     * @return the estimate over all points
     * @throws IllegalArgumentException if the array is empty or contains a value that is not finite
     */
    public static LogLikelihoodEstimate of(double[] logLikelihoods) {
        if (logLikelihoods.length == 0) {
            throw new IllegalArgumentException("no log-likelihoods to average. Pass at least one value");
        }

        double sum = 0;
        for (int i = 0; i < logLikelihoods.length; i++) {
            if (!Double.isFinite(logLikelihoods[i])) {
                throw new IllegalArgumentException("log-likelihood " + logLikelihoods[i] + " at index " + i
                        + " is not finite. Check the points and the bandwidth that produced it");
            }
            sum += logLikelihoods[i];
        }
        double mean = sum / logLikelihoods.length;

        double sumOfSquaredDeviations = 0;
        for (double logLikelihood : logLikelihoods) {
            double deviation = logLikelihood - mean;
            sumOfSquaredDeviations += deviation * deviation;
        }
        double populationStandardDeviation = Math.sqrt(sumOfSquaredDeviations / logLikelihoods.length);

        return new LogLikelihoodEstimate(
                mean, populationStandardDeviation / Math.sqrt(logLikelihoods.length), logLikelihoods.length);
    }
}
