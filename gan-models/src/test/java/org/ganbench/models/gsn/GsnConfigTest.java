package org.ganbench.models.gsn;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GsnConfigTest {

    @Test
    void paperProfileMatchesReleasedScript() {
        GsnConfig paper = GsnConfig.paper();

        assertEquals(List.of(1500, 1500), paper.hiddenSizes());
        assertEquals(4, paper.walkbackSteps());
        assertEquals(0.4, paper.inputSaltAndPepper());
        assertEquals(2.0, paper.hiddenNoiseSigma());
        assertEquals(0.25, paper.learningRate());
        assertEquals(0.5, paper.momentum());
        assertEquals(0.995, paper.annealing());
        assertEquals(100, paper.batchSize());
        assertEquals(1000, paper.epochs());
    }

    @Test
    void quickProfileKeepsNoiseSettings() {
        GsnConfig quick = GsnConfig.quick();

        assertEquals(GsnConfig.paper().walkbackSteps(), quick.walkbackSteps());
        assertEquals(GsnConfig.paper().inputSaltAndPepper(), quick.inputSaltAndPepper());
        assertTrue(quick.epochs() < GsnConfig.paper().epochs());
    }

    @Test
    void withEpochsKeepsOtherSettings() {
        GsnConfig shorter = GsnConfig.paper().withEpochs(5);

        assertEquals(5, shorter.epochs());
        assertEquals(GsnConfig.paper().hiddenSizes(), shorter.hiddenSizes());
    }

    @Test
    void invalidSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> config(List.of(), 4, 0.4, 0.995));
        assertThrows(IllegalArgumentException.class, () -> config(List.of(-1), 4, 0.4, 0.995));
        assertThrows(IllegalArgumentException.class, () -> config(List.of(5), 0, 0.4, 0.995));
        assertThrows(IllegalArgumentException.class, () -> config(List.of(5), 4, 1.5, 0.995));
        assertThrows(IllegalArgumentException.class, () -> config(List.of(5), 4, 0.4, 0));
        assertThrows(IllegalArgumentException.class, () -> config(List.of(5), 4, 0.4, 1.01));
    }

    @Test
    void descriptionMarksPublishedWidths() {
        assertEquals("published (run_dsn.py)", GsnConfig.paper().description().get("hiddenSizesSource"));
    }

    private static GsnConfig config(List<Integer> hidden, int walkback, double saltAndPepper, double annealing) {
        return new GsnConfig(hidden, walkback, saltAndPepper, 2, true, true, 0.25, 0.5, annealing, 10, 1, 1, 1);
    }
}
