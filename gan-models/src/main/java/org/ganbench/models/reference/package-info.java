/**
 * Reference rows for Table 1 that show what the Parzen-window log-likelihood rewards: the
 * training images themselves ({@link org.ganbench.models.reference.TrainingDataModel}) and the
 * centroids of k-means on the training images ({@link org.ganbench.models.reference.KMeansModel}).
 *
 * <p>Theis, van den Oord and Bethge ("A note on the evaluation of generative models", ICLR 2016)
 * use both rows to argue that Parzen-window estimates should be avoided: 10,000 k-means centroids
 * of the MNIST training set score higher than 10,000 samples of the data distribution, and higher
 * than every model of Goodfellow et al. (2014), although a centroid is a blurred average and not
 * a plausible digit.
 */
package org.ganbench.models.reference;
