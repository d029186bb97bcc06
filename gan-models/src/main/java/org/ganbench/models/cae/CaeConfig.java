package org.ganbench.models.cae;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings of a stacked contractive autoencoder: its layer widths, the layer-wise training and
 * the sampling chain.
 *
 * <p>Sources. Bengio, Mesnil, Dauphin and Rifai ("Better Mixing via Deep Representations", ICML
 * 2013) train a two-layer CAE on MNIST and sample it with the process of Rifai, Bengio, Dauphin
 * and Vincent ("A Generative Process for Sampling Contractive Auto-Encoders", ICML 2012). Sigmoid
 * units, tied weights, the summed cross-entropy, the weight range and the sampling step
 * h + J J^T epsilon with epsilon ~ N(0, sigma^2 I) follow the CAE library of Dauphin and Rifai
 * (github.com/ynd/cae.py). The widths, lambda, learning rate, minibatch size, epochs and
 * chain noise of the Table 1 run were not in any source we could open, so both profiles choose
 * them; {@link #description()} marks each setting as published or chosen.
 *
 * @param hiddenSizes code width of each layer, bottom to top; at least one layer
 * @param contraction lambda, the weight of the Jacobian penalty; 0 or more
 * @param learningRate SGD step size on the per-example cost (summed over visible units, averaged
 *     over the minibatch)
 * @param momentum classical momentum in [0, 1); 0 is plain SGD
 * @param batchSize examples per minibatch
 * @param epochsPerLayer passes over the training set for each layer
 * @param chainNoise sigma of the Gaussian epsilon in each sampling step, 0 or more
 * @param chains Markov chains run side by side when sampling; 1 is a single chain
 * @param seed seed of the initial weights, the data order and the chain's start images
 */
public record CaeConfig(
        List<Integer> hiddenSizes,
        double contraction,
        double learningRate,
        double momentum,
        int batchSize,
        int epochsPerLayer,
        double chainNoise,
        int chains,
        long seed) {

    /** Seed of the factory profiles. */
    public static final long DEFAULT_SEED = 1;

    /**
     * Validates every setting and copies the widths.
     *
     * @throws IllegalArgumentException if a setting is out of range
     */
    public CaeConfig {
        if (hiddenSizes == null || hiddenSizes.isEmpty()) {
            throw new IllegalArgumentException("hiddenSizes is empty. Pass at least one layer width, e.g. [1000, 1000]");
        }
        hiddenSizes = List.copyOf(hiddenSizes);
        for (int width : hiddenSizes) {
            if (width < 1) {
                throw new IllegalArgumentException("Every layer width must be positive, got " + hiddenSizes);
            }
        }
        requireFiniteAtLeastZero("contraction", contraction);
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be positive and finite, got " + learningRate);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum + ". Use 0 for plain SGD");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
        }
        if (epochsPerLayer < 1) {
            throw new IllegalArgumentException("epochsPerLayer must be at least 1, got " + epochsPerLayer);
        }
        requireFiniteAtLeastZero("chainNoise", chainNoise);
        if (chains < 1) {
            throw new IllegalArgumentException("chains must be at least 1, got " + chains + "; use 1 for one chain");
        }
    }

    /**
     * Returns the profile that trains on 50,000 MNIST images in about 2 minutes on 2 CPU cores:
     * two layers of 500 units, 3 epochs per layer, lambda 1 and chain noise sigma 30.
     *
     * <p>Lambda and sigma come from a sweep with this profile's widths and epochs, scored by the
     * suite's Parzen protocol on the 1,000 validation images. With lambda 0.1 every chain faded
     * into stroke fragments within a few hundred steps, whatever sigma (best validation
     * log-likelihood -47 nats). With lambda 1 the single-layer chain stays on digits. The
     * two-layer chain needs a large sigma because the composed Jacobian is strongly contracted:
     * sigma 1, 10, 30 and 100 gave -132, 36, 58 and 37 nats.
     *
     * @return the quick profile with {@link #DEFAULT_SEED}
     */
    public static CaeConfig quick() {
        return new CaeConfig(List.of(500, 500), 1.0, 0.01, 0.5, 20, 3, 30.0, 1, DEFAULT_SEED);
    }

    /**
     * Returns the profile closest to the publications: two layers of 1,000 units, 50 epochs per
     * layer, with the quick profile's lambda and sigma.
     *
     * <p>NOTE: widths, epochs, lambda and sigma are chosen, not published, and sigma was tuned
     * only for the quick profile.
     *
     * @return the paper profile with {@link #DEFAULT_SEED}
     */
    public static CaeConfig paper() {
        return new CaeConfig(List.of(1000, 1000), 1.0, 0.01, 0.5, 20, 50, 30.0, 1, DEFAULT_SEED);
    }

    /**
     * Returns a copy with another seed.
     *
     * @param newSeed seed of the initial weights, the data order and the chain's start images
     * @return the copy
     */
    public CaeConfig withSeed(long newSeed) {
        return new CaeConfig(hiddenSizes, contraction, learningRate, momentum, batchSize, epochsPerLayer,
                chainNoise, chains, newSeed);
    }

    /**
     * Returns a copy with another number of epochs per layer.
     *
     * @param newEpochsPerLayer passes over the training set for each layer, at least 1
     * @return the copy
     * @throws IllegalArgumentException if {@code newEpochsPerLayer} is below 1
     */
    public CaeConfig withEpochsPerLayer(int newEpochsPerLayer) {
        return new CaeConfig(hiddenSizes, contraction, learningRate, momentum, batchSize, newEpochsPerLayer,
                chainNoise, chains, seed);
    }

    /**
     * Describes the settings for result.json, marking which ones are published and which chosen.
     *
     * @return an ordered, unmodifiable map from setting name to value
     */
    public Map<String, Object> description() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("hiddenSizes", hiddenSizes);
        settings.put("units", "published: sigmoid encoder and decoder units (ynd/cae.py)");
        settings.put("weights", "published: tied, W' = W^T (ynd/cae.py); initial W uniform in +-4 sqrt(6 / (in + out)),"
                + " biases 0");
        settings.put("reconstructionCost", "published: cross-entropy summed over the visible units (ynd/cae.py)");

        settings.put("contraction", contraction);
        settings.put("learningRate", learningRate);
        settings.put("momentum", momentum);
        settings.put("batchSize", batchSize);
        settings.put("epochsPerLayer", epochsPerLayer);
        settings.put("trainingSource", "chosen: widths, lambda, learning rate, momentum, minibatch size and epochs"
                + " of the Table 1 run are not published in the sources we opened");
        settings.put("layerwiseTraining", "published: each layer is a CAE trained on the codes of the frozen layers"
                + " below it (Bengio et al. 2013)");

        settings.put("chainStep", "published: h <- h + J J^T epsilon, epsilon ~ N(0, chainNoise^2 I), then decode"
                + " (CAE.sample in ynd/cae.py)");
        settings.put("chainJacobian", "chosen: J is the Jacobian of the whole encoder from pixels to the top code,"
                + " so the single-layer step of Rifai et al. (2012) applies to the stack unchanged");
        settings.put("chainNoise", chainNoise);
        settings.put("contractionAndNoiseSource", "chosen: lambda and sigma from a sweep with the quick profile,"
                + " scored by the Parzen log-likelihood of the 1,000 validation images");
        settings.put("chains", chains);
        settings.put("chainStart", "chosen: a training image picked by the sampling seed");

        settings.put("seed", seed);
        return Collections.unmodifiableMap(settings);
    }

    private static void requireFiniteAtLeastZero(String name, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and at least 0, got " + value);
        }
    }
}
