package org.ganbench.models.dbn;

/** Source of the model samples in an RBM's negative phase. */
public enum NegativePhase {

    /**
     * Contrastive divergence CD-k (Hinton, 2002): k Gibbs steps from the current minibatch of
     * training data, restarted at every update.
     */
    CONTRASTIVE_DIVERGENCE,

    /**
     * Persistent contrastive divergence, also called stochastic maximum likelihood (Tieleman,
     * 2008): k Gibbs steps from where the previous update left a set of chains, which are never
     * reset to the data, so they follow the model distribution as it changes.
     */
    PERSISTENT
}
