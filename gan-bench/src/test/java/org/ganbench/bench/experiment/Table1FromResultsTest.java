package org.ganbench.bench.experiment;

import org.ganbench.eval.CrossFoldEstimate;
import org.ganbench.eval.ParzenRecord;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Table1FromResultsTest {

    private static final double[] GRID = {0.1, 0.2, 0.5};

    private static ParzenRecord record(double sigma, double mean) {
        return new ParzenRecord(100, GRID, new double[] {1, 2, 3}, sigma, "validation", 10, "test", 20, mean, 1.0,
                0.1);
    }

    private static ResultFile result(String dataset, ModelResult row) {
        return new ResultFile(ResultFile.SCHEMA_VERSION, dataset, "quick", 1, "gan-bench reproduce", "start", "end",
                Map.of(), null, Map.of(), List.of(row));
    }

    private static ResultFile resultOfCommand(String command, ModelResult... rows) {
        return new ResultFile(ResultFile.SCHEMA_VERSION, "MNIST", "quick", 1, command, "start", "end",
                Map.of(), null, Map.of(), List.of(rows));
    }

    private static ModelResult namedRow(String model) {
        return new ModelResult(model, Map.of(), null, List.of(), Map.of(), record(0.2, 100), List.of(), null,
                Map.of());
    }

    private static ModelResult singleRow(double sigma) {
        return new ModelResult("DBN", Map.of(), null, List.of(), Map.of(), record(sigma, 100), List.of(), null,
                Map.of());
    }

    private static ModelResult foldedRow(double... sigmas) {
        List<ParzenRecord> folds = new ArrayList<>();
        for (int k = 0; k < sigmas.length; k++) {
            folds.add(record(sigmas[k], 100 + k));
        }
        return new ModelResult("DBN", Map.of(), null, List.of(), Map.of(), null, folds, CrossFoldEstimate.of(folds),
                Map.of());
    }

    @Test
    void changedSettingsAreNoted() {
        String command = "gan-bench reproduce --models gan,dbn --update alternating --k 2"
                + " --learning-rate=0.05 --sigma-grid 0.2,0.3 --train-limit 200 -o runs/x";

        String table = Table1FromResults.render(List.of(resultOfCommand(command,
                namedRow("Adversarial nets"), namedRow("DBN"))));

        assertTrue(table.contains("- Adversarial nets: quick profile, seed 1; run with --update alternating --k 2"
                + " --learning-rate 0.05 --sigma-grid 0.2,0.3 --train-limit 200"), table);
        assertTrue(table.contains("- DBN: quick profile, seed 1; run with --sigma-grid 0.2,0.3 --train-limit 200\n"),
                table);
    }

    @Test
    void defaultSettingsAddNoNote() {
        String command = "gan-bench reproduce --profile quick --seed 1 --train-limit 0 --output runs/mnist-quick";

        String table = Table1FromResults.render(List.of(resultOfCommand(command, namedRow("Adversarial nets"))));

        assertFalse(table.contains("run with"), table);
    }

    @Test
    void interiorSigmaHasNoEdgeNote() {
        String table = Table1FromResults.render(List.of(result("MNIST", singleRow(0.2))));

        assertFalse(table.contains("value of the grid"), table);
    }

    @Test
    void smallestSigmaIsFlagged() {
        String table = Table1FromResults.render(List.of(result("MNIST", singleRow(0.1))));

        assertTrue(table.contains("the chosen sigma is the smallest value of the grid"), table);
    }

    @Test
    void foldsAtEdgeAreCounted() {
        String table = Table1FromResults.render(List.of(result("Frey faces", foldedRow(0.1, 0.2, 0.1, 0.2, 0.5))));

        assertTrue(table.contains("smallest value of the grid in 3 of 5 folds"), table);
        assertTrue(table.contains("(median of 5 folds)"), table);
    }

    @Test
    void unscoredRowsAreLeftOut() {
        ModelResult unscored = new ModelResult("Adversarial nets", Map.of(), null, List.of(), Map.of(), null,
                List.of(), null, Map.of());

        String table = Table1FromResults.render(List.of(result("MNIST", unscored)));

        assertTrue(table.contains("| Adversarial nets | 225 ± 2 | not run |"), table);
    }
}
