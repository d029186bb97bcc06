package org.ganbench.bench.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SyntheticParzenDataTest {

    @Test
    void setsHaveRequestedShapes() {
        SyntheticParzenData data = SyntheticParzenData.uniform(5, 4, 3, 2, 0);

        assertEquals(5, data.samples().count());
        assertEquals(4, data.test().count());
        assertEquals(3, data.validation().count());
        assertEquals(2, data.samples().dimension());
    }

    @Test
    void setsContinueOneStream() {
        // numpy draws S, then X, then V from the same generator.
        float[] stream = NumpyPcg64.seeded(0).nextFloats(5 * 2 + 4 * 2 + 3 * 2);
        SyntheticParzenData data = SyntheticParzenData.uniform(5, 4, 3, 2, 0);

        assertEquals(stream[0], data.samples().values()[0]);
        assertEquals(stream[10], data.test().values()[0]);
        assertEquals(stream[18], data.validation().values()[0]);
        assertEquals(stream[23], data.validation().values()[5]);
    }

    @Test
    void zeroCountRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> SyntheticParzenData.uniform(5, 0, 3, 2, 0));

        assertTrue(error.getMessage().contains("test shape 0 x 2"), error.getMessage());
    }

    @Test
    void oversizedSetRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> SyntheticParzenData.uniform(100_000, 1, 1, 100_000, 0));

        assertTrue(error.getMessage().contains("does not fit"), error.getMessage());
    }
}
