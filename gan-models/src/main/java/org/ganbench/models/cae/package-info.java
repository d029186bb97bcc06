/**
 * The "Stacked CAE" baseline of Table 1 in Goodfellow et al. (2014): contractive autoencoders
 * ({@link org.ganbench.models.cae.ContractiveAutoencoder}) trained layer by layer and sampled with
 * the Jacobian chain of Rifai et al. (ICML 2012), wrapped as a
 * {@link org.ganbench.core.GenerativeModel} by {@link org.ganbench.models.cae.StackedCae}.
 *
 * <p>The package also contains helpers that the GSN baseline reuses: the seeded minibatch order
 * ({@link org.ganbench.core.ShuffledMinibatches}), the cross-entropy of sigmoid units
 * ({@link org.ganbench.models.cae.BinaryCrossEntropy}) and the pool of chain start images
 * ({@link org.ganbench.models.cae.ChainStartPool}).
 */
package org.ganbench.models.cae;
