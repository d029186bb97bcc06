package org.ganbench.bench.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

// Expected values were printed by numpy 2.4.6: numpy.random.default_rng(seed).random(n, dtype=numpy.float32).
class NumpyPcg64Test {

    @Test
    void seedZeroFirstFloats() {
        float[] values = NumpyPcg64.seeded(0).nextFloats(3);

        assertEquals(0.8506242f, values[0]);
        assertEquals(0.63696164f, values[1]);
        assertEquals(0.5111365f, values[2]);
    }

    @Test
    void seedSevenFirstFloats() {
        float[] values = NumpyPcg64.seeded(7).nextFloats(3);

        assertEquals(0.9449049f, values[0]);
        assertEquals(0.6250954f, values[1]);
        assertEquals(0.6841799f, values[2]);
    }

    @Test
    void millionthFloatMatchesBits() {
        float[] values = NumpyPcg64.seeded(0).nextFloats(1_000_001);

        assertEquals(1063081236, Float.floatToRawIntBits(values[1_000_000]));
    }

    @Test
    void largestSeedMatchesNumpy() {
        float[] values = NumpyPcg64.seeded(4294967295L).nextFloats(1);

        assertEquals(1044603892, Float.floatToRawIntBits(values[0]));
    }

    @Test
    void rawOutputSkipsBufferedHalf() {
        // After five floats, half of the third 64-bit output is buffered; numpy's random_raw() ignores it.
        NumpyPcg64 random = NumpyPcg64.seeded(0);
        random.nextFloats(5);

        assertEquals(Long.parseUnsignedLong("304881062738325533"), random.nextLong());
    }

    @Test
    void splitDrawsEqualOneDraw() {
        float[] whole = NumpyPcg64.seeded(3).nextFloats(7);
        NumpyPcg64 split = NumpyPcg64.seeded(3);
        float[] first = split.nextFloats(3);
        float[] rest = split.nextFloats(4);

        for (int i = 0; i < 3; i++) {
            assertEquals(whole[i], first[i], "value " + i);
        }
        for (int i = 0; i < 4; i++) {
            assertEquals(whole[3 + i], rest[i], "value " + (3 + i));
        }
    }

    @Test
    void valuesInUnitInterval() {
        for (float value : NumpyPcg64.seeded(11).nextFloats(10_000)) {
            assertTrue(value >= 0f, "value " + value);
            assertTrue(value < 1f, "value " + value);
        }
    }

    @Test
    void negativeSeedRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> NumpyPcg64.seeded(-1));

        assertTrue(error.getMessage().contains("seed -1"), error.getMessage());
    }

    @Test
    void seedAbove32BitsRejected() {
        assertThrows(IllegalArgumentException.class, () -> NumpyPcg64.seeded(1L << 32));
    }

    @Test
    void negativeCountRejected() {
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> NumpyPcg64.seeded(0).nextFloats(-2));

        assertTrue(error.getMessage().contains("count -2"), error.getMessage());
    }
}
