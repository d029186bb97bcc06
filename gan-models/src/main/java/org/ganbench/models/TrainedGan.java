package org.ganbench.models;

import org.ganbench.core.AdversarialPair;
import org.ganbench.core.GenerativeModel;
import org.ganbench.core.GeneratorSampler;

/** A trained adversarial pair seen as a sampler: samples are G(z) with z ~ N(0, I). */
public final class TrainedGan implements GenerativeModel {

    /** Row label of Table 1 in Goodfellow et al. (2014). */
    public static final String NAME = "Adversarial nets";

    private final AdversarialPair pair;

    /**
     * Takes ownership of a trained pair; closing this model closes the pair.
     *
     * @param pair the trained generator and discriminator
     */
    public TrainedGan(AdversarialPair pair) {
        this.pair = pair;
    }

    /**
     * Returns the trained pair, for figures that feed the generator chosen z, such as latent-space
     * interpolations. The pair stays owned by this model.
     *
     * @return the pair
     */
    public AdversarialPair pair() {
        return pair;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int dataDimension() {
        return pair.generator().dataDimension();
    }

    @Override
    public float[] sample(int count, long seed) {
        return GeneratorSampler.sample(pair, count, seed);
    }

    @Override
    public void close() {
        pair.close();
    }
}
