package dev.retrylab.execution;

import dev.retrylab.strategy.Classification;
import dev.retrylab.strategy.Decision;
import dev.retrylab.strategy.Failure;
import dev.retrylab.strategy.breaker.CircuitBreaker;
import dev.retrylab.strategy.hedge.HedgePolicy;
import dev.retrylab.strategy.event.RetryEvent;
import dev.retrylab.strategy.event.RetryListener;
import dev.retrylab.strategy.event.RetryMetrics;
import dev.retrylab.strategy.retry.RetryState;
import dev.retrylab.strategy.retry.RetryStrategy;
import dev.retrylab.time.Cancellable;
import dev.retrylab.time.Clock;
import dev.retrylab.time.Scheduler;
import java.time.Duration;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.random.RandomGenerator;

/**
 * Runs asynchronous calls through a {@link Pipeline}, never blocking a thread: waits between
 * attempts and attempt timeouts are tasks on a {@link Scheduler}. On a scheduler over a
 * {@code ScheduledExecutorService} it runs on the real clock; on a {@code ManualScheduler} a test
 * drives it by advancing virtual time. Thread-safe.
 *
 * <p>Callbacks (the next attempt, a timeout) run on the scheduler's thread or on the thread that
 * completed the previous attempt. Each call draws its jitter from its own generator, split from
 * the executor's seeded one.
 */
public final class AsyncExecutor {

    private final Pipeline pipeline;
    private final Scheduler scheduler;
    private final Clock clock;
    private final SplittableRandom seeds;
    private final Stage[] stages;
    private final RetryStrategy retry;
    private final Classification classification;
    private final RetryListener listener;
    private final RetryMetrics metrics;
    private final Duration attemptTimeout;
    private final CircuitBreaker breaker;
    private final HedgePolicy hedge;

    public AsyncExecutor(Pipeline pipeline, Scheduler scheduler, long seed) {
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.clock = scheduler.clock();
        this.seeds = new SplittableRandom(seed);
        this.stages = pipeline.order().toArray(new Stage[0]);
        this.retry = pipeline.retry();
        this.classification = pipeline.classification();
        this.listener = pipeline.listener();
        this.metrics = pipeline.metrics();
        this.attemptTimeout = pipeline.attemptTimeout();
        this.breaker = pipeline.circuitBreaker();
        this.hedge = pipeline.hedge();
    }

    public Pipeline pipeline() {
        return pipeline;
    }

    /**
     * Starts the call. The returned future completes with the first successful result, or
     * exceptionally with a {@link CallFailedException} when the pipeline gives up. Cancelling it
     * stops further attempts.
     */
    public <T> CompletableFuture<T> getAsync(AsyncAttempt<T> attempt) {
        Objects.requireNonNull(attempt, "attempt");
        long start = clock.nanoTime();
        CompletableFuture<T> call = run(0, attempt, start);
        CompletableFuture<T> outcome = new CompletableFuture<>();
        call.whenComplete((result, error) -> {
            if (error == null) {
                outcome.complete(result);
                return;
            }
            Throwable cause = unwrap(error);
            if (cause instanceof CallFailedException failed) {
                outcome.completeExceptionally(failed);
                return;
            }
            Failure failure = classification.classify(cause);
            outcome.completeExceptionally(
                    new CallFailedException(failure, SyncExecutor.refusalReason(failure), 0, cause));
        });
        return cancelsInner(outcome, call);
    }

    private <T> CompletableFuture<T> run(int index, AsyncAttempt<T> attempt, long callStart) {
        if (index == stages.length) {
            return attemptOnce(attempt);
        }
        switch (stages[index]) {
            case RETRY:
                return new RetryingCall<>(index, attempt, callStart).start();
            case CIRCUIT_BREAKER:
                return breaker == null ? run(index + 1, attempt, callStart)
                        : throughBreaker(index, attempt, callStart);
            case HEDGE:
                return hedge == null ? run(index + 1, attempt, callStart)
                        : HedgedCall.start(hedge, scheduler, () -> run(index + 1, attempt, callStart));
            default:
                return run(index + 1, attempt, callStart);
        }
    }

    private <T> CompletableFuture<T> throughBreaker(int index, AsyncAttempt<T> attempt, long callStart) {
        if (!breaker.tryAcquirePermission()) {
            return CompletableFuture.failedFuture(LocalRefusal.CIRCUIT_OPEN);
        }
        CompletableFuture<T> inner = run(index + 1, attempt, callStart);
        // the returned stage completes after the outcome is recorded, so the next attempt sees it
        return cancelsInner(inner.whenComplete((value, error) -> {
            if (error == null) {
                breaker.onSuccess();
                return;
            }
            Throwable cause = unwrap(error);
            Failure failure = cause instanceof CallFailedException failed ? failed.lastFailure()
                    : classification.classify(cause);
            if (SyncExecutor.isLocalRefusal(failure)) {
                breaker.releasePermission();
            } else {
                breaker.onFailure(failure);
            }
        }), inner);
    }

    /** Makes cancelling {@code outer} cancel {@code inner} too; returns {@code outer}. */
    static <T> CompletableFuture<T> cancelsInner(CompletableFuture<T> outer, CompletableFuture<?> inner) {
        outer.whenComplete((value, error) -> {
            if (outer.isCancelled()) {
                inner.cancel(true);
            }
        });
        return outer;
    }

    /** Starts one attempt, failing it with a timeout if it outlives the pipeline's attempt timeout. */
    private <T> CompletableFuture<T> attemptOnce(AsyncAttempt<T> attempt) {
        CompletableFuture<T> started;
        try {
            started = attempt.start().toCompletableFuture();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (attemptTimeout == null) {
            return started;
        }
        CompletableFuture<T> result = cancelsInner(new CompletableFuture<>(), started);
        Cancellable timer = scheduler.schedule(attemptTimeout, () -> {
            if (result.completeExceptionally(new AttemptTimedOutException(attemptTimeout, null))) {
                started.cancel(true);
            }
        });
        started.whenComplete((value, error) -> {
            timer.cancel();
            if (error == null) {
                result.complete(value);
            } else {
                result.completeExceptionally(unwrap(error));
            }
        });
        return result;
    }

    static Throwable unwrap(Throwable error) {
        Throwable current = error;
        while (current instanceof CompletionException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private RandomGenerator nextGenerator() {
        synchronized (seeds) {
            return seeds.split();
        }
    }

    /** One call's retry loop, driven by completions and scheduler tasks. */
    private final class RetryingCall<T> {
        private final int index;
        private final AsyncAttempt<T> attempt;
        private final long callStart;
        private final CompletableFuture<T> result = new CompletableFuture<>();
        private final RetryState state;
        private RandomGenerator rng;
        private volatile CompletableFuture<T> current;

        RetryingCall(int index, AsyncAttempt<T> attempt, long callStart) {
            this.index = index;
            this.attempt = attempt;
            this.callStart = callStart;
            this.state = new RetryState(callStart);
            result.whenComplete((value, error) -> {
                CompletableFuture<T> running = current;
                if (result.isCancelled() && running != null) {
                    running.cancel(true);
                }
            });
        }

        CompletableFuture<T> start() {
            startAttempt();
            return result;
        }

        private void startAttempt() {
            if (result.isDone()) {
                return;
            }
            int number = state.attempts();
            long attemptStart = clock.nanoTime();
            if (metrics != null) {
                metrics.attemptStarted();
            }
            if (listener != null) {
                listener.onEvent(new RetryEvent.AttemptStarted(number, attemptStart));
            }
            CompletableFuture<T> running = run(index + 1, attempt, callStart);
            current = running;
            running.whenComplete((value, error) -> {
                if (error == null) {
                    succeeded(number, value);
                } else {
                    failed(number, attemptStart, unwrap(error));
                }
            });
        }

        private void succeeded(int attempts, T value) {
            long now = clock.nanoTime();
            retry.callFinished(attempts, true, now);
            if (metrics != null) {
                metrics.callSucceeded(attempts);
            }
            if (listener != null) {
                listener.onEvent(new RetryEvent.CallSucceeded(attempts, now - callStart, now));
            }
            result.complete(value);
        }

        private void failed(int number, long attemptStart, Throwable error) {
            if (error instanceof CallFailedException failedCall) {
                result.completeExceptionally(failedCall);
                return;
            }
            long now = clock.nanoTime();
            Failure failure = classification.classify(error);
            if (metrics != null) {
                metrics.attemptFailed(failure.kind());
            }
            if (listener != null) {
                listener.onEvent(new RetryEvent.AttemptFailed(number, failure, now - attemptStart, now));
            }
            Decision decision;
            synchronized (this) {
                if (rng == null) {
                    rng = nextGenerator();
                }
                decision = retry.decide(state, failure, now, rng);
            }
            if (!decision.retry()) {
                giveUp(failure, decision, number, error, now);
                return;
            }
            if (metrics != null) {
                metrics.retryScheduled(decision.delayNanos());
            }
            if (listener != null) {
                listener.onEvent(new RetryEvent.RetryScheduled(number + 1, decision.delayNanos(), now));
            }
            scheduler.schedule(Duration.ofNanos(decision.delayNanos()), () -> {
                state.attemptStarted();
                startAttempt();
            });
        }

        private void giveUp(Failure failure, Decision decision, int attempts, Throwable error, long now) {
            retry.callFinished(attempts, false, now);
            var reason = SyncExecutor.reasonFor(decision.reason(), failure);
            if (metrics != null) {
                metrics.callFailed(attempts, reason);
            }
            if (listener != null) {
                listener.onEvent(new RetryEvent.CallFailed(attempts, failure, reason, now - callStart, now));
            }
            result.completeExceptionally(new CallFailedException(failure, reason, attempts, error));
        }
    }
}
