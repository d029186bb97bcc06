package org.ganbench.core;

import org.ganbench.core.optim.LearningRateSchedule;
import org.ganbench.core.optim.MomentumSchedule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A child process for the interruption tests: trains a tiny pair for a number of epochs with a
 * checkpoint after each, resuming from the checkpoint if one exists, and writes the final
 * parameters and metrics to a result file.
 *
 * <p>Arguments: output folder, epochs, and optionally {@code --collect-garbage}, which runs the
 * garbage collector continuously in a second thread, so that collections fall inside training steps.
 */
public final class CheckpointedTrainingMain {

    static final int DIMENSION = 12;

    private CheckpointedTrainingMain() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args[0]);
        int epochs = Integer.parseInt(args[1]);
        if (args.length > 2 && args[2].equals("--collect-garbage")) {
            Thread collector = new Thread(CheckpointedTrainingMain::collectGarbageForever, "garbage-collector-loop");
            collector.setDaemon(true);
            collector.start();
        }
        System.out.println(run(folder, epochs));
    }

    private static void collectGarbageForever() {
        while (true) {
            System.gc();
        }
    }

    static String run(Path folder, int epochs) throws IOException {
        float[] data = TinyPairs.uniformData(400, DIMENSION, 1);
        TrainingConfig config = new TrainingConfig(epochs, 10, new LearningRateSchedule(0.1, 1.0001, 1e-6),
                new MomentumSchedule(0.5, 0.7, 1, 5), UpdateMode.SIMULTANEOUS, 1, GeneratorObjective.NON_SATURATING, 9);
        CheckpointStore store = new CheckpointStore(folder.resolve("checkpoint.bin"));

        try (AdversarialPair pair = TinyPairs.imageLike(5, 32, DIMENSION, 11);
             AdversarialTrainer trainer = new AdversarialTrainer(pair, config)) {
            if (store.exists()) {
                trainer.restore(store.load());
            }
            trainer.enableCheckpoints(store);
            List<EpochMetrics> history = trainer.train(data, DIMENSION, new TrainingListener() { });

            StringBuilder result = new StringBuilder();
            for (EpochMetrics m : history) {
                result.append(m.epoch()).append(' ').append(m.discriminatorLoss()).append(' ')
                        .append(m.generatorLoss()).append(' ').append(m.learningRate()).append('\n');
            }
            float[] samples = GeneratorSampler.sample(pair, 20, 4);
            result.append(java.util.Arrays.toString(samples)).append('\n');
            Files.writeString(folder.resolve("final.txt"), result.toString());
            return result.toString();
        }
    }
}
