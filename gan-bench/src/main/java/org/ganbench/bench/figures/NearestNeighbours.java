package org.ganbench.bench.figures;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Exact nearest-neighbour search by Euclidean distance over a whole training set, used to show
 * that generated samples are not copies of training images.
 *
 * <p>Images are flattened row-major into one {@code float[]}, image {@code i} occupying elements
 * {@code [i * dimension, (i + 1) * dimension)}. The search ranks training image {@code b} for
 * query {@code a} by {@code ||b||^2 - 2 a.b}, which is {@code ||a - b||^2} minus the constant
 * {@code ||a||^2}, so one dot product per pair replaces a difference and a dot product. Dot
 * products accumulate in double precision, and the training set is split into chunks that are
 * searched in parallel.
 *
 * <p>The index keeps a reference to the training array instead of a copy, because a copy of
 * MNIST would cost another 188 MB. Do not modify that array while the index is in use.
 */
public final class NearestNeighbours {

    /** Training images per parallel work unit: 1024 MNIST images are 3 MB of floats. */
    private static final int CHUNK_SIZE = 1024;

    private final float[] trainingImages;
    private final int dimension;
    private final int trainingCount;
    private final double[] trainingSquaredNorms;

    /**
     * Builds the index and precomputes the squared norm of every training image.
     *
     * @param trainingImages training images, row-major, {@code n x dimension} with {@code n >= 1}
     * @param dimension values per image, for example 784 for 28 x 28 MNIST
     * @throws IllegalArgumentException if {@code dimension < 1}, the array is empty, its length is
     *     not a multiple of {@code dimension}, or it contains NaN or an infinite value
     */
    public NearestNeighbours(float[] trainingImages, int dimension) {
        Objects.requireNonNull(trainingImages, "trainingImages");
        if (dimension < 1) {
            throw new IllegalArgumentException("Image dimension must be at least 1, got " + dimension
                    + "; pass the number of values per image, for example 784 for MNIST.");
        }
        validateImages("training image", trainingImages, dimension, ", so check the data set loader");

        this.trainingImages = trainingImages;
        this.dimension = dimension;
        this.trainingCount = trainingImages.length / dimension;
        this.trainingSquaredNorms = new double[trainingCount];
        for (int i = 0; i < trainingCount; i++) {
            int offset = i * dimension;
            trainingSquaredNorms[i] = dot(trainingImages, offset, trainingImages, offset, dimension);
        }
    }

    /**
     * Returns the number of values per image.
     *
     * @return the image dimension
     */
    public int dimension() {
        return dimension;
    }

    /**
     * Returns the number of images in the training set.
     *
     * @return the training set size
     */
    public int trainingCount() {
        return trainingCount;
    }

    /**
     * Copies one training image.
     *
     * @param index training image index, as returned by {@link #nearest(float[])}
     * @return a new array of {@link #dimension()} values
     * @throws IndexOutOfBoundsException if {@code index} is not in {@code [0, trainingCount())}
     */
    public float[] trainingImage(int index) {
        Objects.checkIndex(index, trainingCount);
        int offset = index * dimension;
        return Arrays.copyOfRange(trainingImages, offset, offset + dimension);
    }

    /**
     * Finds the training image closest to each query by Euclidean distance.
     *
     * <p>When several training images are equally close, the lowest index wins. NOTE: distances
     * that differ by less than about {@code 1e-12} times the squared norms can be ordered
     * differently from an exact search, because of rounding in the norm expansion.
     *
     * @param queries query images, row-major, {@code q x dimension()} with {@code q >= 1}
     * @return for each query, the index of its nearest training image
     * @throws IllegalArgumentException if the array is empty, its length is not a multiple of
     *     {@link #dimension()}, or it contains NaN or an infinite value
     */
    public int[] nearest(float[] queries) {
        Objects.requireNonNull(queries, "queries");
        validateImages("query", queries, dimension, ", and NaN samples usually mean that GAN training diverged");
        int queryCount = queries.length / dimension;

        int chunkCount = (trainingCount + CHUNK_SIZE - 1) / CHUNK_SIZE;
        List<ChunkBest> chunkResults = IntStream.range(0, chunkCount)
                .parallel()
                .mapToObj(chunk -> searchChunk(queries, queryCount, chunk * CHUNK_SIZE,
                        Math.min(trainingCount, (chunk + 1) * CHUNK_SIZE)))
                .toList();

        // The list is in chunk order, and a later chunk replaces the current best only when it
        // is strictly closer, so ties keep the lowest training index.
        ChunkBest overall = chunkResults.get(0);
        for (ChunkBest chunk : chunkResults.subList(1, chunkResults.size())) {
            for (int q = 0; q < queryCount; q++) {
                if (chunk.scores[q] < overall.scores[q]) {
                    overall.scores[q] = chunk.scores[q];
                    overall.indices[q] = chunk.indices[q];
                }
            }
        }
        return overall.indices;
    }

    private ChunkBest searchChunk(float[] queries, int queryCount, int start, int end) {
        ChunkBest best = new ChunkBest(queryCount);

        // Training image outer, queries inner: one training image stays in L1 cache while every
        // query is compared with it, and 100 MNIST queries (313 KB) typically fit in L2.
        for (int t = start; t < end; t++) {
            int trainingOffset = t * dimension;
            double squaredNorm = trainingSquaredNorms[t];
            for (int q = 0; q < queryCount; q++) {
                double score = squaredNorm - 2.0 * dot(queries, q * dimension, trainingImages, trainingOffset, dimension);
                if (score < best.scores[q]) {
                    best.scores[q] = score;
                    best.indices[q] = t;
                }
            }
        }
        return best;
    }

    /**
     * Dot product in double precision. Four accumulators break the dependency chain of a single
     * sum. The squared norms use this same routine, so a query equal to a training image scores
     * exactly {@code -||a||^2}, the lowest score that any training image can reach up to rounding.
     */
    private static double dot(float[] a, int aOffset, float[] b, int bOffset, int length) {
        double sum0 = 0.0;
        double sum1 = 0.0;
        double sum2 = 0.0;
        double sum3 = 0.0;
        int i = 0;
        for (; i + 3 < length; i += 4) {
            sum0 += (double) a[aOffset + i] * b[bOffset + i];
            sum1 += (double) a[aOffset + i + 1] * b[bOffset + i + 1];
            sum2 += (double) a[aOffset + i + 2] * b[bOffset + i + 2];
            sum3 += (double) a[aOffset + i + 3] * b[bOffset + i + 3];
        }
        for (; i < length; i++) {
            sum0 += (double) a[aOffset + i] * b[bOffset + i];
        }
        return (sum0 + sum1) + (sum2 + sum3);
    }

    private static void validateImages(String role, float[] images, int dimension, String nonFiniteHint) {
        if (images.length == 0 || images.length % dimension != 0) {
            throw new IllegalArgumentException("Array of " + role + "s has length " + images.length
                    + ", which is not a positive multiple of the image dimension " + dimension
                    + "; pass whole images flattened row-major.");
        }
        for (int i = 0; i < images.length; i++) {
            if (!Float.isFinite(images[i])) {
                throw new IllegalArgumentException(capitalize(role) + " " + (i / dimension) + " has value "
                        + images[i] + " at pixel " + (i % dimension)
                        + "; nearest-neighbour search needs finite values" + nonFiniteHint + ".");
            }
        }
    }

    private static String capitalize(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** Best training index and score per query within one chunk of the training set. */
    private static final class ChunkBest {

        final int[] indices;
        final double[] scores;

        ChunkBest(int queryCount) {
            indices = new int[queryCount];
            scores = new double[queryCount];
            Arrays.fill(scores, Double.POSITIVE_INFINITY);
        }
    }
}
