package org.ganbench.eval;

import ai.djl.pytorch.jni.JniUtils;

/**
 * PyTorch's intra-op thread count, which it keeps per calling thread.
 *
 * <p>PyTorch's OpenMP build stores the count in each thread's OpenMP and MKL settings, plus one global
 * value that threads read the first time they run an operation. Setting the count on one thread also
 * sets that global value, so every change here ends by restoring a count the caller read beforehand.
 */
final class TorchIntraOpThreads {

    private TorchIntraOpThreads() {
    }

    /**
     * Returns the number of threads PyTorch would use for an operation started on the calling thread.
     *
     * @return at least 1
     */
    static int current() {
        return JniUtils.getNumThreads();
    }

    /**
     * Runs work on the calling thread with PyTorch operations limited to that thread, then sets the
     * count back.
     *
     * @param restoreTo the count to set afterwards, read with {@link #current()} by the thread that
     *     started the parallel work, so that the global value ends where it began whichever worker
     *     finishes last
     * @param work the work to run
     */
    static void runSingleThreaded(int restoreTo, Runnable work) {
        JniUtils.setNumThreads(1);
        try {
            work.run();
        } finally {
            JniUtils.setNumThreads(restoreTo);
        }
    }
}
