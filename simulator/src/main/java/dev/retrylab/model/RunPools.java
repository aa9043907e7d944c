package dev.retrylab.model;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The thread pools that the runners spread their runs over. Closing one interrupts the runs under
 * way, which stop at their next check (see {@link SlicedRun}), and waits for them, so that no run
 * outlives the call that started it, whether that call returns, fails or is cancelled.
 */
final class RunPools {

    private RunPools() {
    }

    /** A pool of {@code threads} threads. */
    static ExecutorService open(int threads) {
        return Executors.newFixedThreadPool(threads);
    }

    /**
     * Interrupts the pool's runs and waits until every one has stopped, even when the calling
     * thread is interrupted meanwhile; the calling thread's interrupt status is kept.
     */
    static void close(ExecutorService pool) {
        pool.shutdownNow();
        boolean interrupted = false;
        boolean terminated = false;
        while (!terminated) {
            try {
                terminated = pool.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
