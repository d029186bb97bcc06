package org.ganbench.models.cae;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CaeConfigTest {

    private static CaeConfig withContraction(double contraction) {
        return new CaeConfig(List.of(4), contraction, 0.1, 0.5, 10, 1, 1.0, 1, 1);
    }

    @Test
    void paperProfileHasTwoLayers() {
        assertEquals(2, CaeConfig.paper().hiddenSizes().size());
    }

    @Test
    void quickProfileIsSmallerThanPaper() {
        CaeConfig quick = CaeConfig.quick();
        CaeConfig paper = CaeConfig.paper();

        assertTrue(quick.epochsPerLayer() < paper.epochsPerLayer());
        assertTrue(quick.hiddenSizes().get(0) <= paper.hiddenSizes().get(0));
    }

    @Test
    void hiddenSizesAreCopied() {
        List<Integer> widths = new ArrayList<>(List.of(4, 3));
        CaeConfig config = new CaeConfig(widths, 0.1, 0.1, 0.5, 10, 1, 1.0, 1, 1);
        widths.set(0, 99);

        assertEquals(List.of(4, 3), config.hiddenSizes());
    }

    @Test
    void withSeedKeepsOtherSettings() {
        CaeConfig reseeded = CaeConfig.quick().withSeed(42);

        assertEquals(42, reseeded.seed());
        assertEquals(CaeConfig.quick().hiddenSizes(), reseeded.hiddenSizes());
    }

    @Test
    void invalidSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> withContraction(-0.1));
        assertThrows(IllegalArgumentException.class, () -> withContraction(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new CaeConfig(List.of(), 0.1, 0.1, 0.5, 10, 1, 1.0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new CaeConfig(List.of(0), 0.1, 0.1, 0.5, 10, 1, 1.0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new CaeConfig(List.of(4), 0.1, 0, 0.5, 10, 1, 1.0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new CaeConfig(List.of(4), 0.1, 0.1, 1, 10, 1, 1.0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new CaeConfig(List.of(4), 0.1, 0.1, 0.5, 0, 1, 1.0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new CaeConfig(List.of(4), 0.1, 0.1, 0.5, 10, 0, 1.0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new CaeConfig(List.of(4), 0.1, 0.1, 0.5, 10, 1, -1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new CaeConfig(List.of(4), 0.1, 0.1, 0.5, 10, 1, 1.0, 0, 1));
    }

    @Test
    void descriptionListsEverySetting() {
        CaeConfig config = CaeConfig.paper();

        assertEquals(config.hiddenSizes(), config.description().get("hiddenSizes"));
        assertEquals(config.contraction(), config.description().get("contraction"));
        assertEquals(config.chainNoise(), config.description().get("chainNoise"));
    }
}
