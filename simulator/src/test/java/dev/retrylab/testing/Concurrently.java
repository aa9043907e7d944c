package dev.retrylab.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Runs a body on several threads that start together, for tests that hammer a shared object.
 * The body's work is bounded; the wait for the threads is a safety net against a hang, not a
 * timing assumption.
 */
public final class Concurrently {

    private Concurrently() {
    }

    /**
     * Runs {@code body.accept(threadIndex)} on {@code threads} threads released at once, and
     * returns when all have finished; rethrows the first failure.
     */
    public static void run(int threads, IntConsumer body) {
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(threads);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int index = t;
            Thread worker = new Thread(() -> {
                try {
                    ready.countDown();
                    start.await();
                    body.accept(index);
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    done.countDown();
                }
            }, "hammer-" + t);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
        try {
            ready.await();
            start.countDown();
            if (!done.await(2, TimeUnit.MINUTES)) {
                throw new AssertionError("threads did not finish: a hang or deadlock");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        Throwable first = failure.get();
        if (first instanceof Error error) {
            throw error;
        }
        if (first != null) {
            throw new AssertionError("a worker thread failed", first);
        }
    }
}
