package org.ganbench.core.nn;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MaxPoolingTest {

    @Test
    void partialWindowCounts() {
        // The sides of the authors' CIFAR-10 discriminator: 33 -> 16, 15 -> 7, 9 -> 5.
        assertEquals(16, new MaxPooling(4, 2).outputSide(33));
        assertEquals(7, new MaxPooling(4, 2).outputSide(15));
        assertEquals(5, new MaxPooling(2, 2).outputSide(9));
    }

    @Test
    void exactTilingCounts() {
        assertEquals(4, new MaxPooling(2, 2).outputSide(8));
        assertEquals(1, new MaxPooling(3, 1).outputSide(3));
    }

    @Test
    void rejectsStrideAboveSize() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> new MaxPooling(2, 3));

        assertTrue(error.getMessage().contains("in [1, 2]"), error.getMessage());
    }

    @Test
    void rejectsInputSmallerThanWindow() {
        MaxPooling pooling = new MaxPooling(4, 2);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> pooling.outputSide(3));

        assertTrue(error.getMessage().contains("side 3"), error.getMessage());
    }
}
