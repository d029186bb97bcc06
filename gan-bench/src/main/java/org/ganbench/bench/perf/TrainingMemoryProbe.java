package org.ganbench.bench.perf;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.SplittableRandom;
import org.ganbench.core.AdversarialPair;
import org.ganbench.core.AdversarialTrainer;
import org.ganbench.core.TrainingConfig;
import org.ganbench.core.TrainingListener;
import org.ganbench.core.UpdateMode;
import org.ganbench.models.MnistGan;

/**
 * Trains the MNIST GAN of Goodfellow et al. (2014) for a number of iterations on uniform noise and
 * prints one JSON line with the resident memory (VmRSS) after the first iteration and after every
 * reading interval. Native memory that a training step fails to free shows up as growth from one
 * reading to the next.
 *
 * <p>Run it with a fixed, pre-touched Java heap ({@code -Xms} equal to {@code -Xmx} and
 * {@code -XX:+AlwaysPreTouch}), so that the heap's own growth cannot pass for a native leak.
 */
public final class TrainingMemoryProbe {

    private static final int BATCH = 100;
    private static final int DIMENSION = 784;
    private static final int EXAMPLES = 5_000;

    private TrainingMemoryProbe() {
    }

    /**
     * Runs the probe.
     *
     * @param args the iteration count (a positive multiple of 50), the update mode
     *     ({@code SIMULTANEOUS} or {@code ALTERNATING}) and the iterations between two readings
     * @throws IllegalArgumentException if the arguments are missing or invalid
     */
    public static void main(String[] args) {
        if (args.length != 3) {
            throw new IllegalArgumentException("expected 3 arguments, the iteration count, the update mode and the"
                    + " reading interval, got " + args.length);
        }
        int iterations = Integer.parseInt(args[0]);
        UpdateMode mode = UpdateMode.valueOf(args[1]);
        int readingInterval = Integer.parseInt(args[2]);
        if (readingInterval < 1) {
            throw new IllegalArgumentException("invalid reading interval " + readingInterval + ". Pass at least 1");
        }
        int iterationsPerEpoch = EXAMPLES / BATCH;
        if (iterations < iterationsPerEpoch || iterations % iterationsPerEpoch != 0) {
            throw new IllegalArgumentException("invalid iteration count " + iterations
                    + ". Pass a positive multiple of " + iterationsPerEpoch);
        }

        float[] data = uniformNoise();
        ObjectNode line = new ObjectMapper().createObjectNode()
                .put("update", mode.name())
                .put("iterations", iterations);
        ArrayNode readings = line.putArray("readings");
        long start = System.nanoTime();

        try (AdversarialPair pair = MnistGan.paper(data, 1);
                AdversarialTrainer trainer = new AdversarialTrainer(pair,
                        TrainingConfig.paperMnist(iterations / iterationsPerEpoch, 1).withUpdateMode(mode, 1))) {
            TrainingListener listener = new TrainingListener() {
                private int done;

                @Override
                public void onIteration() {
                    done++;
                    if (done == 1 || done % readingInterval == 0) {
                        readings.addObject().put("iteration", done).put("rss_mib", ProcStatus.readSelf().residentMib());
                    }
                }
            };
            for (int epoch = 1; epoch <= iterations / iterationsPerEpoch; epoch++) {
                trainer.trainEpoch(epoch, data, DIMENSION, listener);
            }
        }

        line.put("seconds", (System.nanoTime() - start) / 1e9);
        System.out.println(line);
    }

    private static float[] uniformNoise() {
        SplittableRandom random = new SplittableRandom(3);
        float[] data = new float[EXAMPLES * DIMENSION];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) random.nextDouble();
        }
        return data;
    }
}
