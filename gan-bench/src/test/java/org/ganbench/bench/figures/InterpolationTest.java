package org.ganbench.bench.figures;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.ganbench.core.Generator;
import org.ganbench.core.nn.Activation;
import org.ganbench.core.nn.FeedForwardNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InterpolationTest {

    private static final int LATENT = 3;
    private static final ImageShape SHAPE = ImageShape.grey(2, 2);
    private static final Interpolation FIGURE = new Interpolation(SHAPE, 2, 5);

    @TempDir
    Path folder;

    @Test
    void endsAreGeneratorImagesOfEndpoints() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Generator generator = tinyGenerator(manager);
            float[] starts = FIGURE.standardNormalEndpoints(LATENT, 1);
            float[] ends = FIGURE.standardNormalEndpoints(LATENT, 2);

            float[] images = FIGURE.generate(generator, manager, starts, ends);

            assertEquals(2 * 5 * SHAPE.dimension(), images.length);
            for (int row = 0; row < 2; row++) {
                float[] first = image(images, row * 5);
                float[] last = image(images, row * 5 + 4);
                assertArrayEquals(generate(generator, manager, vector(starts, row)), first, 1e-6f, "row " + row);
                assertArrayEquals(generate(generator, manager, vector(ends, row)), last, 1e-6f, "row " + row);
            }
        }
    }

    @Test
    void innerImagesDifferFromEnds() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Generator generator = tinyGenerator(manager);
            float[] images = FIGURE.generate(generator, manager, FIGURE.standardNormalEndpoints(LATENT, 3),
                    FIGURE.standardNormalEndpoints(LATENT, 4));

            assertFalse(Arrays.equals(image(images, 0), image(images, 2)));
            assertFalse(Arrays.equals(image(images, 4), image(images, 2)));
        }
    }

    @Test
    void latentPointsIncludeEndpointsExactly() {
        float[] starts = {0.1f, -0.3f, 0.7f, 1f, 2f, 3f};
        float[] ends = {0.9f, 0.2f, -0.7f, -1f, 0f, 5f};

        float[] points = FIGURE.latentPoints(starts, ends);

        assertArrayEquals(new float[] {0.1f, -0.3f, 0.7f}, Arrays.copyOfRange(points, 0, 3), 0f);
        assertArrayEquals(new float[] {0.9f, 0.2f, -0.7f}, Arrays.copyOfRange(points, 12, 15), 0f);
        assertArrayEquals(new float[] {1f, 2f, 3f}, Arrays.copyOfRange(points, 15, 18), 0f);
        assertArrayEquals(new float[] {-1f, 0f, 5f}, Arrays.copyOfRange(points, 27, 30), 0f);
    }

    @Test
    void latentMidpointIsAverage() {
        float[] points = FIGURE.latentPoints(new float[] {0f, 4f, -2f, 1f, 1f, 1f},
                new float[] {2f, 0f, 2f, 3f, 1f, -1f});

        // Step 2 of 5 is t = 1/2; row 1 starts at point 5.
        assertArrayEquals(new float[] {1f, 2f, 0f}, Arrays.copyOfRange(points, 6, 9), 1e-7f);
        assertArrayEquals(new float[] {2f, 1f, 0f}, Arrays.copyOfRange(points, 21, 24), 1e-7f);
    }

    @Test
    void endpointsAreReproducible() {
        float[] first = FIGURE.standardNormalEndpoints(LATENT, 5);

        assertEquals(2 * LATENT, first.length);
        assertArrayEquals(first, FIGURE.standardNormalEndpoints(LATENT, 5), 0f);
        assertFalse(Arrays.equals(first, FIGURE.standardNormalEndpoints(LATENT, 6)));
    }

    @Test
    void writeDrawsOneRowPerPair() throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            Generator generator = tinyGenerator(manager);
            float[] images = FIGURE.generate(generator, manager, FIGURE.standardNormalEndpoints(LATENT, 7),
                    FIGURE.standardNormalEndpoints(LATENT, 8));
            Path png = folder.resolve("interpolation.png");

            FIGURE.write(png, images, 3);
            BufferedImage picture = ImageIO.read(png.toFile());

            GridLayout layout = new SampleGrid(SHAPE, 2, 5, 3).layout(false);
            assertEquals(layout.imageWidth(), picture.getWidth());
            assertEquals(layout.imageHeight(), picture.getHeight());
        }
    }

    @Test
    void rejectsSingleStep() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new Interpolation(SHAPE, 2, 1));

        assertTrue(error.getMessage().contains("at least 2 steps"), error.getMessage());
    }

    @Test
    void rejectsOtherLatentWidth() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Generator generator = tinyGenerator(manager);
            float[] wide = new float[2 * 4];

            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> FIGURE.generate(generator, manager, wide, wide));

            assertTrue(error.getMessage().contains("z of width 3"), error.getMessage());
        }
    }

    @Test
    void rejectsOtherImageShape() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Generator generator = tinyGenerator(manager);
            Interpolation mnist = new Interpolation(ImageShape.MNIST, 2, 5);
            float[] endpoints = new float[2 * LATENT];

            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> mnist.generate(generator, manager, endpoints, endpoints));

            assertTrue(error.getMessage().contains("outputs 4 values"), error.getMessage());
        }
    }

    @Test
    void rejectsMismatchedEndpoints() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> FIGURE.latentPoints(new float[6], new float[4]));

        assertTrue(error.getMessage().contains("length 6 and 4"), error.getMessage());
    }

    /** G: z (3) -> 5 ReLU -> 4 sigmoid, so images are 2 x 2 grey in (0, 1). */
    private static Generator tinyGenerator(NDManager manager) {
        return new Generator(FeedForwardNetwork.builder(manager, LATENT, new SplittableRandom(11))
                .dense(5, Activation.RELU, 0.5)
                .dense(SHAPE.dimension(), Activation.SIGMOID, 0.5)
                .build());
    }

    private static float[] generate(Generator generator, NDManager manager, float[] z) {
        try (NDManager scope = manager.newSubManager()) {
            return generator.generate(scope.create(z, new Shape(1, LATENT))).toFloatArray();
        }
    }

    private static float[] vector(float[] rows, int row) {
        return Arrays.copyOfRange(rows, row * LATENT, (row + 1) * LATENT);
    }

    private static float[] image(float[] images, int index) {
        return Arrays.copyOfRange(images, index * SHAPE.dimension(), (index + 1) * SHAPE.dimension());
    }
}
