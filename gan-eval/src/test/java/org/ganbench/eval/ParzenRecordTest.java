package org.ganbench.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ParzenRecordTest {

    private static ParzenRecord sampleRecord(double[] grid) {
        return new ParzenRecord(10_000, grid, new double[] {-300.0, 150.5}, 0.2, "validation", 1000, "test", 10_000,
                225.0, 2.0, 12.5);
    }

    @Test
    void jacksonRoundTrip() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ParzenRecord record = sampleRecord(new double[] {0.1, 0.2});

        String json = mapper.writeValueAsString(record);
        JsonNode tree = mapper.readTree(json);
        ParzenRecord read = mapper.readValue(json, ParzenRecord.class);

        assertEquals(0.2, tree.get("sigmaGrid").get(1).asDouble(), 0.0);
        assertEquals(225.0, tree.get("meanLogLikelihood").asDouble(), 0.0);
        assertEquals("test", tree.get("testSetName").asText());
        assertEquals(record, read);
    }

    @Test
    void arraysAreCopied() {
        double[] grid = {0.1, 0.2};
        ParzenRecord record = sampleRecord(grid);

        grid[0] = 99.0;
        record.sigmaGrid()[1] = 99.0;

        assertArrayEquals(new double[] {0.1, 0.2}, record.sigmaGrid(), 0.0);
    }

    @Test
    void toStringListsValues() {
        String text = sampleRecord(new double[] {0.1, 0.2}).toString();

        assertTrue(text.contains("sigmaGrid=[0.1, 0.2]"), text);
    }

    @Test
    void mismatchedArraysRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> sampleRecord(new double[] {0.1, 0.2, 0.3}));

        assertTrue(error.getMessage().contains("2 validation log-likelihoods for 3 bandwidths"), error.getMessage());
    }

    @Test
    void bandwidthChoiceRejectsSigmaOffGrid() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new BandwidthChoice(new double[] {0.1, 0.2}, new double[] {-1.0, -2.0}, 0.15));

        assertTrue(error.getMessage().contains("chosen sigma 0.15 is not in the grid"), error.getMessage());
    }

    @Test
    void bandwidthChoiceCopiesArrays() {
        double[] means = {-1.0, -2.0};
        BandwidthChoice choice = new BandwidthChoice(new double[] {0.1, 0.2}, means, 0.1);

        means[0] = 5.0;
        choice.validationMeanLogLikelihood()[1] = 5.0;

        assertArrayEquals(new double[] {-1.0, -2.0}, choice.validationMeanLogLikelihood(), 0.0);
    }
}
