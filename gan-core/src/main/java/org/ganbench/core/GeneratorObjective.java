package org.ganbench.core;

/** The quantity the generator minimises. */
public enum GeneratorObjective {
    /**
     * -log D(G(z)), i.e. BCE(D(G(z)), 1): the form Goodfellow et al. (2014, Section 3) recommend
     * because it gives strong gradients early in training, when D rejects G's samples easily.
     */
    NON_SATURATING,
    /** log(1 - D(G(z))): the minimax game's own objective, whose gradient vanishes when D wins. */
    SATURATING
}
