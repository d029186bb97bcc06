package org.ganbench.models.reference;

/** Initialisation method of {@link KMeans}, which chooses the centroids before Lloyd's iterations. */
public enum KMeansSeeding {

    /**
     * k-means++ (Arthur and Vassilvitskii, "k-means++: the advantages of careful seeding", SODA
     * 2007): the first centroid is a uniformly drawn point, and each further centroid is a point
     * drawn with probability proportional to its squared distance D(x)^2 to the nearest centroid
     * chosen so far. {@link KMeansConfig#seedingBatchSize()} centroids are drawn per round from
     * the same D(x)^2, so a batch size of 1 is the exact algorithm.
     */
    K_MEANS_PLUS_PLUS,

    /** k distinct points drawn uniformly without replacement (Forgy's initialisation). */
    RANDOM_POINTS
}
