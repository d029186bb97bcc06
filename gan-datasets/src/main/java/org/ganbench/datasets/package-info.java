/**
 * Image data sets for gan-bench: immutable image sets, readers for the data sets of Goodfellow et al.,
 * "Generative Adversarial Nets" (2014), and loaders with a verified on-disk cache.
 *
 * <p>Entry points:
 * <ul>
 *   <li>{@link org.ganbench.datasets.Mnist#load(MnistOptions)} and
 *       {@link org.ganbench.datasets.FashionMnist#load(MnistOptions)} for the MNIST and Fashion-MNIST splits;</li>
 *   <li>{@link org.ganbench.datasets.TfdReader} for the Toronto Face Database, and
 *       {@link org.ganbench.datasets.OrlFacesReader}, {@link org.ganbench.datasets.FreyFacesReader} and
 *       {@link org.ganbench.datasets.FaceFolds} for the face sets that stand in for it;</li>
 *   <li>{@link org.ganbench.datasets.Cifar10Reader} for CIFAR-10, as
 *       {@link org.ganbench.datasets.ColourImageSet}s;</li>
 *   <li>{@link org.ganbench.datasets.IdxReader} for any IDX file of unsigned bytes.</li>
 * </ul>
 */
package org.ganbench.datasets;
