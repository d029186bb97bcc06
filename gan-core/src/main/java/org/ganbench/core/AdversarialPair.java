package org.ganbench.core;

import ai.djl.ndarray.NDManager;

/**
 * A generator and its discriminator, with the manager that owns both networks' parameters.
 * Closing the pair frees the parameters.
 *
 * @param generator G, trained to fool D
 * @param discriminator D, trained to tell data from G's samples
 * @param manager owner of every parameter array of both networks
 */
public record AdversarialPair(Generator generator, Discriminator discriminator, NDManager manager)
        implements AutoCloseable {

    /** Validates that G's output width is D's input width. */
    public AdversarialPair {
        if (generator.dataDimension() != discriminator.dataDimension()) {
            throw new IllegalArgumentException("Generator outputs " + generator.dataDimension()
                    + " values per sample but the discriminator reads " + discriminator.dataDimension());
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
