package org.ganbench.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A run stopped with SIGTERM leaves a failure record that names the command to continue it. */
class SignalStopTest {

    @Test
    void sigtermWritesFailureRecord(@TempDir Path folder) throws Exception {
        Path output = folder.resolve("run");
        Path log = folder.resolve("child.log");
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true",
                "-cp", System.getProperty("java.class.path"),
                GanBench.class.getName(),
                "reproduce", "--models", "gan", "--epochs", "200", "--train-limit", "1000", "--samples", "100",
                "-o", output.toString(), "--cache-dir", ReproduceCommandTest.CACHE.toString(),
                "--mirror", ReproduceCommandTest.NO_MIRRORS);
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();

        Path checkpoint = output.resolve("checkpoints").resolve("gan.ckpt");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (child.isAlive() && !Files.exists(checkpoint) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(child.isAlive(), "the child ended before its first checkpoint: " + Files.readString(log));
        assertTrue(Files.exists(checkpoint), "no checkpoint within 180 s: " + Files.readString(log));

        // Process.destroy sends SIGTERM on Linux.
        child.destroy();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child ignored SIGTERM");

        assertNotEquals(0, child.exitValue());
        Path failure = output.resolve("failure.json");
        assertTrue(Files.exists(failure), "no failure.json: " + Files.readString(log));
        String record = Files.readString(failure);
        assertTrue(record.contains("stopped by a signal"), record);
        assertTrue(record.contains("rerun the same command with --resume"), record);
        assertFalse(Files.exists(output.resolve("result.json")), "a stopped run has no result");
    }
}
