package org.ganbench.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Progress bars in child processes, because the bars write to file descriptor 2 directly and a
 * test can only redirect that for a process it starts.
 */
class ProgressBarsTest {

    private static final Path SCRIPT = Path.of("/usr/bin/script");

    private static List<String> javaCommand(String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        return command;
    }

    @Test
    void redirectedLogHasNoCarriageReturns(@TempDir Path folder) throws Exception {
        Path errors = folder.resolve("stderr.log");
        Path output = folder.resolve("stdout.log");
        // A GAN row and a k-means row, each scored: three kinds of progress bar.
        List<String> command = javaCommand(GanBench.class.getName(), "reproduce", "--models", "gan,kmeans",
                "--epochs", "1", "--train-limit", "200", "--samples", "100", "-o", folder.resolve("run").toString(),
                "--cache-dir", ReproduceCommandTest.CACHE.toString(), "--mirror", ReproduceCommandTest.NO_MIRRORS);
        Process child = new ProcessBuilder(command).redirectError(errors.toFile()).redirectOutput(output.toFile())
                .start();

        assertTrue(child.waitFor(180, TimeUnit.SECONDS), "the run did not finish within 180 s");
        String log = Files.readString(errors, StandardCharsets.UTF_8) + Files.readString(output, StandardCharsets.UTF_8);
        assertEquals(0, child.exitValue(), log);
        assertTrue(Files.exists(folder.resolve("run").resolve("result.json")), log);
        assertFalse(Files.readString(errors, StandardCharsets.UTF_8).contains("\r"),
                "carriage returns in the redirected standard error:\n" + log);
    }

    @Test
    void terminalShowsProgressBars(@TempDir Path folder) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(SCRIPT), SCRIPT + " (util-linux) is absent, so no terminal can be made");
        StringBuilder shellCommand = new StringBuilder();
        for (String word : javaCommand(ProgressBarsProbe.class.getName())) {
            shellCommand.append('\'').append(word.replace("'", "'\\''")).append("' ");
        }
        // script runs the command on a new pseudo-terminal and copies what it prints to its own output.
        Process child = new ProcessBuilder(SCRIPT.toString(), "-qec", shellCommand.toString(), "/dev/null")
                .redirectInput(new File("/dev/null")).redirectErrorStream(true)
                .redirectOutput(folder.resolve("terminal.log").toFile()).start();

        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the probe did not finish within 60 s");
        String screen = Files.readString(folder.resolve("terminal.log"), StandardCharsets.UTF_8);
        assertEquals(0, child.exitValue(), screen);
        assertTrue(screen.contains("progress bars shown: true"), screen);
    }
}
