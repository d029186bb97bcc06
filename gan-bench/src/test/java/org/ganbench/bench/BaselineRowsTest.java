package org.ganbench.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every non-GAN row of Table 1 through the real command, on a few hundred real MNIST images. */
class BaselineRowsTest {

    private static final Path CACHE = Path.of("target", "test-mnist-cache").toAbsolutePath();

    @Test
    void baselineRowsAreScoredByOneProtocol(@TempDir Path output) throws IOException {
        int exitCode = GanBench.execute("reproduce", "--models", "dbn,cae,gsn,training-data,kmeans",
                "--train-limit", "600", "--samples", "200", "-o", output.toString(),
                "--cache-dir", CACHE.toString(), "--mirror", "http://127.0.0.1:9/");

        assertEquals(0, exitCode);
        JsonNode rows = new ObjectMapper().readTree(output.resolve("result.json").toFile()).get("rows");
        assertEquals(5, rows.size());
        String[] expectedOrder = {"DBN", "Stacked CAE", "Deep GSN", "Training data", "k-means"};
        // k-means keeps one centroid per five training images, so 600 images give 120 distinct samples.
        int[] expectedSamples = {200, 200, 200, 200, 120};
        for (int i = 0; i < expectedOrder.length; i++) {
            JsonNode row = rows.get(i);
            assertEquals(expectedOrder[i], row.get("model").asText());
            JsonNode parzen = row.get("parzen");
            assertEquals(expectedSamples[i], parzen.get("sampleCount").asInt(), expectedOrder[i]);
            assertEquals(10_000, parzen.get("testCount").asInt(), expectedOrder[i]);
            assertTrue(Double.isFinite(parzen.get("meanLogLikelihood").asDouble()), expectedOrder[i]);
            assertFalse(row.get("description").isEmpty(), expectedOrder[i] + " has no description");
            assertTrue(Files.exists(output.resolve(row.get("sampleGrid").get("file").asText())), expectedOrder[i]);
        }

        JsonNode kMeansTraining = rows.get(4).get("training");
        assertEquals(120, kMeansTraining.get("clusterCount").asInt());
        assertEquals("one centroid per 5 training images, at most 10000: 120 for 600 images",
                kMeansTraining.get("clusterCountRule").asText());

        String table = Files.readString(output.resolve("table1.md"));
        assertTrue(table.contains("| DBN | 138 ± 2 |"), table);
        assertTrue(table.contains("k-means centroids"), table);
        assertTrue(table.contains("| Adversarial nets | 225 ± 2 | not run"), table);
    }
}
