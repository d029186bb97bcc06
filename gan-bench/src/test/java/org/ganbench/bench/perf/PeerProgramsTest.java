package org.ganbench.bench.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs stand-in peers, Python scripts that echo their arguments and environment as JSON the way the
 * real peers print results, so these tests need python3 but neither numpy nor PyTorch.
 */
class PeerProgramsTest {

    private static final BenchmarkSizes SIZES = BenchmarkSizes.quick();

    private static PeerPrograms standInPeers(Path directory, Path blas) throws IOException {
        String echo = """
                import json, os, sys
                print("loading...")
                print(json.dumps({"args": sys.argv[1:], "ld": os.environ.get("LD_LIBRARY_PATH", ""), "gflops_median": 5.0}))
                """;
        for (String program : List.of("parzen_numpy.py", "gan_torch.py", "gemm_rate.py")) {
            Files.writeString(directory.resolve(program), echo);
        }
        Files.createDirectories(blas);
        return new PeerPrograms(directory, "python3", "python3", blas);
    }

    /** Writes an executable that fails the way an interpreter without the module fails. */
    private static String interpreterWithout(Path directory, String module) throws IOException {
        Path script = directory.resolve("python-without-" + module);
        Files.writeString(script, "#!/bin/sh\necho \"ModuleNotFoundError: No module named '" + module + "'\" >&2\n"
                + "exit 1\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script.toString();
    }

    @Test
    void parzenPassesModeThreadsAndSyntheticSizes(@TempDir Path directory) throws IOException {
        JsonNode result = standInPeers(directory, directory.resolve("blas")).parzen("gemm", 2, SIZES,
                List.of("--max-test", "10"));

        assertEquals("[\"--mode\",\"gemm\",\"--threads\",\"2\",\"--synthetic\",\"2000\",\"2000\",\"200\",\"784\",\"0\","
                + "\"--max-test\",\"10\"]", result.get("args").toString());
    }

    @Test
    void torchPeerGetsOpenBlasFirst(@TempDir Path directory) throws IOException {
        Path blas = directory.resolve("blas");
        JsonNode result = standInPeers(directory, blas).gan("alternating", 1, SIZES);

        assertEquals(blas.toString(), result.get("ld").asText());
        assertEquals("[\"--update\",\"alternating\",\"--threads\",\"1\",\"--iters\",\"30\",\"--warmup\",\"5\"]",
                result.get("args").toString());
    }

    @Test
    void numpyGemmKeepsEnvironment(@TempDir Path directory) throws IOException {
        Path blas = directory.resolve("blas");
        JsonNode result = standInPeers(directory, blas).gemm("numpy", 2, SIZES);

        assertEquals(5.0, result.get("gflops_median").asDouble());
        assertNotEquals(blas.toString(), result.get("ld").asText());
        assertTrue(result.get("args").toString().contains("\"--n\",\"500\",\"--reps\",\"3\""), result.toString());
    }

    @Test
    void peakMemoryReadFromChildUsage(@TempDir Path directory) throws IOException {
        double peakMib = standInPeers(directory, directory.resolve("blas")).parzenPeakResidentMib(1, SIZES);

        // A Python interpreter needs several MiB and far less than 1 GiB.
        assertTrue(peakMib > 1, "peak " + peakMib + " MiB");
        assertTrue(peakMib < 1024, "peak " + peakMib + " MiB");
    }

    @Test
    void runnableCheckPassesWithAllPieces(@TempDir Path directory) throws IOException {
        standInPeers(directory, directory.resolve("blas"));

        // 'true' replaces interpreters that import every module.
        new PeerPrograms(directory, "true", "true", directory.resolve("blas")).checkRunnable();
    }

    @Test
    void missingTorchNamedWithInstallCommand(@TempDir Path directory) throws IOException {
        standInPeers(directory, directory.resolve("blas"));
        PeerPrograms peers = new PeerPrograms(directory, "true", interpreterWithout(directory, "torch"),
                directory.resolve("blas"));

        PeerProgramException error = assertThrows(PeerProgramException.class, peers::checkRunnable);
        assertTrue(error.getMessage().contains("cannot import torch, which gan_torch.py needs"), error.getMessage());
        assertTrue(error.getMessage().contains(PeerPrograms.TORCH_INSTALL_COMMAND), error.getMessage());
        assertTrue(error.getMessage().contains("No module named 'torch'"), error.getMessage());
    }

    @Test
    void missingNumpyNamed(@TempDir Path directory) throws IOException {
        standInPeers(directory, directory.resolve("blas"));
        PeerPrograms peers = new PeerPrograms(directory, interpreterWithout(directory, "numpy"), "true",
                directory.resolve("blas"));

        PeerProgramException error = assertThrows(PeerProgramException.class, peers::checkRunnable);
        assertTrue(error.getMessage().contains("cannot import numpy"), error.getMessage());
    }

    @Test
    void missingBlasFolderNamedWithInstallCommand(@TempDir Path directory) throws IOException {
        standInPeers(directory, directory.resolve("blas"));
        PeerPrograms peers = new PeerPrograms(directory, "true", "true", directory.resolve("absent"));

        PeerProgramException error = assertThrows(PeerProgramException.class, peers::checkRunnable);
        assertTrue(error.getMessage().contains("absent not found"), error.getMessage());
        assertTrue(error.getMessage().contains(PeerPrograms.TORCH_INSTALL_COMMAND), error.getMessage());
    }

    @Test
    void missingInterpreterNamed(@TempDir Path directory) throws IOException {
        standInPeers(directory, directory.resolve("blas"));
        PeerPrograms peers = new PeerPrograms(directory, "true", directory.resolve("no-python").toString(),
                directory.resolve("blas"));

        PeerProgramException error = assertThrows(PeerProgramException.class, peers::checkRunnable);
        assertTrue(error.getMessage().contains("no-python cannot import torch"), error.getMessage());
    }

    @Test
    void failingPeerRaisesWithItsError(@TempDir Path directory) throws IOException {
        PeerPrograms peers = standInPeers(directory, directory.resolve("blas"));
        Files.writeString(directory.resolve("gan_torch.py"), "import sys\nsys.exit('torch crashed')\n");

        PeerProgramException error = assertThrows(PeerProgramException.class, () -> peers.gan("simultaneous", 1, SIZES));
        assertTrue(error.getMessage().contains("peer gan_torch.py failed"), error.getMessage());
        assertTrue(error.getMessage().contains("torch crashed"), error.getMessage());
    }

    @Test
    void peerWithoutJsonLineRaises(@TempDir Path directory) throws IOException {
        PeerPrograms peers = standInPeers(directory, directory.resolve("blas"));
        Files.writeString(directory.resolve("gemm_rate.py"), "print('no result')\n");

        PeerProgramException error = assertThrows(PeerProgramException.class, () -> peers.gemm("numpy", 1, SIZES));
        assertTrue(error.getMessage().contains("gemm_rate.py printed no JSON line"), error.getMessage());
    }

    @Test
    void missingFieldNamed() throws IOException {
        JsonNode result = new ObjectMapper().readTree("{\"tool\": \"gan_torch\", \"seconds\": 3}");

        PeerProgramException error = assertThrows(PeerProgramException.class,
                () -> PeerPrograms.requireField("gan_torch.py", result, "iters_per_sec"));
        assertTrue(error.getMessage().contains("gan_torch.py printed no 'iters_per_sec'"), error.getMessage());
    }

    @Test
    void missingProgramRejected(@TempDir Path directory) {
        PeerProgramException error = assertThrows(PeerProgramException.class,
                () -> new PeerPrograms(directory, "python3", "python3", directory));

        assertTrue(error.getMessage().contains("parzen_numpy.py not found"), error.getMessage());
    }
}
