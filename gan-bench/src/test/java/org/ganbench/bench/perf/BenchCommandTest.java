package org.ganbench.bench.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.ganbench.bench.GanBench;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {

    @Test
    void missingPeersOptionIsUsageError() {
        assertEquals(GanBench.EXIT_USAGE, GanBench.execute("bench"));
    }

    @Test
    void zeroRepetitionsIsUsageError(@TempDir Path peers) {
        assertEquals(GanBench.EXIT_USAGE,
                GanBench.execute("bench", "--peers", peers.toString(), "--repetitions", "0"));
    }

    @Test
    void zeroThreadsIsUsageError(@TempDir Path peers) {
        assertEquals(GanBench.EXIT_USAGE, GanBench.execute("bench", "--peers", peers.toString(), "--threads", "1,0"));
    }

    @Test
    void oddMemoryIterationsRejected(@TempDir Path peers) {
        assertEquals(GanBench.EXIT_USAGE,
                GanBench.execute("bench", "--peers", peers.toString(), "--memory-iterations", "1500"));
    }

    @Test
    void broadcastScaleMustDividePoints(@TempDir Path peers) {
        assertEquals(GanBench.EXIT_USAGE,
                GanBench.execute("bench", "--peers", peers.toString(), "--broadcast-scale", "3"));
    }

    @Test
    void missingPeerFolderIsUsageError(@TempDir Path directory) {
        assertEquals(GanBench.EXIT_USAGE,
                GanBench.execute("bench", "--peers", directory.resolve("absent").toString()));
    }

    @Test
    void missingTorchStopsBeforeMeasuring(@TempDir Path directory) throws IOException {
        Path peers = Files.createDirectories(directory.resolve("peers"));
        for (String program : List.of("parzen_numpy.py", "gan_torch.py", "gemm_rate.py")) {
            Files.writeString(peers.resolve(program), "raise SystemExit('must not run')\n");
        }
        Path pythonWithoutTorch = directory.resolve("python3");
        Files.writeString(pythonWithoutTorch, "#!/bin/sh\necho \"No module named 'torch'\" >&2\nexit 1\n");
        Files.setPosixFilePermissions(pythonWithoutTorch, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path output = directory.resolve("out");

        int exitCode = GanBench.execute("bench", "--quick", "--peers", peers.toString(), "--python", "true",
                "--torch-python", pythonWithoutTorch.toString(), "--torch-blas", directory.toString(),
                "--output-dir", output.toString());

        assertEquals(BenchCommand.EXIT_PEER, exitCode);
        assertFalse(Files.exists(output.resolve("benchmarks.md")), "a page was written");
    }
}
