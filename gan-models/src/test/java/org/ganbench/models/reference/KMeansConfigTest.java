package org.ganbench.models.reference;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KMeansConfigTest {

    @Test
    void paperProfileUsesPublishedClusterCount() {
        KMeansConfig paper = KMeansConfig.paper();

        assertEquals(10_000, paper.clusterCount());
        assertEquals(KMeansSeeding.K_MEANS_PLUS_PLUS, paper.seeding());
        assertEquals(1, paper.seedingBatchSize());
    }

    @Test
    void quickProfileRunsFewerIterations() {
        KMeansConfig quick = KMeansConfig.quick();

        assertEquals(10_000, quick.clusterCount());
        assertTrue(quick.maxIterations() < KMeansConfig.paper().maxIterations());
    }

    @Test
    void withSeedChangesOnlySeed() {
        KMeansConfig reseeded = KMeansConfig.quick().withSeed(99);

        assertEquals(99, reseeded.seed());
        assertEquals(KMeansConfig.quick().withSeed(KMeansConfig.quick().seed()), KMeansConfig.quick());
        assertEquals(KMeansConfig.quick().maxIterations(), reseeded.maxIterations());
    }

    @Test
    void descriptionMarksPublishedAndChosenSettings() {
        Map<String, Object> description = KMeansConfig.paper().description();

        assertEquals(10_000, description.get("clusterCount"));
        assertTrue(description.get("clusterCountSource").toString().startsWith("published"));
        assertTrue(description.get("seedingSource").toString().startsWith("chosen"));
        assertEquals("K_MEANS_PLUS_PLUS", description.get("seeding"));
    }

    @Test
    void invalidSettingsRejected() {
        assertMessage("clusterCount must be at least 1, got 0",
                () -> new KMeansConfig(0, 1, KMeansSeeding.RANDOM_POINTS, 1, 1, 1));
        assertMessage("maxIterations must be 0 or more, got -1",
                () -> new KMeansConfig(1, -1, KMeansSeeding.RANDOM_POINTS, 1, 1, 1));
        assertMessage("seeding is missing",
                () -> new KMeansConfig(1, 1, null, 1, 1, 1));
        assertMessage("seedingBatchSize must be at least 1, got 0",
                () -> new KMeansConfig(1, 1, KMeansSeeding.K_MEANS_PLUS_PLUS, 0, 1, 1));
        assertMessage("blockSize must be at least 1, got 0",
                () -> new KMeansConfig(1, 1, KMeansSeeding.K_MEANS_PLUS_PLUS, 1, 0, 1));
    }

    private static void assertMessage(String expected, Runnable construction) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, construction::run);
        assertTrue(error.getMessage().contains(expected), error.getMessage());
    }
}
