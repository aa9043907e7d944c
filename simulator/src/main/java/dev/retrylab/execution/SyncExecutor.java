package dev.retrylab.execution;

import dev.retrylab.strategy.Classification;
import dev.retrylab.strategy.Decision;
import dev.retrylab.strategy.Failure;
import dev.retrylab.strategy.FailureKind;
import dev.retrylab.strategy.GiveUpReason;
import dev.retrylab.strategy.breaker.CircuitBreaker;
import dev.retrylab.strategy.hedge.HedgePolicy;
import dev.retrylab.strategy.event.RetryEvent;
import dev.retrylab.strategy.event.RetryListener;
import dev.retrylab.strategy.event.RetryMetrics;
import dev.retrylab.strategy.retry.RetryState;
import dev.retrylab.strategy.retry.RetryStrategy;
import dev.retrylab.time.Clock;
import dev.retrylab.time.ManualScheduler;
import dev.retrylab.time.Scheduler;
import dev.retrylab.time.Sleeper;
import dev.retrylab.time.SystemClock;
import java.time.Duration;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.random.RandomGenerator;

/**
 * Runs calls on the caller's thread through a {@link Pipeline}, waiting between attempts with a
 * {@link Sleeper}. On {@link SystemClock} it really waits; on a {@link ManualScheduler} waiting
 * moves virtual time, so code using it is tested without waiting. Thread-safe: many threads may
 * call {@link #get} at once.
 *
 * <p>A successful first attempt allocates nothing (without a listener, a timeout or a throttle).
 * Each call that fails once draws its jitter from its own generator, split from the executor's
 * seeded one, so calls made in the same order get the same delays on any clock.
 */
public final class SyncExecutor {

    /** A time not read from the clock, because nothing needs it. */
    private static final long UNREAD = Long.MIN_VALUE;

    private final Pipeline pipeline;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Scheduler timeoutScheduler;
    private final SplittableRandom seeds;
    private final Stage[] stages;
    private final RetryStrategy retry;
    private final Classification classification;
    private final RetryListener listener;
    private final RetryMetrics metrics;
    private final Duration attemptTimeout;
    private final CircuitBreaker breaker;
    private final HedgePolicy hedge;
    private final Executor hedgeThreads;
    private final boolean readsCallStart;
    private final boolean reportsCallEnd;

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
        this.timeoutScheduler = scheduler;
        this.hedgeThreads = hedgeThreads;
        this.hedge = pipeline.hedge();
        this.seeds = new SplittableRandom(seed);
        this.stages = pipeline.order().toArray(new Stage[0]);
        this.retry = pipeline.retry();
        this.classification = pipeline.classification();
        this.listener = pipeline.listener();
        this.metrics = pipeline.metrics();
        this.attemptTimeout = pipeline.attemptTimeout();
        this.breaker = pipeline.circuitBreaker();
        this.readsCallStart = listener != null || retry.usesCallStartTime();
        this.reportsCallEnd = listener != null || retry.learnsFromCalls();
    }

    /** An executor on the real clock; {@code timeouts} enforces attempt timeouts. */
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
        Objects.requireNonNull(attempt, "attempt");
        long start = readsCallStart ? clock.nanoTime() : UNREAD;
        try {
            return run(0, attempt, start);
        } catch (CallFailedException e) {
            throw e;
        } catch (Exception e) {
            Failure failure = classification.classify(e);
            throw new CallFailedException(failure, refusalReason(failure), 0, e);
        }
    }

    /** Runs {@code attempt} like {@link #get}, for attempts that return nothing. */
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

    private <T> T run(int index, Attempt<T> attempt, long callStart) throws Exception {
        if (index == stages.length) {
            return attemptOnce(attempt);
        }
        switch (stages[index]) {
            case RETRY:
                return withRetries(index, attempt, callStart);
            case CIRCUIT_BREAKER:
                return breaker == null ? run(index + 1, attempt, callStart)
                        : throughBreaker(index, attempt, callStart);
            case HEDGE:
                return hedge == null ? run(index + 1, attempt, callStart) : hedged(index, attempt, callStart);
            default:
                return run(index + 1, attempt, callStart);
        }
    }

    private <T> T throughBreaker(int index, Attempt<T> attempt, long callStart) throws Exception {
        if (!breaker.tryAcquirePermission()) {
            throw LocalRefusal.CIRCUIT_OPEN;
        }
        T result;
        try {
            result = run(index + 1, attempt, callStart);
        } catch (CallFailedException e) {
            recordInBreaker(e.lastFailure());
            throw e;
        } catch (Exception e) {
            recordInBreaker(classification.classify(e));
            throw e;
        }
        breaker.onSuccess();
        return result;
    }

    /** A call refused locally further in was never made: it gives its permission back. */
    private void recordInBreaker(Failure failure) {
        if (isLocalRefusal(failure)) {
            breaker.releasePermission();
        } else {
            breaker.onFailure(failure);
        }
    }

    static boolean isLocalRefusal(Failure failure) {
        return failure.kind() == FailureKind.CIRCUIT_OPEN || failure.kind() == FailureKind.REJECTED;
    }

    private <T> T hedged(int index, Attempt<T> attempt, long callStart) throws Exception {
        CompletableFuture<T> race = HedgedCall.start(hedge, timeoutScheduler,
                () -> onHedgeThread(() -> run(index + 1, attempt, callStart)));
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
        AttemptTimer timer = AttemptTimer.start(timeoutScheduler, attemptTimeout);
        T result;
        try {
            result = attempt.call();
        } catch (Exception e) {
            if (timer.finish()) {
                throw new AttemptTimedOutException(attemptTimeout, e);
            }
            throw e;
        }
        if (timer.finish()) {
            throw new AttemptTimedOutException(attemptTimeout, null);
        }
        return result;
    }

    private <T> T withRetries(int index, Attempt<T> attempt, long callStart) throws Exception {
        RetryState state = null;
        RandomGenerator rng = null;
        int attemptNumber = 1;
        while (true) {
            long attemptStart = listener == null ? UNREAD
                    : attemptNumber == 1 ? callStart : clock.nanoTime();
            if (metrics != null) {
                metrics.attemptStarted();
            }
            if (listener != null) {
                listener.onEvent(new RetryEvent.AttemptStarted(attemptNumber, attemptStart));
            }
            Exception error;
            try {
                T result = run(index + 1, attempt, callStart);
                succeeded(attemptNumber, callStart);
                return result;
            } catch (CallFailedException e) {
                throw e;
            } catch (Exception e) {
                error = e;
            }
            long now = clock.nanoTime();
            Failure failure = classification.classify(error);
            if (metrics != null) {
                metrics.attemptFailed(failure.kind());
            }
            if (listener != null) {
                listener.onEvent(new RetryEvent.AttemptFailed(attemptNumber, failure, now - attemptStart, now));
            }
            if (state == null) {
                state = new RetryState(callStart == UNREAD ? now : callStart);
                rng = nextGenerator();
            }
            Decision decision = retry.decide(state, failure, now, rng);
            if (!decision.retry()) {
                throw gaveUp(failure, reasonFor(decision.reason(), failure), attemptNumber, callStart, error);
            }
            if (metrics != null) {
                metrics.retryScheduled(decision.delayNanos());
            }
            if (listener != null) {
                listener.onEvent(new RetryEvent.RetryScheduled(attemptNumber + 1, decision.delayNanos(), now));
            }
            try {
                sleeper.sleep(Duration.ofNanos(decision.delayNanos()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw gaveUp(failure, GiveUpReason.ABORTED, attemptNumber, callStart, e);
            }
            state.attemptStarted();
            attemptNumber++;
        }
    }

    private void succeeded(int attempts, long callStart) {
        if (reportsCallEnd) {
            long now = clock.nanoTime();
            retry.callFinished(attempts, true, now);
            if (listener != null) {
                listener.onEvent(new RetryEvent.CallSucceeded(attempts, now - callStart, now));
            }
        }
        if (metrics != null) {
            metrics.callSucceeded(attempts);
        }
    }

    private CallFailedException gaveUp(Failure failure, GiveUpReason reason, int attempts, long callStart,
                                       Throwable cause) {
        long now = clock.nanoTime();
        if (callStart == UNREAD) {
            callStart = now;
        }
        retry.callFinished(attempts, false, now);
        if (metrics != null) {
            metrics.callFailed(attempts, reason);
        }
        if (listener != null) {
            listener.onEvent(new RetryEvent.CallFailed(attempts, failure, reason, now - callStart, now));
        }
        return new CallFailedException(failure, reason, attempts, cause);
    }

    private RandomGenerator nextGenerator() {
        synchronized (seeds) {
            return seeds.split();
        }
    }

    /** A local refusal that is not retryable is reported as the refusal, not as "not retryable". */
    static GiveUpReason reasonFor(GiveUpReason decided, Failure failure) {
        if (decided == GiveUpReason.NOT_RETRYABLE) {
            return refusalReason(failure);
        }
        return decided;
    }

    static GiveUpReason refusalReason(Failure failure) {
        if (failure.kind() == FailureKind.CIRCUIT_OPEN) {
            return GiveUpReason.CIRCUIT_OPEN;
        }
        if (failure.kind() == FailureKind.REJECTED) {
            return GiveUpReason.REJECTED;
        }
        return GiveUpReason.NOT_RETRYABLE;
    }
}
