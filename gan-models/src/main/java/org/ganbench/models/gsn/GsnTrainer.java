package org.ganbench.models.gsn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.ganbench.core.SeedMixer;
import org.ganbench.core.optim.LearningRateSchedule;
import org.ganbench.core.optim.MomentumSgd;
import org.ganbench.models.cae.BinaryCrossEntropy;
import org.ganbench.core.ShuffledMinibatches;

import java.util.List;

/**
 * Walkback training of a GSN (Bengio et al., ICML 2014, released {@code model.py}): each clean
 * minibatch x is corrupted by salt-and-pepper noise, the hidden layers start at zero, and the
 * network is unrolled for {@link GsnConfig#walkbackSteps()} noisy layer updates. The cost is the
 * mean cross-entropy of every step's visible means against the clean x, summed over the steps,
 * and backpropagation runs through the whole unrolled chain except the Bernoulli draws.
 *
 * <p>The released update keeps an average of gradients, v = m v + (1 - m) g, w = w - lr v. With
 * v = -lr v' this is classical momentum v' = m v' - lr (1 - m) g, w = w + v', so the trainer runs
 * {@link MomentumSgd} at rate lr (1 - m). The two agree exactly while lr is constant, which holds
 * within an epoch because the released code anneals lr once per epoch.
 *
 * <p>The engine's random stream is reseeded from (seed, epoch) at the start of every epoch, so an
 * epoch's noise depends only on the seed and the epoch number.
 */
public final class GsnTrainer implements AutoCloseable {

    private final GsnNetwork network;
    private final GsnConfig config;
    private final GsnNoise noise;
    private final NDManager manager;
    private final MomentumSgd optimizer;
    private final LearningRateSchedule schedule;

    /**
     * Prepares optimiser state beside the network's parameters.
     *
     * @param network the network to train, updated in place
     * @param config noise, walkback and optimiser settings
     * @param manager parent of the per-minibatch scopes, usually the parameters' manager
     */
    public GsnTrainer(GsnNetwork network, GsnConfig config, NDManager manager) {
        this.network = network;
        this.config = config;
        this.noise = new GsnNoise(config);
        this.manager = manager;
        this.optimizer = new MomentumSgd(network.parameters());
        // Stepped once per epoch: rateAfter(epoch - 1) = lr * annealing^(epoch - 1).
        this.schedule = new LearningRateSchedule(config.learningRate(), 1 / config.annealing(), 0);
    }

    /**
     * Runs one pass over the training data.
     *
     * @param pixels training images, row-major (count, visibleSize), values in [0, 1]
     * @param epoch 1-based epoch; selects the learning rate, the data order and the noise
     * @param onMinibatch called after every update, e.g. to step a progress bar
     * @return the epoch's averaged metrics
     * @throws IllegalArgumentException if the data are not whole rows or hold fewer rows than one minibatch
     * @throws IllegalStateException if the cost becomes NaN or infinite
     */
    public GsnEpochMetrics trainEpoch(float[] pixels, int epoch, Runnable onMinibatch) {
        long start = System.nanoTime();
        double releasedRate = schedule.rateAfter(epoch - 1L);
        double classicalRate = releasedRate * (1 - config.momentum());
        Engine.getInstance().setRandomSeed(engineSeed(config.seed(), "gsn-training", epoch));
        ShuffledMinibatches minibatches = ShuffledMinibatches.forEpoch(pixels, network.visibleSize(),
                config.batchSize(), config.seed(), epoch);

        double costSum = 0;
        double finalStepSum = 0;
        int minibatchCount = minibatches.minibatchCount();
        for (int iteration = 1; iteration <= minibatchCount; iteration++) {
            float[] statistics;
            try (NDManager scope = manager.newSubManager()) {
                NDArray clean = minibatches.next(scope);
                NDArray stacked;
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    WalkbackCost cost = walkback(clean);
                    collector.backward(cost.total());
                    stacked = NDArrays.stack(new NDList(cost.total().stopGradient(), cost.finalStep().stopGradient()));
                }
                optimizer.step(classicalRate, config.momentum());
                statistics = stacked.toFloatArray();
            }

            if (!Float.isFinite(statistics[0])) {
                throw new IllegalStateException("GSN training diverged at epoch " + epoch + ", minibatch " + iteration
                        + ": walkback cost " + statistics[0] + "; lower the learning rate or check the data for NaN");
            }
            costSum += statistics[0];
            finalStepSum += statistics[1];
            onMinibatch.run();
        }

        double seconds = (System.nanoTime() - start) / 1e9;
        return new GsnEpochMetrics(epoch, costSum / minibatchCount, finalStepSum / minibatchCount, releasedRate,
                seconds);
    }

    /**
     * Computes the mean walkback cost over all full minibatches without updating the network;
     * the noise is drawn from a stream seeded by {@code seed}, so equal seeds give equal costs.
     *
     * @param pixels images, row-major (count, visibleSize), values in [0, 1]
     * @param seed seed of the corruption noise
     * @return the mean cost in nats per pixel, summed over the walkback steps
     * @throws IllegalArgumentException if the data are not whole rows or hold fewer rows than one minibatch
     */
    public double walkbackCost(float[] pixels, long seed) {
        Engine.getInstance().setRandomSeed(engineSeed(seed, "gsn-evaluation", 0));
        ShuffledMinibatches minibatches = ShuffledMinibatches.forEpoch(pixels, network.visibleSize(),
                config.batchSize(), seed, 0);

        double sum = 0;
        int minibatchCount = minibatches.minibatchCount();
        for (int i = 0; i < minibatchCount; i++) {
            try (NDManager scope = manager.newSubManager()) {
                sum += walkback(minibatches.next(scope)).total().getFloat();
            }
        }
        return sum / minibatchCount;
    }

    /** Frees the velocity buffers. */
    @Override
    public void close() {
        optimizer.close();
    }

    private WalkbackCost walkback(NDArray clean) {
        List<NDArray> state = network.initialState(noise.saltAndPepper(clean));
        NDArray total = null;
        NDArray stepCost = null;
        for (int k = 0; k < config.walkbackSteps(); k++) {
            GsnNetwork.Transition transition = network.step(state, noise);
            stepCost = BinaryCrossEntropy.fromLogits(transition.visibleLogits(), clean).mean();
            total = total == null ? stepCost : total.add(stepCost);
            state = transition.state();
        }
        return new WalkbackCost(total, stepCost);
    }

    static int engineSeed(long seed, String stream, int index) {
        return (int) (SeedMixer.mix(seed, stream, index) & 0x7fffffffL);
    }

    /** The summed cost of one unrolled chain and the cost of its last step, both scalars. */
    private record WalkbackCost(NDArray total, NDArray finalStep) {
    }
}
