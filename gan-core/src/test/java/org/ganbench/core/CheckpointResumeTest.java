package org.ganbench.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run killed with SIGKILL and resumed from its checkpoint must end exactly as an uninterrupted
 * run with the same seed. The training runs in a child JVM so that the kill is real.
 */
class CheckpointResumeTest {

    private static final int EPOCHS = 6;

    @Test
    void resumedRunEqualsUninterruptedRun(@TempDir Path folder) throws Exception {
        Path reference = Files.createDirectories(folder.resolve("reference"));
        String expected = CheckpointedTrainingMain.run(reference, EPOCHS);

        // Kill after different amounts of progress: early, mid-run and late.
        for (int killAfterCheckpoints : new int[] {1, 3, 5}) {
            Path run = Files.createDirectories(folder.resolve("killed-after-" + killAfterCheckpoints));
            killChildAfter(run, killAfterCheckpoints);

            Process resumed = startChild(run);
            assertTrue(resumed.waitFor(120, TimeUnit.SECONDS), "resumed child timed out");
            assertEquals(0, resumed.exitValue(), "resumed child failed: " + Files.readString(run.resolve("child.log")));

            assertEquals(expected, Files.readString(run.resolve("final.txt")),
                    "result after a kill following " + killAfterCheckpoints + " checkpoints");
        }
    }

    /**
     * Garbage collections inside training steps free every direct buffer that Java no longer
     * references. Native memory that autograd still needs must therefore never be owned by such a
     * buffer, or the run drifts from the reference or diverges.
     */
    @Test
    void runUnderContinuousCollectionsEqualsReference(@TempDir Path folder) throws Exception {
        Path reference = Files.createDirectories(folder.resolve("reference"));
        String expected = CheckpointedTrainingMain.run(reference, EPOCHS);
        Path run = Files.createDirectories(folder.resolve("continuous-collections"));

        Process child = startChild(run, "--collect-garbage");
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "child timed out");

        assertEquals(0, child.exitValue(), "child failed: " + Files.readString(run.resolve("child.log")));
        assertEquals(expected, Files.readString(run.resolve("final.txt")));
    }

    @Test
    void checkpointRoundTripsThroughFile(@TempDir Path folder) throws IOException {
        CheckpointedTrainingMain.run(folder, 2);
        CheckpointStore store = new CheckpointStore(folder.resolve("checkpoint.bin"));

        Checkpoint loaded = store.load();

        assertEquals(2, loaded.completedEpochs());
        assertEquals(2 * 40, loaded.updatesDone());
        assertEquals(2, loaded.history().size());
        assertTrue(loaded.parameters().containsKey("generator/0.weight"));
        assertTrue(loaded.velocities().containsKey("discriminator/1.bias"));
    }

    @Test
    void truncatedCheckpointIsRejected(@TempDir Path folder) throws IOException {
        CheckpointedTrainingMain.run(folder, 1);
        Path file = folder.resolve("checkpoint.bin");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        IOException e = assertThrows(IOException.class, () -> new CheckpointStore(file).load());

        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void checkpointOfOtherConfigurationIsRejected(@TempDir Path folder) throws IOException {
        CheckpointedTrainingMain.run(folder, 1);
        Checkpoint checkpoint = new CheckpointStore(folder.resolve("checkpoint.bin")).load();
        TrainingConfig other = checkpoint.config().withEpochs(3).withUpdateMode(UpdateMode.ALTERNATING, 1);

        try (AdversarialPair pair = TinyPairs.imageLike(5, 32, CheckpointedTrainingMain.DIMENSION, 11);
             AdversarialTrainer trainer = new AdversarialTrainer(pair, other)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> trainer.restore(checkpoint));

            assertTrue(e.getMessage().contains("ALTERNATING"), e.getMessage());
        }
    }

    @Test
    void garbageFileIsNotACheckpoint(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("checkpoint.bin");
        Files.writeString(file, "not a checkpoint at all");

        IOException e = assertThrows(IOException.class, () -> new CheckpointStore(file).load());

        assertTrue(e.getMessage().contains("not a gan-bench checkpoint"), e.getMessage());
    }

    /** Starts a child run and kills it with SIGKILL once the given number of checkpoints exist. */
    private static void killChildAfter(Path run, int checkpoints) throws Exception {
        Process child = startChild(run);
        Path checkpoint = run.resolve("checkpoint.bin");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && child.isAlive()) {
            int written = Files.exists(checkpoint) ? new CheckpointStore(checkpoint).load().completedEpochs() : 0;
            if (written >= checkpoints) {
                break;
            }
            Thread.sleep(20);
        }
        // destroyForcibly sends SIGKILL on Linux: no shutdown hook or finally block runs.
        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertTrue(!Files.exists(run.resolve("final.txt")) || checkpoints >= EPOCHS,
                "the child finished before it could be killed; the test would prove nothing");
    }

    private static Process startChild(Path run, String... options) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Dai.djl.offline=true");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(CheckpointedTrainingMain.class.getName());
        command.add(run.toString());
        command.add(Integer.toString(EPOCHS));
        command.addAll(List.of(options));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(run.resolve("child.log").toFile()).start();
    }
}
