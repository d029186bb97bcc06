package org.ganbench.core;

/**
 * A trained model that draws samples, the one interface through which every Table 1 row (the
 * GAN, the baselines and the reference rows) is scored by the same Parzen-window protocol.
 */
public interface GenerativeModel extends AutoCloseable {

    /** Row label as Table 1 prints it, e.g. "Adversarial nets" or "DBN". */
    String name();

    /** Values per sample. */
    int dataDimension();

    /**
     * Draws samples with a fixed seed.
     *
     * @param count number of samples, at least 1
     * @param seed seed of the sampling randomness; the same seed gives the same samples
     * @return row-major (count, dataDimension), values in the data's range
     */
    float[] sample(int count, long seed);

    /** Frees native memory held by the model; the default holds none. */
    @Override
    default void close() {
    }
}
