package dev.retrylab.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.retrylab.strategy.Failure;
import dev.retrylab.strategy.FailureException;
import dev.retrylab.strategy.FailureKind;
import dev.retrylab.strategy.GiveUpReason;
import dev.retrylab.strategy.backoff.Backoff;
import dev.retrylab.strategy.breaker.CircuitBreaker;
import dev.retrylab.strategy.breaker.CircuitBreakerConfig;
import dev.retrylab.strategy.breaker.CircuitState;
import dev.retrylab.strategy.budget.AdaptiveThrottle;
import dev.retrylab.strategy.bulkhead.Bulkhead;
import dev.retrylab.strategy.event.RetryEvent;
import dev.retrylab.strategy.event.RetryMetrics;
import dev.retrylab.strategy.retry.AdaptiveRetry;
import dev.retrylab.strategy.retry.RetryPolicy;
import dev.retrylab.time.ManualScheduler;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Cancellation, interrupts, throwing listeners, nested executors and errors leave nothing behind. */
class ExecutorRobustnessTest {

    private final ManualScheduler time = new ManualScheduler();
    private final AtomicInteger attempts = new AtomicInteger();

    private static RetryPolicy retries(int maxAttempts) {
        return RetryPolicy.builder().maxAttempts(maxAttempts).backoff(Backoff.constant(Duration.ofMillis(100))).build();
    }

    @Test
    void cancelledAsyncCalls_giveTheirBreakerPermissionsBack() {
        CircuitBreaker breaker = new CircuitBreaker(CircuitBreakerConfig.builder().consecutiveFailureThreshold(1)
                .openDuration(Duration.ofSeconds(1)).halfOpenTrialCalls(2).build(), time);
        AsyncExecutor executor = new AsyncExecutor(Pipeline.builder().circuitBreaker(breaker).build(), time, 1L);
        executor.getAsync(() -> CompletableFuture.failedFuture(new ConnectException()));
        time.advance(Duration.ofSeconds(1));
        for (int i = 0; i < 2; i++) {
            executor.getAsync(CompletableFuture::new).cancel(true);
        }
        CompletableFuture<String> afterwards = executor.getAsync(() -> CompletableFuture.completedFuture("served"));
        assertThat(afterwards).isCompletedWithValue("served");
        assertThat(breaker.state()).isNotEqualTo(CircuitState.OPEN);
    }

    @Test
    void cancelDuringBackoff_releasesTheRetrySlotDropsTheTimerAndCountsTheCall() {
        Bulkhead bulkhead = Bulkhead.builder().maxConcurrentCalls(5).maxConcurrentRetries(1).build();
        RetryMetrics metrics = new RetryMetrics();
        AsyncExecutor executor = new AsyncExecutor(Pipeline.builder().retry(retries(3)).bulkhead(bulkhead)
                .metrics(metrics).build(), time, 1L);
        CompletableFuture<Object> call = executor.getAsync(() -> {
            attempts.incrementAndGet();
            return CompletableFuture.failedFuture(new ConnectException());
        });
        assertThat(bulkhead.runningRetries()).isEqualTo(1);
        call.cancel(true);
        assertThat(bulkhead.runningRetries()).isZero();
        assertThat(time.pendingTasks()).isZero();
        time.runUntilIdle();
        assertThat(attempts).hasValue(1);
        assertThat(metrics.snapshot().giveUpsByReason()).containsEntry(GiveUpReason.CANCELLED, 1L);
    }

    @Test
    void throwingListener_doesNotRerunASuccessfulCall() {
        List<Throwable> reported = new ArrayList<>();
        Thread.UncaughtExceptionHandler previous = Thread.currentThread().getUncaughtExceptionHandler();
        Thread.currentThread().setUncaughtExceptionHandler((thread, error) -> reported.add(error));
        try {
            SyncExecutor executor = SyncExecutor.onVirtualTime(Pipeline.builder().retry(retries(3))
                    .listener(event -> {
                        if (event instanceof RetryEvent.CallSucceeded) {
                            throw new IllegalStateException("listener bug");
                        }
                    }).build(), time, 1L);
            assertThat(executor.get(() -> attempts.incrementAndGet())).isEqualTo(1);
            assertThat(attempts).hasValue(1);
            assertThat(reported).singleElement().satisfies(e -> assertThat(e).hasMessage("listener bug"));
        } finally {
            Thread.currentThread().setUncaughtExceptionHandler(previous);
        }
    }

    @Test
    void nestedExecutorGivingUp_isAnAttemptFailureThatTheOuterCallRetries() {
        SyncExecutor downstream = SyncExecutor.onVirtualTime(Pipeline.builder().retry(retries(2)).build(), time, 1L);
        SyncExecutor upstream = SyncExecutor.onVirtualTime(Pipeline.builder().retry(retries(3)).build(), time, 2L);
        CallFailedException failed = catchThrowableOfType(CallFailedException.class, () -> upstream.get(() ->
                downstream.get(() -> {
                    attempts.incrementAndGet();
                    throw new FailureException(Failure.of(FailureKind.UNAVAILABLE));
                })));
        // three tiers of amplification in miniature: 3 upstream attempts x 2 downstream attempts
        assertThat(attempts).hasValue(6);
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(failed.lastFailure().kind()).isEqualTo(FailureKind.UNAVAILABLE);
    }

    @Test
    void errorWhileStartingAnAsyncAttempt_failsTheCallAndFreesTheBulkhead() {
        Bulkhead bulkhead = Bulkhead.builder().maxConcurrentCalls(1).build();
        AsyncExecutor executor = new AsyncExecutor(Pipeline.builder().bulkhead(bulkhead).build(), time, 1L);
        CompletableFuture<Object> call = executor.getAsync(() -> {
            throw new AssertionError("broken attempt");
        });
        assertThat(call).isCompletedExceptionally();
        assertThat(bulkhead.runningCalls()).isZero();
    }

    @Test
    void interruptedSyncCall_endsAsCancelledAndKeepsTheInterrupt() {
        AdaptiveThrottle throttle = AdaptiveThrottle.withDefaults(time);
        SyncExecutor executor = SyncExecutor.onVirtualTime(Pipeline.builder().retry(retries(3)).throttle(throttle)
                .build(), time, 1L);
        try {
            CallFailedException failed = catchThrowableOfType(CallFailedException.class, () -> executor.get(() -> {
                attempts.incrementAndGet();
                throw new InterruptedException("shutting down");
            }));
            assertThat(failed.reason()).isEqualTo(GiveUpReason.CANCELLED);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(attempts).hasValue(1);
        assertThat(throttle.requestsInWindow()).isEqualTo(1);
        assertThat(throttle.acceptsInWindow() + throttle.backendRejectionsInWindow()).as("not an outcome").isZero();
    }

    @Test
    void callEndedByALocalRefusal_stillReportsTheDependencysFailureToAnOuterBreaker() {
        CircuitBreaker breaker = new CircuitBreaker(CircuitBreakerConfig.builder().consecutiveFailureThreshold(5)
                .build(), time);
        Bulkhead noRetries = Bulkhead.builder().maxConcurrentCalls(1).maxConcurrentRetries(0).build();
        SyncExecutor executor = SyncExecutor.onVirtualTime(Pipeline.builder().retry(retries(3))
                .circuitBreaker(breaker).bulkhead(noRetries).build(), time, 1L);
        CallFailedException failed = catchThrowableOfType(CallFailedException.class, () -> executor.get(() -> {
            throw new FailureException(Failure.of(FailureKind.UNAVAILABLE));
        }));
        assertThat(failed.reason()).isEqualTo(GiveUpReason.REJECTED);
        assertThat(failed.lastFailure().kind()).isEqualTo(FailureKind.UNAVAILABLE);
        assertThat(breaker.consecutiveFailures()).isEqualTo(1);
    }

    @Test
    void throttledFirstAttemptWithAdaptiveRetry_endsAsThrottled() {
        AdaptiveThrottle throttle = AdaptiveThrottle.withDefaults(time);
        AdaptiveRetry adaptive = AdaptiveRetry.builder(retries(3)).build();
        RetryMetrics metrics = new RetryMetrics();
        SyncExecutor executor = SyncExecutor.onVirtualTime(Pipeline.builder().retry(adaptive).throttle(throttle)
                .metrics(metrics).build(), time, 1L);
        int throttled = 0;
        for (int i = 0; i < 200; i++) {
            CallFailedException failed = catchThrowableOfType(CallFailedException.class, () -> executor.get(() -> {
                throw new FailureException(Failure.of(FailureKind.RATE_LIMITED));
            }));
            if (failed.reason() == GiveUpReason.THROTTLED) {
                throttled++;
            }
        }
        assertThat(throttled).isPositive();
        RetryMetrics.Snapshot snapshot = metrics.snapshot();
        assertThat(snapshot.calls()).isEqualTo(200);
        assertThat(snapshot.retries()).isNotNegative().isLessThanOrEqualTo(snapshot.attempts());
    }

    @Test
    void adaptiveRetry_bringsItsPolicysClassificationToThePipeline() {
        RetryPolicy retriesConflicts = retries(3).toBuilder()
                .classification(dev.retrylab.strategy.Classification.builder().retry(FailureKind.UNKNOWN).build())
                .build();
        SyncExecutor executor = SyncExecutor.onVirtualTime(Pipeline.builder()
                .retry(AdaptiveRetry.builder(retriesConflicts).build()).build(), time, 1L);
        assertThatThrownBy(() -> executor.get(() -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("unmapped");
        })).isInstanceOf(CallFailedException.class);
        assertThat(attempts).hasValue(3);
    }

    @Test
    void callOptions_nonIdempotentAndDeadlineReachThePolicy() {
        RetryPolicy idempotentOnly = retries(5).toBuilder().retryOnlyIdempotent(true).build();
        SyncExecutor executor = SyncExecutor.onVirtualTime(Pipeline.builder().retry(idempotentOnly).build(), time, 1L);
        CallFailedException notRepeated = catchThrowableOfType(CallFailedException.class,
                () -> executor.get(() -> {
                    throw new ConnectException();
                }, CallOptions.nonIdempotent()));
        assertThat(notRepeated.reason()).isEqualTo(GiveUpReason.NOT_IDEMPOTENT);
        CallFailedException late = catchThrowableOfType(CallFailedException.class,
                () -> executor.get(() -> {
                    attempts.incrementAndGet();
                    throw new ConnectException();
                }, CallOptions.DEFAULT.withDeadline(Duration.ofMillis(250))));
        // retries at 100ms and 200ms; the next would start at 300ms, after the deadline
        assertThat(late.reason()).isEqualTo(GiveUpReason.DEADLINE);
        assertThat(attempts).hasValue(3);
    }

    @Test
    void strategyThrowingInAnAsyncCall_failsTheCallAndReleasesAnOuterBreakersPermit() {
        CircuitBreaker breaker = new CircuitBreaker(CircuitBreakerConfig.builder().build(), time);
        RetryPolicy broken = retries(3).toBuilder().abortOn(failure -> failure.retryAfter().isZero()).build();
        AsyncExecutor executor = new AsyncExecutor(Pipeline.builder().retry(broken).circuitBreaker(breaker).build(),
                time, 1L);
        CompletableFuture<Object> call = executor.getAsync(() -> CompletableFuture.failedFuture(new ConnectException()));
        assertThat(call).isCompletedExceptionally();
        assertThat(breaker.bufferedCalls()).as("a bug is not an outcome").isZero();
    }

    @Test
    void failureRacingACancel_isCountedExactlyOnce() throws InterruptedException {
        RetryMetrics metrics = new RetryMetrics();
        AsyncExecutor executor = new AsyncExecutor(Pipeline.builder().retry(retries(3)).metrics(metrics).build(),
                time, 1L);
        int calls = 2_000;
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < calls; i++) {
                CompletableFuture<Object> attempt = new CompletableFuture<>();
                CompletableFuture<Object> call = executor.getAsync(() -> attempt);
                java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
                var failing = threads.submit(() -> {
                    go.await();
                    return attempt.completeExceptionally(new FailureException(Failure.of(FailureKind.AUTHORIZATION)));
                });
                var cancelling = threads.submit(() -> {
                    go.await();
                    return call.cancel(true);
                });
                go.countDown();
                failing.get();
                cancelling.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError(e);
        } finally {
            threads.shutdown();
        }
        assertThat(metrics.snapshot().calls()).isEqualTo(calls);
    }

    @Test
    void hedgedPass_stopsHedgingAfterARetryAfterAndTheRetryHonoursIt() {
        List<Long> starts = new ArrayList<>();
        AsyncExecutor executor = new AsyncExecutor(Pipeline.builder().retry(retries(2))
                .hedge(dev.retrylab.strategy.hedge.HedgePolicy.fixedDelay(2, Duration.ofMillis(10))).build(), time, 1L);
        executor.getAsync(() -> {
            starts.add(time.nanoTime() / 1_000_000L);
            CompletableFuture<String> answer = new CompletableFuture<>();
            if (starts.size() == 1) {
                time.schedule(Duration.ofMillis(12), () -> answer.completeExceptionally(
                        new FailureException(Failure.rateLimited(Duration.ofSeconds(5)))));
            } else if (starts.size() == 2) {
                time.schedule(Duration.ofMillis(50), () -> answer.completeExceptionally(new ConnectException()));
            } else {
                answer.complete("served");
            }
            return answer;
        });
        time.runUntilIdle();
        // attempt at 0, hedge at 10; the 429 at 12 stops hedging; the pass ends at 60 and the
        // retry waits for the 5 s hint counted from then
        assertThat(starts).containsExactly(0L, 10L, 5_060L);
    }

    @Test
    void nestedCallCancelledByAnInterrupt_isNotRetriedByTheOuterCall() {
        SyncExecutor inner = SyncExecutor.onVirtualTime(Pipeline.builder().retry(retries(2)).build(), time, 1L);
        RetryMetrics outerMetrics = new RetryMetrics();
        SyncExecutor outer = SyncExecutor.onVirtualTime(Pipeline.builder().retry(retries(3)).metrics(outerMetrics)
                .build(), time, 2L);
        try {
            CallFailedException failed = catchThrowableOfType(CallFailedException.class, () -> outer.get(() ->
                    inner.get(() -> {
                        attempts.incrementAndGet();
                        throw new InterruptedException("shutting down");
                    })));
            assertThat(failed.reason()).isEqualTo(GiveUpReason.CANCELLED);
        } finally {
            Thread.interrupted();
        }
        assertThat(attempts).hasValue(1);
        assertThat(outerMetrics.snapshot().retries()).isZero();
    }

    @Test
    void cancellingAnAsyncFallbackCall_cancelsTheRunningPrimary() {
        RetryPolicy primaryRetry = retries(3);
        RetryPolicy fallbackRetry = retries(1);
        AsyncFallbackExecutor<String, String> executor = new AsyncFallbackExecutor<>(
                dev.retrylab.strategy.fallback.FallbackPolicy.of(primaryRetry, fallbackRetry),
                new AsyncExecutor(Pipeline.builder().retry(primaryRetry).build(), time, 1L),
                new AsyncExecutor(Pipeline.builder().retry(fallbackRetry).build(), time, 2L));
        List<CompletableFuture<String>> primaries = new ArrayList<>();
        var served = executor.getAsync("k", () -> {
            CompletableFuture<String> running = new CompletableFuture<>();
            primaries.add(running);
            return running;
        }, () -> CompletableFuture.completedFuture("fallback"));
        served.cancel(true);
        assertThat(primaries).singleElement().satisfies(f -> assertThat(f).isCancelled());
    }
}
