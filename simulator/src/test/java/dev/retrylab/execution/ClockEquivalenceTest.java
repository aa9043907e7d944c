package dev.retrylab.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retrylab.strategy.backoff.Backoff;
import dev.retrylab.strategy.backoff.Jitter;
import dev.retrylab.strategy.event.RetryEvent;
import dev.retrylab.strategy.retry.RetryPolicy;
import dev.retrylab.time.ManualScheduler;
import dev.retrylab.time.SystemClock;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * One strategy, two clocks: the same policy and seed give the same delay sequence on the real
 * clock and on virtual time. Delays are microseconds, so the real-clock runs take no noticeable time.
 */
class ClockEquivalenceTest {

    private static final RetryPolicy POLICY = RetryPolicy.builder().maxAttempts(6)
            .backoff(Backoff.exponential(Duration.ofNanos(1_000), 2.0).withJitter(Jitter.DECORRELATED))
            .build();
    private static final long SEED = 42L;
    private static final int CALLS = 4;

    private static Pipeline recording(List<Long> delays) {
        return Pipeline.builder().retry(POLICY).listener(event -> {
            if (event instanceof RetryEvent.RetryScheduled scheduled) {
                delays.add(scheduled.delayNanos());
            }
        }).build();
    }

    private static void failEveryCall(SyncExecutor executor) {
        for (int i = 0; i < CALLS; i++) {
            assertThatThrownBy(() -> executor.get(() -> {
                throw new ConnectException();
            })).isInstanceOf(CallFailedException.class);
        }
    }

    private static void failEveryCall(AsyncExecutor executor, Runnable drive) {
        for (int i = 0; i < CALLS; i++) {
            CompletableFuture<Object> call = executor.getAsync(
                    () -> CompletableFuture.failedFuture(new ConnectException()));
            drive.run();
            assertThat(call).failsWithin(Duration.ofSeconds(10));
        }
    }

    @Test
    void syncExecutor_realAndVirtualClock_giveTheSameDelays() {
        List<Long> real = new CopyOnWriteArrayList<>();
        List<Long> virtual = new CopyOnWriteArrayList<>();
        failEveryCall(SyncExecutor.onSystemClock(recording(real), null, SEED));
        failEveryCall(SyncExecutor.onVirtualTime(recording(virtual), new ManualScheduler(), SEED));
        assertThat(real).hasSize(CALLS * 5).isEqualTo(virtual);
    }

    @Test
    void asyncExecutor_realAndVirtualClock_giveTheSameDelays() throws InterruptedException {
        List<Long> real = new CopyOnWriteArrayList<>();
        List<Long> virtual = new CopyOnWriteArrayList<>();
        ScheduledExecutorService threads = Executors.newSingleThreadScheduledExecutor();
        try {
            failEveryCall(new AsyncExecutor(recording(real), SystemClock.scheduler(threads), SEED), () -> { });
        } finally {
            threads.shutdown();
            assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
        ManualScheduler time = new ManualScheduler();
        failEveryCall(new AsyncExecutor(recording(virtual), time, SEED), time::runUntilIdle);
        assertThat(real).hasSize(CALLS * 5).isEqualTo(virtual);
    }
}
