package dev.retrylab.execution;

import dev.retrylab.strategy.Classification;
import dev.retrylab.strategy.Failure;
import dev.retrylab.strategy.breaker.CircuitBreaker;
import dev.retrylab.strategy.bulkhead.Admission;
import dev.retrylab.strategy.bulkhead.Bulkhead;
import dev.retrylab.strategy.hedge.HedgePolicy;
import dev.retrylab.time.Cancellable;
import dev.retrylab.time.Scheduler;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Runs asynchronous calls through a {@link Pipeline}, never blocking a thread: waits between
 * attempts, attempt timeouts and hedge delays are tasks on a {@link Scheduler}, and a call queued
 * by the bulkhead starts when a slot frees. On a scheduler over a
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
    private final RetryRules rules;
    private final Classification classification;
    private final Stage[] stages;
    private final CircuitBreaker breaker;
    private final Bulkhead bulkhead;
    private final HedgePolicy hedge;
    private final Duration attemptTimeout;

    public AsyncExecutor(Pipeline pipeline, Scheduler scheduler, long seed) {
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.rules = new RetryRules(pipeline, scheduler.clock(), seed);
        this.classification = pipeline.classification();
        this.stages = pipeline.order().toArray(new Stage[0]);
        this.breaker = pipeline.circuitBreaker();
        this.bulkhead = pipeline.bulkhead();
        this.hedge = pipeline.hedge();
        this.attemptTimeout = pipeline.attemptTimeout();
    }

    public Pipeline pipeline() {
        return pipeline;
    }

    /**
     * Starts the call. The returned future completes with the first successful result, or
     * exceptionally with a {@link CallFailedException} when the pipeline gives up. Cancelling it
     * stops further attempts and cancels the running one.
     */
    public <T> CompletableFuture<T> getAsync(AsyncAttempt<T> attempt) {
        Objects.requireNonNull(attempt, "attempt");
        CompletableFuture<T> call = run(0, attempt, rules.callStartTime());
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
                    new CallFailedException(failure, RetryRules.refusalReason(failure), 0, cause));
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
                return breaker == null ? run(index + 1, attempt, callStart) : throughBreaker(index, attempt, callStart);
            case BULKHEAD:
                return bulkhead == null ? run(index + 1, attempt, callStart) : inBulkhead(index, attempt, callStart);
            default:
                return hedge == null ? run(index + 1, attempt, callStart)
                        : HedgedCall.start(hedge, scheduler, () -> run(index + 1, attempt, callStart));
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
            if (RetryRules.isLocalRefusal(failure)) {
                breaker.releasePermission();
            } else {
                breaker.onFailure(failure);
            }
        }), inner);
    }

    private <T> CompletableFuture<T> inBulkhead(int index, AsyncAttempt<T> attempt, long callStart) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Admission admission = bulkhead.enter(() -> {
            if (result.isDone()) {
                bulkhead.exit();
                return;
            }
            CompletableFuture<T> inner = run(index + 1, attempt, callStart);
            cancelsInner(result, inner);
            inner.whenComplete((value, error) -> {
                bulkhead.exit();
                if (error == null) {
                    result.complete(value);
                } else {
                    result.completeExceptionally(unwrap(error));
                }
            });
        });
        if (admission.isRejected()) {
            return CompletableFuture.failedFuture(LocalRefusal.BULKHEAD_FULL);
        }
        return result;
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

    /** Makes cancelling {@code outer} cancel {@code inner} too; returns {@code outer}. */
    static <T> CompletableFuture<T> cancelsInner(CompletableFuture<T> outer, CompletableFuture<?> inner) {
        outer.whenComplete((value, error) -> {
            if (outer.isCancelled()) {
                inner.cancel(true);
            }
        });
        return outer;
    }

    static Throwable unwrap(Throwable error) {
        Throwable current = error;
        while (current instanceof CompletionException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    /** One call's retry loop, driven by completions and scheduler tasks. */
    private final class RetryingCall<T> {
        private final int index;
        private final AsyncAttempt<T> attempt;
        private final long callStart;
        private final CompletableFuture<T> result = new CompletableFuture<>();
        private FailedCall call;
        private int number = 1;
        private volatile CompletableFuture<T> current;

        RetryingCall(int index, AsyncAttempt<T> attempt, long callStart) {
            this.index = index;
            this.attempt = attempt;
            this.callStart = callStart;
            result.whenComplete((value, error) -> {
                CompletableFuture<T> running = current;
                if (result.isCancelled() && running != null) {
                    running.cancel(true);
                }
            });
        }

        CompletableFuture<T> start() {
            rules.requestStarted();
            startAttempt();
            return result;
        }

        /** Attempts of one call run one after another, so the fields need no lock. */
        private void startAttempt() {
            if (result.isDone()) {
                return;
            }
            if (rules.throttled()) {
                result.completeExceptionally(rules.throttledCall(number - 1, callStart, call));
                return;
            }
            long attemptStart = rules.attemptStarted(number, callStart);
            CompletableFuture<T> running = run(index + 1, attempt, callStart);
            current = running;
            running.whenComplete((value, error) -> {
                if (error == null) {
                    rules.succeeded(number, callStart, call);
                    result.complete(value);
                } else {
                    failed(attemptStart, unwrap(error));
                }
            });
        }

        private void failed(long attemptStart, Throwable error) {
            if (error instanceof CallFailedException failedCall) {
                result.completeExceptionally(failedCall);
                return;
            }
            if (call == null) {
                call = rules.firstFailure(callStart);
            }
            CallFailedException gaveUp = rules.failed(number, callStart, attemptStart, error, call);
            if (gaveUp != null) {
                result.completeExceptionally(gaveUp);
                return;
            }
            scheduler.schedule(Duration.ofNanos(call.nextDelayNanos), () -> {
                call.state.attemptStarted();
                number++;
                startAttempt();
            });
        }
    }
}
