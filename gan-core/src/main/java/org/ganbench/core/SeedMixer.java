package org.ganbench.core;

import java.nio.charset.StandardCharsets;

/**
 * Derives independent seeds for the random streams of one run (data order, noise and dropout,
 * initialisation) from the run's seed, a stream name and an index.
 */
public final class SeedMixer {

    private SeedMixer() {
    }

    /**
     * Mixes a seed with a stream name and an index into a new 64-bit seed.
     *
     * @param seed run seed
     * @param stream name of the random stream, e.g. "noise"
     * @param index e.g. the epoch
     * @return a well-mixed seed; distinct inputs give unrelated outputs
     */
    public static long mix(long seed, String stream, long index) {
        long h = seed;
        for (byte b : stream.getBytes(StandardCharsets.UTF_8)) {
            h = splitMix(h ^ b);
        }
        return splitMix(h ^ splitMix(index));
    }

    // SplitMix64 finaliser (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014)
    private static long splitMix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
