package org.ganbench.bench.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChildProcessTest {

    @Test
    void lastJsonLineSkipsOtherOutput() {
        ChildProcess.Output output = ChildProcess.run("sh",
                List.of("sh", "-c", "echo start; echo '{\"a\": 1}'; echo '{\"a\": 2}'; echo done"), Map.of(),
                Duration.ofSeconds(30));

        assertEquals("{\"a\": 2}", output.lastJsonLine("sh"));
    }

    @Test
    void environmentReachesChild() {
        ChildProcess.Output output = ChildProcess.run("sh", List.of("sh", "-c", "echo $GAN_BENCH_TEST_VALUE"),
                Map.of("GAN_BENCH_TEST_VALUE", "42"), Duration.ofSeconds(30));

        assertEquals("42", output.standardOutput().strip());
    }

    @Test
    void nonZeroExitRaisesWithStandardError() {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> ChildProcess.run("sh", List.of("sh", "-c", "echo broken >&2; exit 3"), Map.of(),
                        Duration.ofSeconds(30)));

        assertTrue(error.getMessage().contains("exit code 3"), error.getMessage());
        assertTrue(error.getMessage().contains("broken"), error.getMessage());
    }

    @Test
    void missingJsonLineRaises() {
        ChildProcess.Output output = new ChildProcess.Output("no json here\n", "warning: x\n");

        IllegalStateException error = assertThrows(IllegalStateException.class, () -> output.lastJsonLine("peer.py"));
        assertTrue(error.getMessage().contains("peer.py printed no JSON line"), error.getMessage());
    }

    @Test
    void slowProgramTimesOut() {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> ChildProcess.run("sleep", List.of("sleep", "30"), Map.of(), Duration.ofSeconds(1)));

        assertTrue(error.getMessage().contains("timed out after 1 s"), error.getMessage());
    }
}
