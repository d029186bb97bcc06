package org.ganbench.bench.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FlopCountsTest {

    @Test
    void parzenReferenceProtocol() {
        // 2 * 10^4 * (10^4 + 10^3) * 784 = 1.7248 * 10^11
        assertEquals(172.48, FlopCounts.parzenProtocolGflop(10_000, 10_000, 1_000, 784), 1e-9);
    }

    @Test
    void squareMatrixProduct() {
        assertEquals(16.0, FlopCounts.matrixProductGflop(2000), 1e-12);
    }

    @Test
    void simultaneousIterationMatchesPeerCount() {
        assertEquals(2.820816, FlopCounts.simultaneousIterationGflop(), 1e-9);
    }

    @Test
    void alternatingIterationMatchesPeerCount() {
        assertEquals(3.566784, FlopCounts.alternatingIterationGflop(), 1e-9);
    }

    @Test
    void duplicateForwardIsOneDiscriminatorPass() {
        // 2 * 100 * (784 * 1200 + 240 * 1200 + 240 * 1)
        assertEquals(0.245808, FlopCounts.simultaneousExtraGflop(), 1e-12);
    }
}
