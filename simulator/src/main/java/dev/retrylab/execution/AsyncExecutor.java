package dev.retrylab.execution;

import dev.retrylab.strategy.Classification;
import dev.retrylab.strategy.Failure;
import dev.retrylab.strategy.GiveUpReason;
import dev.retrylab.strategy.breaker.CircuitBreaker;
import dev.retrylab.strategy.bulkhead.Admission;
import dev.retrylab.strategy.bulkhead.Bulkhead;
import dev.retrylab.strategy.hedge.HedgePolicy;
import dev.retrylab.time.Cancellable;
import dev.retrylab.time.Scheduler;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
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
 * completed the previous attempt. Completing the returned future early (cancelling it, or a
 * timeout the caller put on it) stops the call: the running attempt is cancelled, a pending retry
 * is dropped, and the call is counted as given up with {@code CANCELLED}. Each call draws its
 * jitter from its own generator, split from the executor's seeded one.
 */
public final class AsyncExecutor {

    private final Pipeline pipeline;
    private final Scheduler scheduler;
    private final RetryBookkeeping book;
    private final Classification classification;
    private final Stage[] stages;
    private final CircuitBreaker breaker;
    private final Bulkhead bulkhead;
    private final HedgePolicy hedge;
    private final Duration attemptTimeout;
    private final boolean breakerOutsideRetry;

    public AsyncExecutor(Pipeline pipeline, Scheduler scheduler, long seed) {
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.book = new RetryBookkeeping(pipeline, scheduler.clock(), seed);
        this.classification = pipeline.classification();
        this.stages = pipeline.activeStages().toArray(new Stage[0]);
        this.breaker = pipeline.circuitBreaker();
        this.bulkhead = pipeline.bulkhead();
        this.hedge = pipeline.hedge();
        this.attemptTimeout = pipeline.attemptTimeout();
        List<Stage> order = pipeline.order();
        this.breakerOutsideRetry = order.indexOf(Stage.CIRCUIT_BREAKER) < order.indexOf(Stage.RETRY);
    }

    public Pipeline pipeline() {
        return pipeline;
    }

    /** Starts the call with {@link CallOptions#DEFAULT}; see {@link #getAsync(AsyncAttempt, CallOptions)}. */
    public <T> CompletableFuture<T> getAsync(AsyncAttempt<T> attempt) {
        return getAsync(attempt, CallOptions.DEFAULT);
    }

    /**
     * Starts the call. The returned future completes with the first successful result, or
     * exceptionally with a {@link CallFailedException} when the pipeline gives up.
     */
    public <T> CompletableFuture<T> getAsync(AsyncAttempt<T> attempt, CallOptions options) {
        Objects.requireNonNull(attempt, "attempt");
        Objects.requireNonNull(options, "options");
        long start = book.callStartTime(options);
        CompletableFuture<T> call = run(0, attempt, start, options);
        CompletableFuture<T> outcome = new CompletableFuture<>();
        call.whenComplete((result, error) -> {
            if (error == null) {
                outcome.complete(result);
                return;
            }
            Throwable cause = unwrap(error);
            if (cause instanceof CallFailedException || cause instanceof CancellationException) {
                outcome.completeExceptionally(cause);
            } else {
                outcome.completeExceptionally(book.refusedOutside(cause, start));
            }
        });
        return cancelsInner(outcome, call);
    }

    private <T> CompletableFuture<T> run(int index, AsyncAttempt<T> attempt, long callStart, CallOptions options) {
        if (index == stages.length) {
            return attemptOnce(attempt);
        }
        switch (stages[index]) {
            case RETRY:
                return new RetryingCall<>(index, attempt, callStart, options).start();
            case CIRCUIT_BREAKER:
                return throughBreaker(index, attempt, callStart, options);
            case BULKHEAD:
                return inBulkhead(index, attempt, callStart, options);
            default:
                return HedgedCall.start(hedge, scheduler, () -> run(index + 1, attempt, callStart, options));
        }
    }

    private <T> CompletableFuture<T> throughBreaker(int index, AsyncAttempt<T> attempt, long callStart,
                                                    CallOptions options) {
        if (!breaker.tryAcquirePermission()) {
            return CompletableFuture.failedFuture(LocalRefusal.CIRCUIT_OPEN);
        }
        CompletableFuture<T> inner = run(index + 1, attempt, callStart, options);
        CompletableFuture<T> recorded = new CompletableFuture<>();
        // the outcome is recorded on the inner stage itself, so cancelling the caller cannot skip it,
        // and before the returned stage completes, so the next attempt sees it
        inner.whenComplete((value, error) -> {
            if (error == null) {
                breaker.onSuccess();
                recorded.complete(value);
                return;
            }
            Throwable cause = unwrap(error);
            // outside the retry only the retry's own give-up is an outcome; a refusal or a bug is not
            Failure failure = cause instanceof CancellationException ? null
                    : cause instanceof CallFailedException failed
                    ? (failed.reason() == GiveUpReason.CANCELLED ? null : failed.lastFailure())
                    : breakerOutsideRetry ? null : classification.classify(cause);
            if (failure == null || RetryBookkeeping.isLocalRefusal(failure)) {
                breaker.releasePermission();
            } else {
                breaker.onFailure(failure);
            }
            recorded.completeExceptionally(cause);
        });
        return cancelsInner(recorded, inner);
    }

    private <T> CompletableFuture<T> inBulkhead(int index, AsyncAttempt<T> attempt, long callStart,
                                                CallOptions options) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Admission admission = bulkhead.enter(() -> {
            if (result.isDone()) {
                bulkhead.exit();
                return;
            }
            CompletableFuture<T> inner = run(index + 1, attempt, callStart, options);
            inner.whenComplete((value, error) -> {
                bulkhead.exit();
                if (error == null) {
                    result.complete(value);
                } else {
                    result.completeExceptionally(unwrap(error));
                }
            });
            cancelsInner(result, inner);
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
        } catch (Throwable e) {
            return CompletableFuture.failedFuture(e);
        }
        if (attemptTimeout == null) {
            return started;
        }
        CompletableFuture<T> result = cancelsInner(new CompletableFuture<>(), started);
        Cancellable timer;
        try {
            timer = scheduler.schedule(attemptTimeout, () -> result.completeExceptionally(
                    new AttemptTimedOutException(attemptTimeout, null)));
        } catch (RuntimeException e) {
            started.cancel(true);
            return CompletableFuture.failedFuture(e);
        }
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

    /** Makes {@code outer} completing first (cancelled, timed out) cancel {@code inner}; returns {@code outer}. */
    static <T> CompletableFuture<T> cancelsInner(CompletableFuture<T> outer, CompletableFuture<?> inner) {
        outer.whenComplete((value, error) -> {
            if (!inner.isDone()) {
                inner.cancel(true);
            }
        });
        return outer;
    }

    /** A nested executor's call ended because its caller stopped waiting. */
    static boolean isCancellation(Throwable error) {
        return error instanceof CallFailedException failed && failed.reason() == GiveUpReason.CANCELLED;
    }

    static Throwable unwrap(Throwable error) {
        Throwable current = error;
        while (current instanceof CompletionException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    /**
     * One call's retry loop, driven by completions and scheduler tasks. The fields are guarded by
     * the object's lock; the attempt itself is started outside it.
     */
    private final class RetryingCall<T> {
        private final int index;
        private final AsyncAttempt<T> attempt;
        private final long callStart;
        private final CallOptions options;
        private final CompletableFuture<T> result = new CompletableFuture<>();
        private FailedCall call;
        private int number = 1;
        private boolean finished;
        private CompletableFuture<T> current;
        private Cancellable pendingRetry;

        RetryingCall(int index, AsyncAttempt<T> attempt, long callStart, CallOptions options) {
            this.index = index;
            this.attempt = attempt;
            this.callStart = callStart;
            this.options = options;
        }

        CompletableFuture<T> start() {
            book.requestStarted();
            result.whenComplete((value, error) -> stoppedFromOutside());
            startAttempt();
            return result;
        }

        /** The caller completed the future before the call finished: stop and account for it. */
        private void stoppedFromOutside() {
            CompletableFuture<T> running;
            synchronized (this) {
                if (finished) {
                    return;
                }
                finished = true;
                if (pendingRetry != null) {
                    pendingRetry.cancel();
                }
                running = current;
                book.cancelled(number, callStart, new CancellationException("the caller stopped waiting"), call);
            }
            if (running != null) {
                running.cancel(true);
            }
        }

        private void startAttempt() {
            long attemptStart;
            CallFailedException throttled = null;
            synchronized (this) {
                if (finished) {
                    return;
                }
                if (book.throttled()) {
                    finished = true;
                    throttled = book.throttled(number - 1, callStart, call);
                }
                attemptStart = throttled == null ? book.attemptStarted(number, callStart) : 0L;
            }
            if (throttled != null) {
                result.completeExceptionally(throttled);
                return;
            }
            CompletableFuture<T> running = run(index + 1, attempt, callStart, options);
            boolean stopped;
            synchronized (this) {
                current = running;
                stopped = finished;
            }
            if (stopped) {
                running.cancel(true);
                return;
            }
            running.whenComplete((value, error) -> attemptDone(attemptStart, value, error));
        }

        /**
         * Decides under the lock; completes the caller's future outside it. Setting
         * {@code finished} under the lock is what makes exactly one party account for the call.
         */
        private void attemptDone(long attemptStart, T value, Throwable error) {
            Throwable ending = null;
            synchronized (this) {
                if (finished) {
                    return;
                }
                finished = true;
                if (result.isDone()) {
                    book.cancelled(number, callStart, new CancellationException("the caller stopped waiting"), call);
                    return;
                }
                if (error != null) {
                    try {
                        ending = failed(attemptStart, unwrap(error));
                    } catch (RuntimeException | Error e) {
                        book.release(call);
                        ending = e;
                    }
                    if (ending == null) {
                        finished = false;
                        return;
                    }
                }
            }
            if (ending != null) {
                result.completeExceptionally(ending);
                return;
            }
            try {
                book.succeeded(number, callStart, call);
            } finally {
                result.complete(value);
            }
        }

        /** Under the lock: null when a retry is scheduled, else the exception that ends the call. */
        private CallFailedException failed(long attemptStart, Throwable error) {
            if (isCancellation(error)) {
                return book.cancelled(number, callStart, error, call);
            }
            if (call == null) {
                call = book.firstFailure(callStart, options);
            }
            CallFailedException gaveUp = book.failed(number, callStart, attemptStart, error, call);
            if (gaveUp != null) {
                return gaveUp;
            }
            try {
                pendingRetry = scheduler.schedule(Duration.ofNanos(call.nextDelayNanos), this::retry);
                return null;
            } catch (RuntimeException e) {
                return book.cancelled(number, callStart, e, call);
            }
        }

        private void retry() {
            synchronized (this) {
                if (finished) {
                    return;
                }
                pendingRetry = null;
                call.state.attemptStarted();
                number++;
            }
            startAttempt();
        }
    }
}
