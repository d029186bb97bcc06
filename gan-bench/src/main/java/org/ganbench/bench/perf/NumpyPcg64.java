package org.ganbench.bench.perf;

/**
 * The float32 stream of {@code numpy.random.default_rng(seed).random(n, dtype=numpy.float32)},
 * reproduced bit for bit, so that Java benchmarks and numpy programs score the same synthetic data.
 *
 * <p>numpy (1.17 and later) seeds its default generator, PCG64, through {@code SeedSequence}: the
 * seed is hashed into a pool of four 32-bit words, which expands into a 128-bit state and a 128-bit
 * increment. PCG64 advances a 128-bit linear congruential state and outputs 64 bits by the XSL-RR
 * permutation. A float32 draw takes the next 32-bit half of that output (low half first) and keeps
 * its top 24 bits, so every value is a multiple of 2^-24 in [0, 1).
 *
 * <p>Instances are not thread-safe.
 */
public final class NumpyPcg64 {

    // SeedSequence hashing constants (numpy/random/bit_generator.pyx).
    private static final int INIT_A = 0x43b0d7e5;
    private static final int MULT_A = 0x931e8875;
    private static final int INIT_B = 0x8b51f9dd;
    private static final int MULT_B = 0x58f38ded;
    private static final int MIX_MULT_L = 0xca01f9dd;
    private static final int MIX_MULT_R = 0x4973f715;
    private static final int XSHIFT = 16;
    private static final int POOL_SIZE = 4;

    // PCG's default 128-bit multiplier, 2549297995355413924 * 2^64 + 4865540595714422341.
    private static final long MULTIPLIER_HIGH = 2549297995355413924L;
    private static final long MULTIPLIER_LOW = 4865540595714422341L;

    private static final float TWO_TO_MINUS_24 = 1.0f / 16777216.0f;

    private long stateHigh;
    private long stateLow;
    private final long incrementHigh;
    private final long incrementLow;
    private boolean hasBufferedHalf;
    private int bufferedHalf;

    private NumpyPcg64(long[] seedWords) {
        long initialStateHigh = seedWords[0];
        long initialStateLow = seedWords[1];
        long sequenceHigh = seedWords[2];
        long sequenceLow = seedWords[3];

        // The increment is (sequence << 1) | 1, so it is always odd.
        this.incrementHigh = (sequenceHigh << 1) | (sequenceLow >>> 63);
        this.incrementLow = (sequenceLow << 1) | 1L;

        step();
        addToState(initialStateHigh, initialStateLow);
        step();
    }

    /**
     * Creates the generator that {@code numpy.random.default_rng(seed)} creates.
     *
     * @param seed a non-negative seed below 2^32, as numpy's command-line peers pass it
     * @return a generator positioned at the first draw
     * @throws IllegalArgumentException if {@code seed} is negative or does not fit in 32 bits
     */
    public static NumpyPcg64 seeded(long seed) {
        if (seed < 0 || seed > 0xffffffffL) {
            throw new IllegalArgumentException("invalid seed " + seed
                    + ". Pass a seed in [0, 2^32), because larger seeds span several SeedSequence words");
        }
        int[] pool = mixEntropy((int) seed);
        return new NumpyPcg64(generateState(pool));
    }

    /**
     * Draws the next {@code count} float32 values, as {@code rng.random(count, dtype=numpy.float32)}.
     *
     * @param count number of values, at least 0
     * @return a new array of values in [0, 1)
     * @throws IllegalArgumentException if {@code count} is negative
     */
    public float[] nextFloats(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("invalid count " + count + ". Pass a number of values of at least 0");
        }

        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = (nextInt() >>> 8) * TWO_TO_MINUS_24;
        }
        return values;
    }

    /**
     * Returns the next 64-bit output, as numpy's {@code bit_generator.random_raw()}.
     *
     * @return the XSL-RR output of the advanced state
     */
    public long nextLong() {
        step();
        int rotation = (int) (stateHigh >>> 58);
        return Long.rotateRight(stateHigh ^ stateLow, rotation);
    }

    private int nextInt() {
        if (hasBufferedHalf) {
            hasBufferedHalf = false;
            return bufferedHalf;
        }
        long next = nextLong();
        hasBufferedHalf = true;
        bufferedHalf = (int) (next >>> 32);
        return (int) next;
    }

    /** Advances the state: state = state * multiplier + increment, modulo 2^128. */
    private void step() {
        long productLow = stateLow * MULTIPLIER_LOW;
        long productHigh = unsignedMultiplyHigh(stateLow, MULTIPLIER_LOW)
                + stateHigh * MULTIPLIER_LOW
                + stateLow * MULTIPLIER_HIGH;
        stateHigh = productHigh;
        stateLow = productLow;
        addToState(incrementHigh, incrementLow);
    }

    private void addToState(long high, long low) {
        long sumLow = stateLow + low;
        long carry = Long.compareUnsigned(sumLow, low) < 0 ? 1L : 0L;
        stateHigh = stateHigh + high + carry;
        stateLow = sumLow;
    }

    private static long unsignedMultiplyHigh(long x, long y) {
        // Math.unsignedMultiplyHigh arrives in Java 18; this is its definition in terms of the signed product.
        return Math.multiplyHigh(x, y) + ((x >> 63) & y) + ((y >> 63) & x);
    }

    /** Hashes a one-word seed into SeedSequence's pool of four words. */
    private static int[] mixEntropy(int seedWord) {
        int[] pool = new int[POOL_SIZE];
        int[] hashConstant = {INIT_A};

        pool[0] = hashMix(seedWord, hashConstant);
        for (int i = 1; i < POOL_SIZE; i++) {
            pool[i] = hashMix(0, hashConstant);
        }

        for (int source = 0; source < POOL_SIZE; source++) {
            for (int target = 0; target < POOL_SIZE; target++) {
                if (source != target) {
                    pool[target] = mix(pool[target], hashMix(pool[source], hashConstant));
                }
            }
        }
        return pool;
    }

    /** Expands the pool into four 64-bit words: initial state (high, low), then sequence (high, low). */
    private static long[] generateState(int[] pool) {
        int[] words = new int[8];
        int hashConstant = INIT_B;
        for (int i = 0; i < words.length; i++) {
            int value = pool[i % POOL_SIZE] ^ hashConstant;
            hashConstant *= MULT_B;
            value *= hashConstant;
            value ^= value >>> XSHIFT;
            words[i] = value;
        }

        // numpy views the eight 32-bit words as four little-endian 64-bit words.
        long[] seedWords = new long[4];
        for (int k = 0; k < seedWords.length; k++) {
            seedWords[k] = (words[2 * k] & 0xffffffffL) | ((long) words[2 * k + 1] << 32);
        }
        return seedWords;
    }

    private static int hashMix(int value, int[] hashConstant) {
        value ^= hashConstant[0];
        hashConstant[0] *= MULT_A;
        value *= hashConstant[0];
        value ^= value >>> XSHIFT;
        return value;
    }

    private static int mix(int x, int y) {
        int result = MIX_MULT_L * x - MIX_MULT_R * y;
        result ^= result >>> XSHIFT;
        return result;
    }
}
