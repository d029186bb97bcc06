/**
 * Parzen window log-likelihood evaluation of generative models, as in Goodfellow et al.,
 * "Generative Adversarial Nets" (2014).
 *
 * <p>{@link org.ganbench.eval.ParzenEvaluation} runs the whole protocol and returns a
 * {@link org.ganbench.eval.ParzenRecord}. {@link org.ganbench.eval.ParzenWindowEstimator} scores points
 * under a Gaussian Parzen window on generator samples, and {@link org.ganbench.eval.BandwidthSelection}
 * picks its bandwidth on validation data. Points enter as {@link org.ganbench.eval.PointSet}, a
 * row-major float matrix, so this package does not depend on any data set type.
 */
package org.ganbench.eval;
