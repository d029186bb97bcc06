package org.ganbench.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PaperTable1Test {

    @Test
    void resultsHaveEightEntries() {
        assertEquals(8, PaperTable1.results().size());
    }

    @Test
    void forDatasetKeepsPaperOrder() {
        List<String> models = PaperTable1.forDataset(PaperTable1.TFD).stream().map(PaperResult::model).toList();

        assertEquals(List.of("DBN", "Stacked CAE", "Deep GSN", "Adversarial nets"), models);
    }

    @Test
    void findAdversarialNets() {
        PaperResult mnist = PaperTable1.find(PaperTable1.ADVERSARIAL_NETS, PaperTable1.MNIST).orElseThrow();
        PaperResult tfd = PaperTable1.find(PaperTable1.ADVERSARIAL_NETS, PaperTable1.TFD).orElseThrow();

        assertEquals(225.0, mnist.meanLogLikelihood());
        assertEquals(2.0, mnist.standardError());
        assertEquals(2057.0, tfd.meanLogLikelihood());
        assertEquals(26.0, tfd.standardError());
    }

    @Test
    void findIgnoresCase() {
        PaperResult cae = PaperTable1.find(" stacked cae", "mnist").orElseThrow();

        assertEquals(121.0, cae.meanLogLikelihood());
        assertEquals(1.6, cae.standardError());
    }

    @Test
    void findUnknownDatasetIsEmpty() {
        assertTrue(PaperTable1.find(PaperTable1.ADVERSARIAL_NETS, "CIFAR-10").isEmpty());
        assertTrue(PaperTable1.forDataset("CIFAR-10").isEmpty());
    }
}
