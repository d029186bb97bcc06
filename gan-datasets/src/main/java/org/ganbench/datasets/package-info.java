/**
 * Image data sets for gan-bench: the IDX file reader, the immutable {@link org.ganbench.datasets.ImageSet}
 * and the MNIST loader with its verified on-disk cache.
 *
 * <p>Entry points: {@link org.ganbench.datasets.Mnist#load(MnistOptions)} for the MNIST splits used in
 * Goodfellow et al., "Generative Adversarial Nets" (2014), and {@link org.ganbench.datasets.IdxReader} for
 * any IDX file of unsigned bytes.
 */
package org.ganbench.datasets;
