package org.ganbench.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ParzenEvaluationTest {

    @Test
    void recordMatchesDirectProtocol() {
        Random random = new Random(47);
        PointSet samples = DirectParzen.gaussian(random, 1500, 3, 0.5);
        PointSet validation = DirectParzen.gaussian(random, 300, 3, 0.5);
        PointSet test = DirectParzen.gaussian(random, 400, 3, 0.5);
        double[] grid = BandwidthSelection.defaultGrid();

        double[] directValidationMeans =
                DirectParzen.rowMeans(DirectParzen.logLikelihoods(samples, validation, grid));
        double directSigma = grid[DirectParzen.argMax(directValidationMeans)];
        double[] directTest = DirectParzen.logLikelihoods(samples, test, new double[] {directSigma})[0];
        LogLikelihoodEstimate directEstimate = LogLikelihoodEstimate.of(directTest);

        ParzenRecord record = new ParzenEvaluation(grid, 128, false)
                .evaluate(samples, validation, "gaussian-validation", test, "gaussian-test");

        assertEquals(1500, record.sampleCount());
        assertArrayEquals(grid, record.sigmaGrid(), 0.0);
        assertArrayEquals(directValidationMeans, record.validationLogLikelihood(), 1e-4);
        assertEquals(directSigma, record.chosenSigma(), 0.0);
        assertEquals("gaussian-validation", record.validationSetName());
        assertEquals(300, record.validationCount());
        assertEquals("gaussian-test", record.testSetName());
        assertEquals(400, record.testCount());
        assertEquals(directEstimate.mean(), record.meanLogLikelihood(), 1e-5 * Math.abs(directEstimate.mean()));
        assertEquals(directEstimate.standardError(), record.standardError(), 1e-4 * directEstimate.standardError());
        assertTrue(record.seconds() > 0, "seconds " + record.seconds());
    }

    @Test
    void defaultsUseReferenceGrid() {
        Random random = new Random(53);
        PointSet samples = DirectParzen.uniform(random, 50, 4);
        PointSet points = DirectParzen.uniform(random, 20, 4);

        ParzenRecord record = ParzenEvaluation.withDefaults().evaluate(samples, points, "validation", points, "test");

        assertArrayEquals(BandwidthSelection.defaultGrid(), record.sigmaGrid(), 0.0);
    }

    @Test
    void validationDimensionMismatchNamesSet() {
        PointSet samples = new PointSet(new float[6], 2, 3);
        PointSet flat = new PointSet(new float[4], 2, 2);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ParzenEvaluation.withDefaults().evaluate(samples, flat, "valid-1000", samples, "test"));

        assertTrue(error.getMessage().contains("'valid-1000' has dimension 2"), error.getMessage());
    }

    @Test
    void testDimensionMismatchNamesSet() {
        PointSet samples = new PointSet(new float[6], 2, 3);
        PointSet flat = new PointSet(new float[4], 2, 2);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ParzenEvaluation.withDefaults().evaluate(samples, samples, "validation", flat, "mnist-test"));

        assertTrue(error.getMessage().contains("'mnist-test' has dimension 2"), error.getMessage());
    }

    @Test
    void blankNameRejected() {
        PointSet samples = new PointSet(new float[6], 2, 3);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ParzenEvaluation.withDefaults().evaluate(samples, samples, " ", samples, "test"));

        assertTrue(error.getMessage().contains("validation set name is blank"), error.getMessage());
    }

    @Test
    void invalidGridRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new ParzenEvaluation(new double[] {0.2, Double.NaN}, 100, false));

        assertTrue(error.getMessage().contains("sigma = NaN at index 1"), error.getMessage());
    }

    @Test
    void nonPositiveBlockSizeRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new ParzenEvaluation(BandwidthSelection.defaultGrid(), -5, false));

        assertTrue(error.getMessage().contains("block size -5"), error.getMessage());
    }
}
