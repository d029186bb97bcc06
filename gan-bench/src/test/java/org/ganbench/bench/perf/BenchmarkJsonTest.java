package org.ganbench.bench.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class BenchmarkJsonTest {

    private static JsonNode written() throws Exception {
        return new ObjectMapper().readTree(BenchmarkJson.write(ReportFixtures.report()));
    }

    @Test
    void oneObjectPerWorkload() throws Exception {
        JsonNode workloads = written().get("workloads");

        assertEquals(4, workloads.size());
        assertEquals("parzen-protocol", workloads.get(1).get("name").asText());
        assertEquals(2, workloads.get(1).get("threads").asInt());
        assertEquals("s", workloads.get(1).get("unit").asText());
    }

    @Test
    void workloadHasOursPeersRatioAndGemmFraction() throws Exception {
        JsonNode parzen = written().get("workloads").get(1);

        assertEquals(1.0, parzen.get("ours").get("median").asDouble());
        assertEquals(1.5, parzen.get("ratio").asDouble(), 1e-12);
        assertEquals(172.48 / 205, parzen.get("ours").get("fraction_of_gemm_rate").asDouble(), 1e-12);
        assertEquals("parzen_numpy.py --mode broadcast", parzen.get("peers").get(1).get("name").asText());
        assertEquals(200.0, parzen.get("peers").get(1).get("ratio").asDouble(), 1e-12);
    }

    @Test
    void runMetadataIncluded() throws Exception {
        JsonNode root = written();

        assertEquals(2, root.get("threads").get(0).asInt());
        assertEquals(205.0, root.get("measured_gemm_gflops").get("2").asDouble());
        assertEquals("2.4.6", root.get("versions").get("numpy").asText());
        assertEquals("AMD EPYC", root.get("machine").get("cpuModel").asText());
        assertEquals("full", root.get("sizes").get("name").asText());
        assertEquals(10_000, root.get("sizes").get("parzenTest").asInt());
    }

    @Test
    void memoryTargetsAndCrossCheckIncluded() throws Exception {
        JsonNode root = written();

        assertEquals(3, root.get("memory").get("trainingReadings").size());
        assertEquals(8, root.get("targets").size());
        assertFalse(root.get("targets").get(3).get("met").asBoolean());
        assertTrue(root.get("targets").get(3).get("shortfall").asText().startsWith("ours must get"));
        assertTrue(root.get("parzen_cross_check").get("agrees").asBoolean());
    }
}
