package org.ganbench.core;

/** How discriminator and generator updates are interleaved. */
public enum UpdateMode {
    /**
     * One step per minibatch that updates both networks from gradients computed on the same
     * data, noise, samples and dropout masks, as the authors' released pylearn2 code does.
     */
    SIMULTANEOUS,
    /**
     * Algorithm 1 of Goodfellow et al. (2014): k discriminator steps, each on a fresh minibatch
     * of data and noise, then one generator step on fresh noise.
     */
    ALTERNATING
}
