package org.ganbench.bench.perf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a {@link BenchmarkReport} as {@code benchmarks.json}: run metadata, then one object per
 * workload and thread count with our figures, each peer's figures, the unit, our speed ratio to
 * each peer and the fraction of the measured GEMM rate, then the diagnostics in the same form, and
 * the cross-check, memory and target sections.
 */
public final class BenchmarkJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BenchmarkJson() {
    }

    /**
     * Serialises the report.
     *
     * @param report the measurements
     * @return indented JSON text that ends with a newline
     */
    public static String write(BenchmarkReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("command", report.command());
        root.set("sizes", JSON.valueToTree(report.sizes()));
        root.put("started_at", report.startedAt());
        root.put("finished_at", report.finishedAt());
        root.put("load_at_start", report.loadAtStart());
        ArrayNode threadCounts = root.putArray("threads");
        report.threadCounts().forEach(threadCounts::add);
        root.put("repetitions", report.repetitions());
        root.set("machine", JSON.valueToTree(report.machine()));
        ObjectNode versions = root.putObject("versions");
        for (Map.Entry<String, String> version : new TreeMap<>(report.versions()).entrySet()) {
            versions.put(version.getKey(), version.getValue());
        }
        ObjectNode gemmRates = root.putObject("measured_gemm_gflops");
        for (int threads : report.threadCounts()) {
            gemmRates.put(Integer.toString(threads), report.measuredGemmGflops(threads));
        }

        ArrayNode workloads = root.putArray("workloads");
        for (WorkloadResult workload : report.workloads()) {
            workloads.add(workload(workload, report.measuredGemmGflops(workload.threads())));
        }

        ArrayNode diagnostics = root.putArray("diagnostics");
        for (WorkloadResult diagnostic : report.diagnostics()) {
            diagnostics.add(workload(diagnostic, report.measuredGemmGflops(diagnostic.threads())));
        }

        ObjectNode crossCheck = JSON.valueToTree(report.crossCheck());
        crossCheck.put("agrees", report.crossCheck().agrees());
        root.set("parzen_cross_check", crossCheck);
        root.set("memory", JSON.valueToTree(report.memory()));
        root.set("targets", JSON.valueToTree(report.targets()));

        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("failed to serialise the benchmark report", e);
        }
    }

    private static ObjectNode workload(WorkloadResult workload, double gemmGflops) {
        ObjectNode node = JSON.createObjectNode();
        node.put("name", workload.name());
        node.put("threads", workload.threads());
        node.put("description", workload.description());
        node.put("unit", workload.unit().symbol());
        if (!Double.isNaN(workload.gflopPerOperation())) {
            node.put("gflop_per_operation", workload.gflopPerOperation());
        }

        ObjectNode ours = node.putObject("ours");
        figures(ours, workload.ours());
        workload.oursGflops().ifPresent(gflops -> {
            ours.put("gflops", gflops);
            ours.put("fraction_of_gemm_rate", gflops / gemmGflops);
        });
        if (!workload.peers().isEmpty()) {
            node.put("ratio", workload.speedupOver(workload.peers().get(0)));
        }

        ArrayNode peers = node.putArray("peers");
        for (PeerFigure peer : workload.peers()) {
            ObjectNode peerNode = peers.addObject();
            peerNode.put("name", peer.name());
            if (!peer.note().isEmpty()) {
                peerNode.put("note", peer.note());
            }
            figures(peerNode, peer.samples());
            peerNode.put("ratio", workload.speedupOver(peer));
            workload.peerGflops(peer).ifPresent(gflops -> {
                peerNode.put("gflops", gflops);
                peerNode.put("fraction_of_gemm_rate", gflops / gemmGflops);
            });
        }
        return node;
    }

    private static void figures(ObjectNode node, Samples samples) {
        node.put("median", samples.median());
        node.put("min", samples.min());
        node.put("max", samples.max());
        ArrayNode values = node.putArray("values");
        samples.values().forEach(values::add);
    }
}
