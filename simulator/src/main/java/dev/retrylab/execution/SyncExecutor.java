package dev.retrylab.execution;

import dev.retrylab.strategy.Classification;
import dev.retrylab.strategy.Failure;
import dev.retrylab.strategy.GiveUpReason;
import dev.retrylab.strategy.breaker.CircuitBreaker;
import dev.retrylab.strategy.bulkhead.Admission;
import dev.retrylab.strategy.bulkhead.Bulkhead;
import dev.retrylab.strategy.hedge.HedgePolicy;
import dev.retrylab.time.Clock;
import dev.retrylab.time.ManualScheduler;
import dev.retrylab.time.Scheduler;
import dev.retrylab.time.Sleeper;
import dev.retrylab.time.SystemClock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Runs calls on the caller's thread through a {@link Pipeline}, waiting between attempts with a
 * {@link Sleeper}. On {@link SystemClock} it really waits; on a {@link ManualScheduler} waiting
 * moves virtual time, so code using it is tested without waiting. Thread-safe: many threads may
 * call {@link #get} at once.
 *
 * <p>A call that succeeds at its first attempt allocates nothing and reads no clock, unless a
 * listener, a time budget, an attempt timeout, hedging or a contended bulkhead asks for it. Each
 * call that fails draws its jitter from its own generator, split from the executor's seeded one,
 * so calls made in the same order get the same delays on any clock.
 */
public final class SyncExecutor {

    private final Pipeline pipeline;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Scheduler scheduler;
    private final Executor hedgeThreads;
    private final RetryBookkeeping book;
    private final Classification classification;
    private final Stage[] stages;
    private final CircuitBreaker breaker;
    private final Bulkhead bulkhead;
    private final HedgePolicy hedge;
    private final Duration attemptTimeout;
    private final boolean breakerOutsideRetry;

    /**
     * An executor for pipelines without hedging.
     *
     * @param scheduler interrupts attempts that outlive the pipeline's attempt timeout; may be null
     *                  when the pipeline has none
     * @param seed      the seed of every jitter draw
     */
    public SyncExecutor(Pipeline pipeline, Clock clock, Sleeper sleeper, Scheduler scheduler, long seed) {
        this(pipeline, clock, sleeper, scheduler, null, seed);
    }

    /**
     * An executor that runs hedged attempts on {@code hedgeThreads}: the caller's thread waits for
     * the first success, and losing attempts are cancelled with an interrupt.
     *
     * @param scheduler    times attempt timeouts and hedge delays; may be null when the pipeline
     *                     has neither
     * @param hedgeThreads runs the attempts of a hedged call; may be null when the pipeline does
     *                     not hedge
     */
    public SyncExecutor(Pipeline pipeline, Clock clock, Sleeper sleeper, Scheduler scheduler,
                        Executor hedgeThreads, long seed) {
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        if ((pipeline.attemptTimeout() != null || pipeline.hedge() != null) && scheduler == null) {
            throw new IllegalArgumentException(
                    "the pipeline has an attempt timeout or hedging: give a scheduler to time them");
        }
        if (pipeline.hedge() != null && hedgeThreads == null) {
            throw new IllegalArgumentException("the pipeline hedges: give an Executor to run hedged attempts on");
        }
        this.scheduler = scheduler;
        this.hedgeThreads = hedgeThreads;
        this.book = new RetryBookkeeping(pipeline, clock, seed);
        this.classification = pipeline.classification();
        this.stages = pipeline.activeStages().toArray(new Stage[0]);
        this.breaker = pipeline.circuitBreaker();
        this.bulkhead = pipeline.bulkhead();
        this.hedge = pipeline.hedge();
        this.attemptTimeout = pipeline.attemptTimeout();
        List<Stage> order = pipeline.order();
        this.breakerOutsideRetry = order.indexOf(Stage.CIRCUIT_BREAKER) < order.indexOf(Stage.RETRY);
    }

    /** An executor on the real clock; {@code timeouts} enforces attempt timeouts (may be null). */
    public static SyncExecutor onSystemClock(Pipeline pipeline, ScheduledExecutorService timeouts, long seed) {
        return new SyncExecutor(pipeline, SystemClock.INSTANCE, SystemClock.INSTANCE,
                timeouts == null ? null : SystemClock.scheduler(timeouts), seed);
    }

    /** An executor on virtual time: every wait advances {@code scheduler}. */
    public static SyncExecutor onVirtualTime(Pipeline pipeline, ManualScheduler scheduler, long seed) {
        return new SyncExecutor(pipeline, scheduler, scheduler, scheduler, seed);
    }

    public Pipeline pipeline() {
        return pipeline;
    }

    /**
     * Runs {@code attempt} until it succeeds or the pipeline gives up.
     *
     * @throws CallFailedException when the call failed for good; its cause is the last exception
     */
    public <T> T get(Attempt<T> attempt) {
        return get(attempt, CallOptions.DEFAULT);
    }

    /**
     * Runs {@code attempt} with per-call {@code options} (idempotency, deadline) until it succeeds
     * or the pipeline gives up. An interrupt ends the call with {@code CANCELLED} and leaves the
     * thread's interrupt flag set.
     *
     * @throws CallFailedException when the call failed for good; its cause is the last exception
     */
    public <T> T get(Attempt<T> attempt, CallOptions options) {
        Objects.requireNonNull(attempt, "attempt");
        Objects.requireNonNull(options, "options");
        long start = book.callStartTime(options);
        try {
            return run(0, attempt, start, options);
        } catch (CallFailedException e) {
            throw e;
        } catch (LocalRefusal e) {
            throw book.refusedOutside(e, start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw book.cancelled(0, start, e, null);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("a stage outside the retry threw a checked exception", e);
        }
    }

    /** Runs {@code attempt} like {@link #get}, for attempts that return nothing (allocates a wrapper). */
    public void run(CheckedRunnable attempt) {
        Objects.requireNonNull(attempt, "attempt");
        get(() -> {
            attempt.run();
            return null;
        });
    }

    /** An attempt that returns nothing. */
    @FunctionalInterface
    public interface CheckedRunnable {
        void run() throws Exception;
    }

    private <T> T run(int index, Attempt<T> attempt, long callStart, CallOptions options) throws Exception {
        if (index == stages.length) {
            return attemptOnce(attempt);
        }
        switch (stages[index]) {
            case RETRY:
                return withRetries(index, attempt, callStart, options);
            case CIRCUIT_BREAKER:
                return throughBreaker(index, attempt, callStart, options);
            case BULKHEAD:
                return inBulkhead(index, attempt, callStart, options);
            default:
                return hedged(index, attempt, callStart, options);
        }
    }

    /** Every exception from the stages inside is an attempt's failure, even a nested executor's give-up. */
    private <T> T withRetries(int index, Attempt<T> attempt, long callStart, CallOptions options) {
        book.requestStarted();
        FailedCall call = null;
        int number = 1;
        try {
            while (true) {
                if (book.throttled()) {
                    throw book.throttled(number - 1, callStart, call);
                }
                long attemptStart = book.attemptStarted(number, callStart);
                T result = null;
                Exception error = null;
                try {
                    result = run(index + 1, attempt, callStart, options);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw book.cancelled(number, callStart, e, call);
                } catch (Exception e) {
                    if (AsyncExecutor.isCancellation(e) || Thread.currentThread().isInterrupted()) {
                        throw book.cancelled(number, callStart, e, call);
                    }
                    error = e;
                }
                if (error == null) {
                    book.succeeded(number, callStart, call);
                    return result;
                }
                if (call == null) {
                    call = book.firstFailure(callStart, options);
                }
                CallFailedException gaveUp = book.failed(number, callStart, attemptStart, error, call);
                if (gaveUp != null) {
                    throw gaveUp;
                }
                try {
                    sleeper.sleep(Duration.ofNanos(call.nextDelayNanos));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw book.cancelled(number, callStart, e, call);
                }
                call.state.attemptStarted();
                number++;
            }
        } finally {
            if (call != null && bulkhead != null) {
                call.releaseRetrySlot(bulkhead);
            }
        }
    }

    private <T> T throughBreaker(int index, Attempt<T> attempt, long callStart, CallOptions options)
            throws Exception {
        if (!breaker.tryAcquirePermission()) {
            throw LocalRefusal.CIRCUIT_OPEN;
        }
        boolean recorded = false;
        try {
            T result = run(index + 1, attempt, callStart, options);
            recorded = true;
            breaker.onSuccess();
            return result;
        } catch (CallFailedException e) {
            if (breakerOutsideRetry || e.reason() == GiveUpReason.CANCELLED) {
                recorded = true;
                recordInBreaker(e.reason() == GiveUpReason.CANCELLED ? null : e.lastFailure());
            } else if (!Thread.currentThread().isInterrupted()) {
                recorded = true;
                recordInBreaker(e.lastFailure());
            }
            throw e;
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            // inside the retry an exception is an attempt's outcome; outside it, a refusal or a bug
            if (!breakerOutsideRetry && !Thread.currentThread().isInterrupted()) {
                recorded = true;
                recordInBreaker(classification.classify(e));
            }
            throw e;
        } finally {
            if (!recorded) {
                breaker.releasePermission();
            }
        }
    }

    /**
     * Records a call's outcome; a call that never reached the dependency (refused further in,
     * cancelled) gives its permission back instead.
     */
    private void recordInBreaker(Failure failure) {
        if (failure == null || RetryBookkeeping.isLocalRefusal(failure)) {
            breaker.releasePermission();
        } else {
            breaker.onFailure(failure);
        }
    }

    private <T> T inBulkhead(int index, Attempt<T> attempt, long callStart, CallOptions options) throws Exception {
        if (!bulkhead.tryEnter()) {
            waitForSlot();
        }
        try {
            return run(index + 1, attempt, callStart, options);
        } finally {
            bulkhead.exit();
        }
    }

    /** Queues for a bulkhead slot and waits for it; a full queue refuses the call. */
    private void waitForSlot() throws InterruptedException {
        CompletableFuture<Void> admitted = new CompletableFuture<>();
        Admission admission = bulkhead.enter(() -> admitted.complete(null));
        if (admission.isRejected()) {
            throw LocalRefusal.BULKHEAD_FULL;
        }
        try {
            admitted.get();
        } catch (InterruptedException e) {
            // a queued call cannot leave the queue: give its slot back as soon as it gets one
            admitted.thenRun(bulkhead::exit);
            throw e;
        } catch (ExecutionException e) {
            throw new IllegalStateException("a bulkhead admission cannot fail", e);
        }
    }

    private <T> T hedged(int index, Attempt<T> attempt, long callStart, CallOptions options) throws Exception {
        CompletableFuture<T> race = HedgedCall.start(hedge, scheduler,
                () -> onHedgeThread(() -> run(index + 1, attempt, callStart, options)));
        try {
            return race.get();
        } catch (InterruptedException e) {
            race.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = AsyncExecutor.unwrap(e.getCause());
            if (cause instanceof Exception exception) {
                throw exception;
            }
            throw (Error) cause;
        }
    }

    /** Runs {@code work} on a hedge thread; cancelling the returned future interrupts it. */
    private <T> CompletableFuture<T> onHedgeThread(Attempt<T> work) {
        CompletableFuture<T> future = new CompletableFuture<>();
        FutureTask<Void> task = new FutureTask<>(() -> {
            try {
                future.complete(work.call());
            } catch (Throwable e) {
                future.completeExceptionally(e);
            }
            return null;
        });
        future.whenComplete((value, error) -> {
            if (future.isCancelled()) {
                task.cancel(true);
            }
        });
        hedgeThreads.execute(task);
        return future;
    }

    private <T> T attemptOnce(Attempt<T> attempt) throws Exception {
        if (attemptTimeout == null) {
            return attempt.call();
        }
        AttemptTimer timer = AttemptTimer.start(scheduler, attemptTimeout);
        T result = null;
        Exception error = null;
        try {
            result = attempt.call();
        } catch (Exception e) {
            error = e;
        } finally {
            if (timer.finish()) {
                error = new AttemptTimedOutException(attemptTimeout, error);
            }
        }
        if (error != null) {
            throw error;
        }
        return result;
    }
}
