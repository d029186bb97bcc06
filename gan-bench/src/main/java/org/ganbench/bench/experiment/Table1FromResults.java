package org.ganbench.bench.experiment;

import org.ganbench.bench.report.Table1Renderer;
import org.ganbench.bench.report.Table1Row;
import org.ganbench.eval.ParzenRecord;

import java.util.ArrayList;
import java.util.List;

/** Renders Table 1 from stored results, so a table can be rebuilt without retraining. */
public final class Table1FromResults {

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
                ParzenRecord p = row.parzen();
                rows.add(new Table1Row(row.model(), result.dataset(), p.meanLogLikelihood(), p.standardError(),
                        p.chosenSigma(), p.sampleCount(), p.testCount(), note(result, row)));
            }
        }
        return Table1Renderer.renderMarkdown(dataset, rows);
    }

    private static String note(ResultFile result, ModelResult row) {
        String note = result.profile() + " profile, seed " + result.seed();
        if (!row.epochs().isEmpty()) {
            note += ", " + row.epochs().size() + " epochs";
        }
        return note;
    }
}
