package org.ganbench.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code gan-bench table} on the result files committed under results/, which older versions of
 * the layout wrote, so that a change to result.json keeps them readable.
 */
class CommittedResultsTest {

    /** The repository's results/ folder, beside this module's folder, where Maven runs the tests. */
    private static final Path RESULTS = Path.of("..", "results");

    private static List<Path> committedRuns() throws IOException {
        try (var folders = Files.list(RESULTS)) {
            return folders.filter(folder -> Files.isRegularFile(folder.resolve("result.json"))).sorted().toList();
        }
    }

    @Test
    void committedResultsRenderTables(@TempDir Path folder) throws IOException {
        List<Path> runs = committedRuns();
        assertFalse(runs.isEmpty(), "no result.json under " + RESULTS.toAbsolutePath());

        for (Path run : runs) {
            JsonNode result = new ObjectMapper().readTree(run.resolve("result.json").toFile());
            if (result.get("dataset").asText().equals("CIFAR-10")) {
                continue;
            }
            Path table = folder.resolve(run.getFileName() + ".md");

            assertEquals(0, GanBench.execute("table", run.toString(), "-o", table.toString()), run.toString());

            String markdown = Files.readString(table);
            for (JsonNode row : result.get("rows")) {
                assertTrue(markdown.contains("| " + row.get("model").asText() + " |"), run + ":\n" + markdown);
            }
        }
    }

    @Test
    void committedCifarResultIsReadButNotScored() throws IOException {
        Path cifar = RESULTS.resolve("cifar10-quick");
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int exitCode;
        try {
            exitCode = GanBench.execute("table", cifar.toString());
        } finally {
            System.setErr(original);
        }

        // This message comes after the whole file has been parsed, unlike the 'not a readable result' one.
        String errors = captured.toString(StandardCharsets.UTF_8);
        assertEquals(GanBench.EXIT_USAGE, exitCode, errors);
        assertTrue(errors.contains("CIFAR-10 runs are not scored and have no table"), errors);
    }
}
