package org.ganbench.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Table1RowTest {

    @Test
    void nullNoteBecomesEmpty() {
        Table1Row row = new Table1Row("Adversarial nets", "MNIST", 212.3, 2.1, 0.17, 10_000, 10_000, null);

        assertEquals("", row.note());
    }

    @Test
    void rejectsNaNMean() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new Table1Row("GAN", "MNIST", Double.NaN, 2.1, 0.17, 10, 10, ""));

        assertTrue(error.getMessage().contains("is NaN"), error.getMessage());
    }

    @Test
    void rejectsNegativeStandardError() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new Table1Row("GAN", "MNIST", 212.3, -1.0, 0.17, 10, 10, ""));

        assertTrue(error.getMessage().contains("is -1.0"), error.getMessage());
    }

    @Test
    void rejectsZeroSigma() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new Table1Row("GAN", "MNIST", 212.3, 2.1, 0.0, 10, 10, ""));

        assertTrue(error.getMessage().contains("sigma of GAN on MNIST is 0.0"), error.getMessage());
    }

    @Test
    void rejectsZeroCounts() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new Table1Row("GAN", "MNIST", 212.3, 2.1, 0.17, 0, 10, ""));

        assertTrue(error.getMessage().contains("got 0 samples"), error.getMessage());
    }

    @Test
    void rejectsBlankModel() {
        assertThrows(IllegalArgumentException.class, () -> new Table1Row(" ", "MNIST", 212.3, 2.1, 0.17, 10, 10, ""));
    }
}
