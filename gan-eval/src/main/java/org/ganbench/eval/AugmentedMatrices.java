package org.ganbench.eval;

/**
 * Row layouts that turn squared Euclidean distances into one matrix product.
 *
 * <p>A point becomes {@code [x - mu, 1]} and a sample becomes {@code [s - mu, -||s - mu||^2 / 2]}, so
 * their dot product is the score {@code (||x - mu||^2 - ||x - s||^2) / 2}. Here mu is the mean of the
 * samples. Distances do not depend on mu, but centring shrinks the norms and dot products, and so the
 * float32 rounding error of the score. On 300 samples and 200 points uniform in [0, 1)^784, centring
 * cut the largest relative error of ll against a double-precision reference from 6e-6 to 3e-7.
 * Means and squared norms are summed in double before the single rounding to float32.
 */
final class AugmentedMatrices {

    private AugmentedMatrices() {
    }

    /**
     * Points {@code first .. first + rows - 1} as a row-major {@code rows x (d + 1)} matrix, with
     * their centred squared norms in double.
     *
     * @param values row-major {@code [x - mu, 1]} rows
     * @param squaredNorms {@code ||x - mu||^2} of each row, summed in double
     */
    record PointBlock(float[] values, double[] squaredNorms) {
    }

    /**
     * Computes the mean of the samples, feature by feature.
     *
     * @param samples the kernel centres
     * @return mu, of length d
     */
    static double[] mean(PointSet samples) {
        int dimension = samples.dimension();
        float[] values = samples.values();
        double[] mean = new double[dimension];

        for (int j = 0; j < samples.count(); j++) {
            for (int feature = 0; feature < dimension; feature++) {
                mean[feature] += values[j * dimension + feature];
            }
        }
        for (int feature = 0; feature < dimension; feature++) {
            mean[feature] /= samples.count();
        }
        return mean;
    }

    /**
     * Lays out one block of points as {@code [x - mu, 1]} rows.
     *
     * @param points the full point set
     * @param first index of the first point of the block
     * @param rows number of points in the block, with {@code first + rows <= points.count()}
     * @param mean the sample mean mu
     * @return the block's matrix and centred squared norms
     */
    static PointBlock pointBlock(PointSet points, int first, int rows, double[] mean) {
        int dimension = points.dimension();
        int width = dimension + 1;
        float[] source = points.values();
        float[] values = new float[rows * width];
        double[] squaredNorms = new double[rows];

        for (int i = 0; i < rows; i++) {
            int sourceOffset = (first + i) * dimension;
            double squaredNorm = 0;
            for (int feature = 0; feature < dimension; feature++) {
                float centred = (float) (source[sourceOffset + feature] - mean[feature]);
                values[i * width + feature] = centred;
                squaredNorm += (double) centred * centred;
            }
            values[i * width + dimension] = 1f;
            squaredNorms[i] = squaredNorm;
        }
        return new PointBlock(values, squaredNorms);
    }

    /**
     * Lays out the samples as the columns of a row-major {@code (d + 1) x n} matrix, so that a block of
     * points multiplies it without a transpose.
     *
     * @param samples the kernel centres
     * @param mean the sample mean mu
     * @return column j is {@code [s_j - mu, -||s_j - mu||^2 / 2]}
     */
    static float[] samplesTransposed(PointSet samples, double[] mean) {
        int count = samples.count();
        int dimension = samples.dimension();
        float[] source = samples.values();
        float[] transposed = new float[(dimension + 1) * count];

        for (int j = 0; j < count; j++) {
            double squaredNorm = 0;
            for (int feature = 0; feature < dimension; feature++) {
                float centred = (float) (source[j * dimension + feature] - mean[feature]);
                transposed[feature * count + j] = centred;
                squaredNorm += (double) centred * centred;
            }
            transposed[dimension * count + j] = (float) (-0.5 * squaredNorm);
        }
        return transposed;
    }
}
