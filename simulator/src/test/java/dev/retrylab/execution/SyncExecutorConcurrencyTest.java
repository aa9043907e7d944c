package dev.retrylab.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retrylab.strategy.backoff.Backoff;
import dev.retrylab.strategy.event.RetryMetrics;
import dev.retrylab.strategy.retry.RetryPolicy;
import dev.retrylab.time.ManualScheduler;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SyncExecutorConcurrencyTest {

    private static final int THREADS = 8;
    private static final int CALLS_PER_THREAD = 5_000;

    @Test
    void manyThreads_sharedMetricsAddUp() throws InterruptedException {
        RetryMetrics metrics = new RetryMetrics();
        SyncExecutor executor = SyncExecutor.onVirtualTime(Pipeline.builder()
                .retry(RetryPolicy.builder().maxAttempts(4).backoff(Backoff.none()).build())
                .metrics(metrics).build(), new ManualScheduler(), 1L);
        AtomicLong attemptsMade = new AtomicLong();
        AtomicLong successes = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        List<Throwable> unexpected = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            SplittableRandom random = new SplittableRandom(t);
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < CALLS_PER_THREAD; i++) {
                        int call = i;
                        try {
                            executor.get(() -> {
                                attemptsMade.incrementAndGet();
                                if (random.nextInt(3) == 0) {
                                    throw new ConnectException();
                                }
                                return call;
                            });
                            successes.incrementAndGet();
                        } catch (CallFailedException e) {
                            failures.incrementAndGet();
                        }
                    }
                } catch (Throwable e) {
                    unexpected.add(e);
                }
            });
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(unexpected).isEmpty();
        RetryMetrics.Snapshot snapshot = metrics.snapshot();
        assertThat(snapshot.calls()).isEqualTo((long) THREADS * CALLS_PER_THREAD);
        assertThat(snapshot.attempts()).isEqualTo(attemptsMade.get());
        assertThat(snapshot.succeededWithRetry() + snapshot.succeededWithoutRetry()).isEqualTo(successes.get());
        assertThat(snapshot.failedWithRetry() + snapshot.failedWithoutRetry()).isEqualTo(failures.get());
        long[] perCall = snapshot.attemptsPerCall();
        long weighted = 0;
        for (int n = 0; n < perCall.length; n++) {
            weighted += n * perCall[n];
        }
        assertThat(weighted).as("attempts per call add up to all attempts").isEqualTo(attemptsMade.get());
        // a call fails for good after 4 failed attempts, each failing with probability 1/3:
        // expected 40000/81 = 494 failures, standard deviation 22; allow 4 of them
        assertThat(failures.get()).isBetween(494L - 88L, 494L + 88L);
    }
}
