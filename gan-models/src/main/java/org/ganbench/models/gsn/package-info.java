/**
 * The "Deep GSN" baseline of Table 1 in Goodfellow et al. (2014): a deep generative stochastic
 * network ({@link org.ganbench.models.gsn.GsnNetwork}) trained by walkback
 * ({@link org.ganbench.models.gsn.GsnTrainer}) with the settings of the code released with
 * Bengio et al. (ICML 2014), and sampled by running its noisy chain
 * ({@link org.ganbench.models.gsn.Gsn}).
 */
package org.ganbench.models.gsn;
