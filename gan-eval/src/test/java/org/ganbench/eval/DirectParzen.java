package org.ganbench.eval;

import java.util.Random;

/** Reference Parzen window log-likelihoods in double precision with plain loops, and random test data. */
final class DirectParzen {

    private DirectParzen() {
    }

    /**
     * Computes ll(x) for every point and every sigma from explicit differences {@code x - s}, with a
     * log-sum-exp in double.
     *
     * @return {@code ll[k][i]} for {@code sigmas[k]} and point {@code i}
     */
    static double[][] logLikelihoods(PointSet samples, PointSet points, double[] sigmas) {
        int n = samples.count();
        int d = samples.dimension();
        double[][] result = new double[sigmas.length][points.count()];
        double[] squaredDistances = new double[n];

        for (int i = 0; i < points.count(); i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int f = 0; f < d; f++) {
                    double difference = (double) points.values()[i * d + f] - samples.values()[j * d + f];
                    sum += difference * difference;
                }
                squaredDistances[j] = sum;
            }

            for (int k = 0; k < sigmas.length; k++) {
                result[k][i] = logLikelihood(squaredDistances, d, sigmas[k]);
            }
        }
        return result;
    }

    /** Draws a {@code count x dimension} set with values uniform in [0, 1). */
    static PointSet uniform(Random random, int count, int dimension) {
        float[] values = new float[count * dimension];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextFloat();
        }
        return new PointSet(values, count, dimension);
    }

    /** Draws a {@code count x dimension} set from N(0, tau^2 I). */
    static PointSet gaussian(Random random, int count, int dimension, double tau) {
        float[] values = new float[count * dimension];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (tau * random.nextGaussian());
        }
        return new PointSet(values, count, dimension);
    }

    /** Returns the mean of each row, accumulated in double. */
    static double[] rowMeans(double[][] rows) {
        double[] means = new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
            double sum = 0;
            for (double value : rows[k]) {
                sum += value;
            }
            means[k] = sum / rows[k].length;
        }
        return means;
    }

    /** Returns the index of the largest value, the first one on ties. */
    static int argMax(double[] values) {
        int best = 0;
        for (int k = 1; k < values.length; k++) {
            if (values[k] > values[best]) {
                best = k;
            }
        }
        return best;
    }

    private static double logLikelihood(double[] squaredDistances, int d, double sigma) {
        double maxExponent = Double.NEGATIVE_INFINITY;
        for (double squaredDistance : squaredDistances) {
            maxExponent = Math.max(maxExponent, -squaredDistance / (2 * sigma * sigma));
        }

        double sum = 0;
        for (double squaredDistance : squaredDistances) {
            sum += Math.exp(-squaredDistance / (2 * sigma * sigma) - maxExponent);
        }
        return maxExponent + Math.log(sum / squaredDistances.length) - d * Math.log(sigma * Math.sqrt(2 * Math.PI));
    }
}
