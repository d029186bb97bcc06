package org.ganbench.bench.experiment;

import org.ganbench.bench.report.Table1Renderer;
import org.ganbench.bench.report.Table1Row;
import org.ganbench.eval.CrossFoldEstimate;
import org.ganbench.eval.ParzenRecord;

import java.util.ArrayList;
import java.util.List;

/** Renders Table 1 from stored results, so a table can be rebuilt without retraining. */
public final class Table1FromResults {

    /** Options that change every row's training data or scoring. */
    private static final List<String> ALL_ROW_OPTIONS = List.of("--train-limit", "--sigma-grid");

    private Table1FromResults() {
    }

    /**
     * Renders one data set's table from the rows of one or more runs of that data set.
     *
     * @param results stored runs; a model that appears in several runs must not repeat
     * @return markdown
     */
    public static String render(List<ResultFile> results) {
        if (results.isEmpty()) {
            throw new IllegalArgumentException("No results to render; pass at least one result.json");
        }
        String dataset = results.get(0).dataset();
        List<Table1Row> rows = new ArrayList<>();
        for (ResultFile result : results) {
            if (!result.dataset().equals(dataset)) {
                throw new IllegalArgumentException("Results mix data sets " + dataset + " and " + result.dataset()
                        + "; render one table per data set");
            }
            for (ModelResult row : result.rows()) {
                if (row.crossFold() != null) {
                    CrossFoldEstimate folds = row.crossFold();
                    rows.add(new Table1Row(row.model(), result.dataset(), folds.mean(), folds.standardError(),
                            folds.medianSigma(), row.folds().get(0).sampleCount(), folds.testCount(), folds.folds(),
                            note(result, row)));
                } else if (row.parzen() != null) {
                    ParzenRecord p = row.parzen();
                    rows.add(new Table1Row(row.model(), result.dataset(), p.meanLogLikelihood(), p.standardError(),
                            p.chosenSigma(), p.sampleCount(), p.testCount(), note(result, row)));
                }
            }
        }
        return Table1Renderer.renderMarkdown(dataset, rows) + memoriserNote(rows);
    }

    /**
     * States whether the k-means centroids outscore every trained model, the finding of Theis,
     * van den Oord and Bethge ("A note on the evaluation of generative models", ICLR 2016), as
     * measured in these rows rather than assumed.
     */
    private static String memoriserNote(List<Table1Row> rows) {
        Table1Row kMeans = null;
        Table1Row bestModel = null;
        for (Table1Row row : rows) {
            if (row.model().equals("k-means")) {
                kMeans = row;
            } else if (!row.model().equals("Training data")
                    && (bestModel == null || row.meanLogLikelihood() > bestModel.meanLogLikelihood())) {
                bestModel = row;
            }
        }
        if (kMeans == null || bestModel == null) {
            return "";
        }
        boolean outscores = kMeans.meanLogLikelihood() > bestModel.meanLogLikelihood();
        return String.format(java.util.Locale.ROOT, "%nk-means centroids %s every trained model here (%.1f nats against"
                        + " %.1f for %s). Theis, van den Oord and Bethge (ICLR 2016) report that they do: the"
                        + " Parzen-window estimate rewards samples that sit close to many test images, not a good model.%n",
                outscores ? "outscore" : "do not outscore", kMeans.meanLogLikelihood(),
                bestModel.meanLogLikelihood(), bestModel.model());
    }

    private static String note(ResultFile result, ModelResult row) {
        String note = result.profile() + " profile, seed " + result.seed();
        int epochs = row.epochs().size();
        if (epochs > 0) {
            note += ", " + epochs + (epochs == 1 ? " epoch" : " epochs");
        }
        return note + changedSettingsNote(result.command(), row) + gridEdgeNote(row);
    }

    /**
     * Lists the options of the stored command that move a row away from its profile, so that a
     * table pasted into a report does not present such a row as the profile's result.
     */
    private static String changedSettingsNote(String command, ModelResult row) {
        List<String> options = new ArrayList<>(ALL_ROW_OPTIONS);
        if (row.model().startsWith("Adversarial nets")) {
            // The note counts the epochs already.
            RunSettings.GAN_OPTIONS.stream().filter(option -> !option.equals("--epochs")).forEach(options::add);
        }

        List<String> changed = new ArrayList<>();
        String[] tokens = command == null ? new String[0] : command.trim().split("\\s+");
        for (int i = 0; i < tokens.length; i++) {
            String token = tokens[i];
            int equals = token.indexOf('=');
            String name = equals > 0 ? token.substring(0, equals) : token;
            if (!options.contains(name)) {
                continue;
            }
            String value = equals > 0 ? token.substring(equals + 1) : (i + 1 < tokens.length ? tokens[i + 1] : "");
            if (name.equals("--train-limit") && value.equals("0")) {
                continue;
            }
            changed.add(name + " " + value);
        }
        return changed.isEmpty() ? "" : "; run with " + String.join(" ", changed);
    }

    /**
     * Warns when a chosen bandwidth is the smallest or largest value of the grid, because the best
     * bandwidth may then lie outside it and the score is a lower bound of what a wider grid gives.
     */
    private static String gridEdgeNote(ModelResult row) {
        List<ParzenRecord> records = new ArrayList<>();
        if (row.parzen() != null) {
            records.add(row.parzen());
        }
        if (row.folds() != null) {
            records.addAll(row.folds());
        }
        int atLowest = 0;
        int atHighest = 0;
        for (ParzenRecord record : records) {
            double[] grid = record.sigmaGrid();
            if (grid.length < 2) {
                continue;
            }
            double lowest = java.util.Arrays.stream(grid).min().orElseThrow();
            double highest = java.util.Arrays.stream(grid).max().orElseThrow();
            atLowest += record.chosenSigma() == lowest ? 1 : 0;
            atHighest += record.chosenSigma() == highest ? 1 : 0;
        }
        if (atLowest + atHighest == 0) {
            return "";
        }
        String edge = atLowest > 0 ? "smallest" : "largest";
        String where = records.size() > 1 ? " in " + (atLowest + atHighest) + " of " + records.size() + " folds" : "";
        return "; the chosen sigma is the " + edge + " value of the grid" + where
                + ", so a grid extending past it (--sigma-grid) may score higher";
    }
}
