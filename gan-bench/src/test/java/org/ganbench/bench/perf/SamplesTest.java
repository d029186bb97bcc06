package org.ganbench.bench.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SamplesTest {

    @Test
    void medianOfOddCount() {
        assertEquals(3.0, Samples.of(5, 1, 3).median());
    }

    @Test
    void medianOfEvenCountAveragesMiddle() {
        assertEquals(2.5, Samples.of(4, 1, 2, 3).median());
    }

    @Test
    void minAndMax() {
        Samples samples = Samples.of(2, -1, 7);

        assertEquals(-1.0, samples.min());
        assertEquals(7.0, samples.max());
        assertEquals(3, samples.count());
    }

    @Test
    void valuesKeepOrder() {
        assertEquals(List.of(3.0, 1.0, 2.0), Samples.of(3, 1, 2).values());
    }

    @Test
    void emptyRejected() {
        assertThrows(IllegalArgumentException.class, () -> Samples.of());
    }

    @Test
    void nanRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Samples.of(1, Double.NaN));

        assertTrue(error.getMessage().contains("measurement 1 is NaN"), error.getMessage());
    }
}
