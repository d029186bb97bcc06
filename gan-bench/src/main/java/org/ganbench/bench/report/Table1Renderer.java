package org.ganbench.bench.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Renders our measured Parzen-window log-likelihoods next to the published values of Table 1 of
 * Goodfellow et al. (2014), "Generative Adversarial Nets", as a GitHub-flavoured markdown document.
 */
public final class Table1Renderer {

    /** Text of our column for a paper row that this run did not measure. */
    public static final String NOT_RUN = "not run";

    /** Text of the paper column for a model that the paper does not report. */
    public static final String NOT_REPORTED = "not reported";

    /** Text of a cell with no value. */
    public static final String NO_VALUE = "—";

    private static final String HEADER = "| Model | Paper (nats) | This run (nats) | Parzen sigma | Samples | Test points |";
    private static final String ALIGNMENT = "|:---|---:|---:|---:|---:|---:|";

    private Table1Renderer() {
    }

    /**
     * Renders one data set's table with a heading and a footnote on the protocol.
     *
     * <p>Every paper row of the data set is listed in the paper's order, with {@link #NOT_RUN} in
     * our column when {@code ours} has no row of that model. Models are matched by name, ignoring
     * case. Our rows for models that the paper lacks follow in the given order. Published values
     * are printed as in the paper ("225 ± 2"), and ours with one decimal ("212.3 ± 2.1").
     *
     * @param dataset data set to render, for example {@link PaperTable1#MNIST}
     * @param ours measured rows of that data set, possibly empty, at most one per model
     * @return the markdown document, ending with a line break
     * @throws IllegalArgumentException if {@code dataset} is blank, a row is null, a row belongs to
     *     another data set, or two rows have the same model name
     */
    public static String renderMarkdown(String dataset, List<Table1Row> ours) {
        List<PaperResult> paperRows = PaperTable1.forDataset(validateDataset(dataset));
        validateRows(dataset, ours);
        String datasetName = paperRows.isEmpty() ? dataset.strip() : paperRows.get(0).dataset();

        StringBuilder markdown = new StringBuilder();
        markdown.append("# Table 1: Parzen-window log-likelihood on ").append(Table1Cells.escape(datasetName)).append("\n\n");
        markdown.append(HEADER).append('\n').append(ALIGNMENT).append('\n');

        for (PaperResult paper : paperRows) {
            Optional<Table1Row> measured = ours.stream()
                    .filter(row -> sameModel(row.model(), paper.model()))
                    .findFirst();
            String paperCell = Table1Cells.published(paper.meanLogLikelihood(), paper.standardError());
            markdown.append(measured.map(row -> tableLine(paper.model(), paperCell, row))
                    .orElseGet(() -> notRunLine(paper.model(), paperCell)));
        }
        for (Table1Row row : ours) {
            boolean inPaper = paperRows.stream().anyMatch(paper -> sameModel(row.model(), paper.model()));
            if (!inPaper) {
                markdown.append(tableLine(row.model(), NOT_REPORTED, row));
            }
        }

        markdown.append('\n').append(protocolFootnote(datasetName, !paperRows.isEmpty(), ours));
        appendNotes(markdown, ours);
        return markdown.toString();
    }

    /**
     * Writes a UTF-8 text file atomically through a temporary file in the same folder and a
     * rename, so readers never see a partial file. See {@link AtomicFiles#writeString}.
     *
     * @param target file to create or replace
     * @param text the complete file content
     * @throws IllegalArgumentException if {@code target} is an existing directory
     * @throws IOException if writing, flushing or renaming fails
     */
    public static void writeAtomically(Path target, String text) throws IOException {
        AtomicFiles.writeString(target, text);
    }

    private static String tableLine(String model, String paperCell, Table1Row row) {
        return line(model, paperCell, Table1Cells.measured(row.meanLogLikelihood(), row.standardError()),
                sigmaCell(row), Table1Cells.count(row.sampleCount()), Table1Cells.count(row.testCount()));
    }

    /** Prints one bandwidth, or the median of the folds' bandwidths marked as such. */
    private static String sigmaCell(Table1Row row) {
        String sigma = Table1Cells.sigma(row.sigma());
        return row.folds() > 1 ? sigma + " (median of " + row.folds() + " folds)" : sigma;
    }

    private static String notRunLine(String model, String paperCell) {
        return line(model, paperCell, NOT_RUN, NO_VALUE, NO_VALUE, NO_VALUE);
    }

    private static String line(String model, String paper, String measured, String sigma, String samples, String tests) {
        return "| " + String.join(" | ", Table1Cells.escape(model), paper, measured, sigma, samples, tests) + " |\n";
    }

    /**
     * Builds the paragraph that states where the paper's numbers come from and how ours were
     * measured, with counts taken from the rows.
     */
    private static String protocolFootnote(String datasetName, boolean paperReportsDataset, List<Table1Row> ours) {
        StringBuilder footnote = new StringBuilder("Log-likelihoods are in nats per test image, as mean ± standard error. ");

        footnote.append("Paper: Goodfellow et al. (2014), \"Generative Adversarial Nets\", Table 1");
        if (!paperReportsDataset) {
            footnote.append(", which reports no results on ").append(Table1Cells.escape(datasetName)).append(". ");
        } else if (datasetName.equals(PaperTable1.TFD)) {
            footnote.append(", with the standard error computed across the data set's folds. ");
        } else {
            footnote.append(", with the standard error of the mean over test examples. ");
        }

        if (ours.isEmpty()) {
            footnote.append("This run has no results on ").append(Table1Cells.escape(datasetName)).append(".\n");
            return footnote.toString();
        }
        footnote.append("This run: a Gaussian Parzen window is fitted to each model's generated samples, "
                + "with the bandwidth sigma chosen on a validation set. ");
        Set<Integer> sampleCounts = new HashSet<>();
        Set<Integer> testCounts = new HashSet<>();
        Set<Integer> foldCounts = new HashSet<>();
        ours.forEach(row -> {
            sampleCounts.add(row.sampleCount());
            testCounts.add(row.testCount());
            foldCounts.add(row.folds());
        });
        boolean folded = foldCounts.size() == 1 && ours.get(0).folds() > 1;
        if (folded) {
            int folds = ours.get(0).folds();
            footnote.append(String.format(Locale.ROOT, "Each model is trained, and its bandwidth chosen, on each of"
                            + " %d folds; the mean is over the folds' mean test log-likelihoods, and the standard error is"
                            + " the standard deviation of those %d means over sqrt(%d). ", folds, folds, folds));
        }
        if (sampleCounts.size() == 1 && testCounts.size() == 1 && foldCounts.size() == 1) {
            footnote.append(String.format(Locale.ROOT,
                    folded ? "Each model gets %s samples per fold, and the folds hold %s %s test images in all.\n"
                            : "Each model gets %s samples, and the mean and its standard error are over %s %s test images.\n",
                    Table1Cells.count(ours.get(0).sampleCount()), Table1Cells.count(ours.get(0).testCount()),
                    Table1Cells.escape(datasetName)));
        } else {
            footnote.append("Sample and test image counts differ between models and are listed per row. "
                    + "Each standard error is over its row's test images, or across its folds where the sigma"
                    + " column names folds.\n");
        }
        return footnote.toString();
    }

    private static void appendNotes(StringBuilder markdown, List<Table1Row> ours) {
        List<String> notes = new ArrayList<>();
        for (Table1Row row : ours) {
            if (!row.note().isBlank()) {
                notes.add("- " + Table1Cells.escape(row.model()) + ": " + Table1Cells.escape(row.note()) + "\n");
            }
        }
        if (!notes.isEmpty()) {
            markdown.append("\nNotes:\n\n");
            notes.forEach(markdown::append);
        }
    }

    private static boolean sameModel(String first, String second) {
        return first.strip().equalsIgnoreCase(second.strip());
    }

    private static String validateDataset(String dataset) {
        Objects.requireNonNull(dataset, "dataset");
        if (dataset.isBlank()) {
            throw new IllegalArgumentException("Data set name is blank; pass a name such as \""
                    + PaperTable1.MNIST + "\" or \"" + PaperTable1.TFD + "\".");
        }
        return dataset;
    }

    private static void validateRows(String dataset, List<Table1Row> ours) {
        Objects.requireNonNull(ours, "ours");
        Set<String> models = new HashSet<>();
        for (int i = 0; i < ours.size(); i++) {
            Table1Row row = ours.get(i);
            if (row == null) {
                throw new IllegalArgumentException("Measured row " + i + " is null; remove it or pass a Table1Row.");
            }
            if (!row.dataset().strip().equalsIgnoreCase(dataset.strip())) {
                throw new IllegalArgumentException("Measured row " + i + " (" + row.model() + ") is for data set "
                        + row.dataset() + " but the table renders " + dataset
                        + "; render one table per data set with only its rows.");
            }
            if (!models.add(row.model().strip().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("Measured rows contain model " + row.model()
                        + " twice; keep one row per model, or give the variants distinct names.");
            }
        }
    }
}
