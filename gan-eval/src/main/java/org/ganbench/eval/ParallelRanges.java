package org.ganbench.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Splits a range of indices into contiguous parts and runs them on a fixed number of threads, the
 * calling thread among them.
 *
 * <p>The Parzen window uses as many threads for its own loops as PyTorch uses for the matrix
 * products, so a run with one thread stays on one core and a comparison with a peer at the same
 * thread count stays fair.
 */
final class ParallelRanges implements AutoCloseable {

    /** Work on indices {@code first .. last - 1}. */
    @FunctionalInterface
    interface RangeTask {
        void run(int first, int last);
    }

    /** Runs every range on the calling thread; it has no workers to close. */
    static final ParallelRanges SERIAL = new ParallelRanges(1);

    private final int threads;
    private final ExecutorService workers;

    /**
     * Starts {@code threads - 1} daemon worker threads.
     *
     * @param threads number of parts a range is split into, at least 1
     * @throws IllegalArgumentException if {@code threads} is below 1
     */
    ParallelRanges(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("invalid thread count " + threads + ". Pass at least 1");
        }
        this.threads = threads;
        this.workers = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, task -> {
            Thread thread = new Thread(task, "parzen-window");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Returns the number of threads PyTorch uses for one operation: the system property DJL reads
     * ({@code ai.djl.pytorch.num_threads}), or the number of cores if it is not set.
     *
     * @return at least 1
     */
    static int configuredThreads() {
        int cores = Runtime.getRuntime().availableProcessors();
        return Math.max(1, Integer.getInteger("ai.djl.pytorch.num_threads", cores));
    }

    /**
     * Runs the task on contiguous parts of {@code [0, count)} and returns when all are done.
     *
     * @param count size of the range, at least 0
     * @param task the work on one part
     * @throws IllegalStateException if a part fails or the caller is interrupted
     */
    void run(int count, RangeTask task) {
        int parts = Math.min(threads, count);
        if (parts <= 1) {
            task.run(0, count);
            return;
        }

        List<Future<?>> pending = new ArrayList<>(parts - 1);
        for (int part = 0; part < parts - 1; part++) {
            int first = (int) ((long) part * count / parts);
            int last = (int) ((long) (part + 1) * count / parts);
            pending.add(workers.submit(() -> task.run(first, last)));
        }
        task.run((int) ((long) (parts - 1) * count / parts), count);

        for (Future<?> future : pending) {
            await(future);
        }
    }

    /** Stops the worker threads. */
    @Override
    public void close() {
        if (workers != null) {
            workers.shutdownNow();
        }
    }

    private static void await(Future<?> future) {
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the Parzen window ran in parallel", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("a Parzen window worker failed", e.getCause());
        }
    }
}
