package org.ganbench.bench.figures;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.SplittableRandom;
import org.ganbench.core.Generator;

/**
 * Latent-space interpolation in the style of Figure 3 of Goodfellow et al. (2014), "Generative
 * Adversarial Nets": each grid row shows G(z) for {@code steps} points z on the straight line
 * from one noise vector z_a to another z_b, both ends included.
 *
 * <p>Point i of a row is z_i = (1 - t) z_a + t z_b with t = i / (steps - 1), so the first image
 * is exactly G(z_a) and the last exactly G(z_b), up to the generator's own rounding.
 *
 * @param shape shape of every generated image
 * @param rows number of (z_a, z_b) pairs, one per grid row
 * @param steps images per row, at least 2
 */
public record Interpolation(ImageShape shape, int rows, int steps) {

    /**
     * Validates the grid size.
     *
     * @throws IllegalArgumentException if {@code rows} is below 1 or {@code steps} below 2
     */
    public Interpolation {
        Objects.requireNonNull(shape, "shape");
        if (rows < 1) {
            throw new IllegalArgumentException("An interpolation figure needs at least 1 row, got " + rows + ".");
        }
        if (steps < 2) {
            throw new IllegalArgumentException("An interpolation needs at least 2 steps, its two endpoints, got "
                    + steps + ".");
        }
    }

    /**
     * Draws endpoints from the generator's noise distribution N(0, I) with a seeded Java generator,
     * so the figure does not depend on the engine's random stream.
     *
     * @param latentDimension width of z
     * @param seed seed of the draws
     * @return row-major ({@code rows}, latentDimension)
     * @throws IllegalArgumentException if the latent dimension is below 1
     */
    public float[] standardNormalEndpoints(int latentDimension, long seed) {
        if (latentDimension < 1) {
            throw new IllegalArgumentException("Latent dimension must be at least 1, got " + latentDimension + ".");
        }
        SplittableRandom random = new SplittableRandom(seed);
        float[] endpoints = new float[rows * latentDimension];
        for (int i = 0; i < endpoints.length; i++) {
            endpoints[i] = (float) random.nextGaussian();
        }
        return endpoints;
    }

    /**
     * Computes the points on each row's line.
     *
     * @param starts z_a of every row, row-major ({@code rows}, latentDimension)
     * @param ends z_b of every row, same shape
     * @return row-major ({@code rows * steps}, latentDimension), grid row by grid row
     * @throws IllegalArgumentException if the arrays' lengths differ or are not {@code rows}
     *     vectors of at least one value
     */
    public float[] latentPoints(float[] starts, float[] ends) {
        int latent = latentDimension(starts, ends);

        float[] points = new float[rows * steps * latent];
        for (int row = 0; row < rows; row++) {
            for (int step = 0; step < steps; step++) {
                double t = step / (double) (steps - 1);
                int point = (row * steps + step) * latent;
                // (1 - t) a + t b, rather than a + t (b - a), gives a and b exactly at t = 0 and 1.
                for (int i = 0; i < latent; i++) {
                    int endpoint = row * latent + i;
                    points[point + i] = (float) ((1 - t) * starts[endpoint] + t * ends[endpoint]);
                }
            }
        }
        return points;
    }

    /**
     * Generates the images of every row.
     *
     * @param generator the trained G
     * @param parent manager under which a scope for the minibatch is opened and closed, such as
     *     the adversarial pair's manager
     * @param starts z_a of every row, row-major ({@code rows}, latentDimension)
     * @param ends z_b of every row, same shape
     * @return row-major ({@code rows * steps}, dataDimension), grid row by grid row, as
     *     {@link #write} expects
     * @throws IllegalArgumentException if the endpoints do not match the generator's latent
     *     dimension, or its data dimension differs from the image shape's
     */
    public float[] generate(Generator generator, NDManager parent, float[] starts, float[] ends) {
        if (generator.dataDimension() != shape.dimension()) {
            throw new IllegalArgumentException("The generator outputs " + generator.dataDimension()
                    + " values per sample but the figure draws images of " + shape + " = " + shape.dimension()
                    + "; pass the image shape of the generator's data set.");
        }
        if (latentDimension(starts, ends) != generator.latentDimension()) {
            throw new IllegalArgumentException("Endpoints have " + starts.length / rows
                    + " values each but the generator reads z of width " + generator.latentDimension() + ".");
        }

        float[] points = latentPoints(starts, ends);
        try (NDManager scope = parent.newSubManager()) {
            NDArray z = scope.create(points, new Shape((long) rows * steps, generator.latentDimension()));
            return generator.generate(z).toFloatArray();
        }
    }

    /**
     * Draws the images as a PNG grid, one interpolation per row, with no nearest-neighbour column.
     *
     * @param png file to create or replace, atomically
     * @param images row-major ({@code rows * steps}, shape.dimension()) in [0, 1], such as
     *     {@link #generate}'s output, mapped to [0, 1] first where the generator's outputs are not
     * @param scale integer upscaling factor in [1, GridLayout.MAX_SCALE]
     * @throws IllegalArgumentException as {@link SampleGrid#write} does, for example for values
     *     outside [0, 1]
     * @throws IOException if writing the file fails
     */
    public void write(Path png, float[] images, int scale) throws IOException {
        new SampleGrid(shape, rows, steps, scale).write(png, images);
    }

    private int latentDimension(float[] starts, float[] ends) {
        Objects.requireNonNull(starts, "starts");
        Objects.requireNonNull(ends, "ends");
        if (starts.length != ends.length || starts.length == 0 || starts.length % rows != 0) {
            throw new IllegalArgumentException("Interpolation endpoints must be " + rows
                    + " vectors each of the same width, got arrays of length " + starts.length + " and "
                    + ends.length + ".");
        }
        return starts.length / rows;
    }
}
