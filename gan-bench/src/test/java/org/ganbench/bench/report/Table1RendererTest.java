package org.ganbench.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class Table1RendererTest {

    private static final Table1Row GAN_MNIST =
            new Table1Row(PaperTable1.ADVERSARIAL_NETS, PaperTable1.MNIST, 212.34, 2.06, 0.17, 10_000, 10_000, "");

    @Test
    void renderPlacesOursInPaperRow() {
        String markdown = Table1Renderer.renderMarkdown(PaperTable1.MNIST, List.of(GAN_MNIST));

        assertTrue(markdown.contains("| Adversarial nets | 225 ± 2 | 212.3 ± 2.1 | 0.17 | 10,000 | 10,000 |\n"), markdown);
    }

    @Test
    void renderListsPaperRowsNotRun() {
        String markdown = Table1Renderer.renderMarkdown(PaperTable1.MNIST, List.of(GAN_MNIST));

        assertTrue(markdown.contains("| DBN | 138 ± 2 | not run | — | — | — |\n"), markdown);
        assertTrue(markdown.contains("| Stacked CAE | 121 ± 1.6 | not run | — | — | — |\n"), markdown);
        assertTrue(markdown.contains("| Deep GSN | 214 ± 1.1 | not run | — | — | — |\n"), markdown);
    }

    @Test
    void renderKeepsPaperRowOrder() {
        List<String> rows = tableRows(Table1Renderer.renderMarkdown(PaperTable1.MNIST, List.of(GAN_MNIST)));

        assertEquals(4, rows.size());
        assertTrue(rows.get(0).startsWith("| DBN |"), rows.get(0));
        assertTrue(rows.get(3).startsWith("| Adversarial nets |"), rows.get(3));
    }

    @Test
    void renderWithoutOurRows() {
        String markdown = Table1Renderer.renderMarkdown(PaperTable1.MNIST, List.of());

        assertTrue(markdown.contains("| Adversarial nets | 225 ± 2 | not run | — | — | — |\n"), markdown);
        assertTrue(markdown.contains("This run has no results on MNIST."), markdown);
    }

    @Test
    void renderAppendsExtraModels() {
        Table1Row baseline = new Table1Row("Training set as samples", "MNIST", 239.96, 2.0, 0.2, 10_000, 10_000, "");

        List<String> rows = tableRows(Table1Renderer.renderMarkdown(PaperTable1.MNIST, List.of(baseline, GAN_MNIST)));

        assertEquals(5, rows.size());
        assertEquals("| Training set as samples | not reported | 240.0 ± 2.0 | 0.2 | 10,000 | 10,000 |", rows.get(4));
    }

    @Test
    void renderMatchesModelIgnoringCase() {
        Table1Row gan = new Table1Row("adversarial NETS", "mnist", 200.0, 1.0, 0.2, 100, 50, "");

        List<String> rows = tableRows(Table1Renderer.renderMarkdown("MNIST", List.of(gan)));

        assertEquals(4, rows.size());
        assertEquals("| Adversarial nets | 225 ± 2 | 200.0 ± 1.0 | 0.2 | 100 | 50 |", rows.get(3));
    }

    @Test
    void renderFormatsNegativeValues() {
        Table1Row negative = new Table1Row("Small GAN", "MNIST", -87.04, 0.44, 0.05, 1_000, 1_000, "");
        Table1Row nearZero = new Table1Row("Tiny GAN", "MNIST", -0.04, 0.01, 0.05, 1_000, 1_000, "");

        String markdown = Table1Renderer.renderMarkdown(PaperTable1.MNIST, List.of(negative, nearZero));

        assertTrue(markdown.contains("| Small GAN | not reported | -87.0 ± 0.4 |"), markdown);
        assertTrue(markdown.contains("| Tiny GAN | not reported | 0.0 ± 0.0 |"), markdown);
    }

    @Test
    void renderFormatsTfdValues() {
        Table1Row gan = new Table1Row(PaperTable1.ADVERSARIAL_NETS, PaperTable1.TFD, 2057.26, 25.94, 0.0512345, 1_000_000, 12_345, "");

        String markdown = Table1Renderer.renderMarkdown(PaperTable1.TFD, List.of(gan));

        assertTrue(markdown.contains("| Adversarial nets | 2057 ± 26 | 2057.3 ± 25.9 | 0.05123 | 1,000,000 | 12,345 |\n"), markdown);
        assertTrue(markdown.contains("| Stacked CAE | 2110 ± 50 | not run |"), markdown);
        assertTrue(markdown.contains("across the data set's folds"), markdown);
    }

    @Test
    void renderFootnoteStatesProtocol() {
        String markdown = Table1Renderer.renderMarkdown(PaperTable1.MNIST, List.of(GAN_MNIST));

        assertTrue(markdown.startsWith("# Table 1: Parzen-window log-likelihood on MNIST\n"), markdown);
        assertTrue(markdown.contains("Gaussian Parzen window"), markdown);
        assertTrue(markdown.contains("sigma chosen on a validation set"), markdown);
        assertTrue(markdown.contains("Each model gets 10,000 samples"), markdown);
        assertTrue(markdown.contains("over 10,000 MNIST test images"), markdown);
        assertTrue(markdown.contains("standard error of the mean over test examples"), markdown);
    }

    @Test
    void renderFootnoteWithMixedCounts() {
        Table1Row small = new Table1Row("Small GAN", "MNIST", 150.0, 3.0, 0.2, 1_000, 10_000, "");

        String markdown = Table1Renderer.renderMarkdown(PaperTable1.MNIST, List.of(GAN_MNIST, small));

        assertTrue(markdown.contains("listed per row"), markdown);
        assertFalse(markdown.contains("Each model gets"), markdown);
    }

    @Test
    void renderDatasetMissingFromPaper() {
        Table1Row gan = new Table1Row(PaperTable1.ADVERSARIAL_NETS, "CIFAR-10", 1500.0, 20.0, 0.1, 10_000, 10_000, "");

        String markdown = Table1Renderer.renderMarkdown("CIFAR-10", List.of(gan));

        assertEquals(List.of("| Adversarial nets | not reported | 1500.0 ± 20.0 | 0.1 | 10,000 | 10,000 |"), tableRows(markdown));
        assertTrue(markdown.contains("reports no results on CIFAR-10"), markdown);
    }

    @Test
    void renderEscapesPipesAndShowsNotes() {
        Table1Row gan = new Table1Row("GAN | maxout", "MNIST", 200.0, 1.0, 0.2, 100, 100, "50 epochs,\nseed 1");

        String markdown = Table1Renderer.renderMarkdown("MNIST", List.of(gan));

        assertTrue(markdown.contains("| GAN \\| maxout | not reported |"), markdown);
        assertTrue(markdown.contains("- GAN \\| maxout: 50 epochs, seed 1\n"), markdown);
    }

    @Test
    void renderRejectsOtherDataset() {
        Table1Row tfd = new Table1Row(PaperTable1.ADVERSARIAL_NETS, PaperTable1.TFD, 2000.0, 20.0, 0.1, 100, 100, "");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Table1Renderer.renderMarkdown(PaperTable1.MNIST, List.of(tfd)));

        assertTrue(error.getMessage().contains("is for data set TFD but the table renders MNIST"), error.getMessage());
    }

    @Test
    void renderRejectsDuplicateModels() {
        Table1Row again = new Table1Row("ADVERSARIAL NETS", PaperTable1.MNIST, 210.0, 2.0, 0.2, 100, 100, "");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Table1Renderer.renderMarkdown(PaperTable1.MNIST, List.of(GAN_MNIST, again)));

        assertTrue(error.getMessage().contains("twice"), error.getMessage());
    }

    @Test
    void renderRejectsBlankDataset() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Table1Renderer.renderMarkdown(" ", List.of()));

        assertTrue(error.getMessage().contains("blank"), error.getMessage());
    }

    @Test
    void renderRejectsNullRow() {
        List<Table1Row> rows = Arrays.asList(GAN_MNIST, null);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Table1Renderer.renderMarkdown(PaperTable1.MNIST, rows));

        assertTrue(error.getMessage().contains("row 1 is null"), error.getMessage());
    }

    /** Returns the table's body lines, without header and alignment row. */
    private static List<String> tableRows(String markdown) {
        List<String> tableLines = markdown.lines().filter(line -> line.startsWith("|")).toList();
        return tableLines.subList(2, tableLines.size());
    }
}
