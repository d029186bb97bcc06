package org.ganbench.bench.jmh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MatrixProductBenchmarkTest {

    @Test
    void parseShapeReadsThreeDimensions() {
        assertArrayEquals(new long[] {100, 784, 1200}, MatrixProductBenchmark.parseShape("100, 784,1200"));
    }

    @Test
    void twoDimensionsRejected() {
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> MatrixProductBenchmark.parseShape("100,784"));

        assertTrue(error.getMessage().contains("'100,784'"), error.getMessage());
    }

    @Test
    void zeroDimensionRejected() {
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> MatrixProductBenchmark.parseShape("100,0,5"));

        assertTrue(error.getMessage().contains("must be positive"), error.getMessage());
    }

    @Test
    void textDimensionRejected() {
        assertThrows(NumberFormatException.class, () -> MatrixProductBenchmark.parseShape("a,b,c"));
    }
}
