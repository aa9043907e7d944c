package dev.retrylab.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * Runs a body on several threads released together by a latch, and fails the test when any
 * thread threw or the threads did not finish. Never sleeps; the await bound only guards against a
 * hang.
 */
public final class ConcurrentRun {

    private ConcurrentRun() {
    }

    /** Runs {@code body.accept(threadIndex)} on {@code threads} threads at once. */
    public static void inThreads(int threads, IntConsumer body) throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(threads);
        Queue<Throwable> errors = new ConcurrentLinkedQueue<>();
        for (int t = 0; t < threads; t++) {
            int index = t;
            Thread thread = new Thread(() -> {
                ready.countDown();
                try {
                    start.await();
                    body.accept(index);
                } catch (Throwable error) {
                    errors.add(error);
                } finally {
                    done.countDown();
                }
            }, "concurrent-run-" + t);
            thread.setDaemon(true);
            thread.start();
        }
        ready.await();
        start.countDown();
        assertThat(done.await(60, TimeUnit.SECONDS)).as("all threads finished").isTrue();
        assertThat(errors).as("exceptions thrown by the threads").isEmpty();
    }
}
