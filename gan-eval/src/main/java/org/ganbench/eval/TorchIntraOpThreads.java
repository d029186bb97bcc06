package org.ganbench.eval;

import ai.djl.pytorch.jni.JniUtils;

/**
 * PyTorch's intra-op thread count, which PyTorch keeps per calling thread.
 *
 * <p>Setting the count on one thread also sets the count that other threads receive at their first
 * operation. So every change here ends by restoring a count that the caller read beforehand, and the
 * tests check that the caller's count and a new thread's count end where they began.
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
