package org.ganbench.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The output folder's lock against a second process: a live lock rejects the run at once, and the
 * file a killed holder leaves behind does not. Each run fails on an empty TFD folder right after
 * the lock, so it ends without training.
 */
class OutputFolderLockTest {

    private static String[] reproduce(Path data, Path output) {
        return new String[] {"reproduce", "--dataset", "tfd", "--data-dir", data.toString(),
            "--models", "training-data", "-o", output.toString()};
    }

    private static Process startHolder(Path output) throws IOException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OutputLockHolder.class.getName(), output.toString());
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static String firstLine(Process process) throws IOException {
        BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        return reader.readLine();
    }

    @Test
    void lockedFolderIsUsageError(@TempDir Path folder) throws Exception {
        Path data = Files.createDirectories(folder.resolve("tfd"));
        Path output = Files.createDirectories(folder.resolve("run"));
        Process holder = startHolder(output);
        try {
            assertEquals("locked", firstLine(holder));

            PrintStream original = System.err;
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            long start = System.nanoTime();
            int exitCode;
            try {
                exitCode = GanBench.execute(reproduce(data, output));
            } finally {
                System.setErr(original);
            }
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);

            String errors = captured.toString(StandardCharsets.UTF_8);
            assertEquals(GanBench.EXIT_USAGE, exitCode, errors);
            assertTrue(errors.contains("Output folder '" + output + "' is in use by another gan-bench run (process "
                    + holder.pid() + ")"), errors);
            assertTrue(errors.contains("wait for that run to finish, or choose another --output"), errors);
            assertTrue(seconds < 10, "the second run waited " + seconds + " s for the lock");
            assertFalse(Files.exists(output.resolve("failure.json")), "the second run must not start");
            assertFalse(Files.exists(output.resolve("run-settings.json")), "the second run must not start");
        } finally {
            holder.destroyForcibly().waitFor();
        }
    }

    @Test
    void lockOfKilledRunDoesNotBlock(@TempDir Path folder) throws Exception {
        Path data = Files.createDirectories(folder.resolve("tfd"));
        Path output = Files.createDirectories(folder.resolve("run"));
        Process holder = startHolder(output);
        assertEquals("locked", firstLine(holder));

        // SIGKILL, so the holder releases nothing itself and the operating system drops its lock.
        holder.destroyForcibly().waitFor();
        assertTrue(Files.exists(output.resolve(OutputFolderLock.FILE_NAME)), "the killed holder's lock file stays");

        // Exit code 3, the empty data folder's error, shows that the run got past the lock.
        assertEquals(GanBench.EXIT_DATA, GanBench.execute(reproduce(data, output)));
    }

    @Test
    void lockIsReleasedAfterFailedRun(@TempDir Path folder) throws Exception {
        Path data = Files.createDirectories(folder.resolve("tfd"));
        Path output = folder.resolve("run");

        assertEquals(GanBench.EXIT_DATA, GanBench.execute(reproduce(data, output)));
        assertEquals(GanBench.EXIT_DATA, GanBench.execute(reproduce(data, output)));

        Process holder = startHolder(output);
        try {
            assertEquals("locked", firstLine(holder), "no run of this JVM may still hold the lock");
        } finally {
            holder.destroyForcibly().waitFor();
        }
    }
}
