package org.ganbench.bench.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BenchmarkSizesTest {

    @Test
    void fullSizesAreTheTargetsReference() {
        BenchmarkSizes full = BenchmarkSizes.full(10_000, 10);

        assertTrue(full.isFull());
        assertEquals(10_000, full.parzenSamples());
        assertEquals(10_000, full.parzenTest());
        assertEquals(1_000, full.parzenValidation());
        assertEquals("2000,2000,2000", full.gemmShape());
        assertFalse(full.shortJmhRuns());
    }

    @Test
    void quickSizesAreSmallAndShort() {
        BenchmarkSizes quick = BenchmarkSizes.quick();

        assertFalse(quick.isFull());
        assertTrue(quick.shortJmhRuns());
        assertTrue(quick.parzenSamples() < 10_000, "samples " + quick.parzenSamples());
        assertEquals(0, quick.memoryIterations() % quick.memoryReadingInterval());
    }

    @Test
    void describeNamesSizes() {
        String description = BenchmarkSizes.full(10_000, 10).describe();

        assertTrue(description.startsWith("full sizes: Parzen protocol on 10,000 samples, 10,000 test and 1,000"
                + " validation points of dimension 784"), description);
        assertTrue(description.contains("GEMM of two 2000 x 2000 matrices"), description);
    }

    @Test
    void broadcastScaleMustDividePointCounts() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> BenchmarkSizes.full(10_000, 3));

        assertTrue(error.getMessage().contains("broadcast scale 3"), error.getMessage());
    }

    @Test
    void memoryRunMustCoverWholeReadingIntervals() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> BenchmarkSizes.full(10_500, 10));

        assertTrue(error.getMessage().contains("memory run of 10500 iterations"), error.getMessage());
    }

    @Test
    void zeroCountRejected() {
        assertThrows(IllegalArgumentException.class, () -> BenchmarkSizes.full(0, 10));
    }
}
