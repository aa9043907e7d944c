package dev.retrylab.execution;

import dev.retrylab.strategy.Classification;
import dev.retrylab.strategy.Decision;
import dev.retrylab.strategy.Failure;
import dev.retrylab.strategy.FailureKind;
import dev.retrylab.strategy.GiveUpReason;
import dev.retrylab.strategy.budget.AdaptiveThrottle;
import dev.retrylab.strategy.budget.RetryBudget;
import dev.retrylab.strategy.bulkhead.Bulkhead;
import dev.retrylab.strategy.event.RetryEvent;
import dev.retrylab.strategy.event.RetryListener;
import dev.retrylab.strategy.event.RetryMetrics;
import dev.retrylab.strategy.retry.RetryStrategy;
import dev.retrylab.time.Clock;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The retry stage's bookkeeping, shared by the synchronous and asynchronous executors: the retry
 * budget, the client-side throttle, the bulkhead's retry slots, metrics, events and the
 * strategy's decision. One per executor, thread-safe; per-call memory lives in {@link FailedCall}.
 *
 * <p>Rules it applies:
 * <ul>
 *   <li>A failure the pipeline's classification does not retry ends the call before the strategy
 *       is asked; the strategy may still refuse others.</li>
 *   <li>Local refusals (circuit open, bulkhead full, throttled) are not attempts that reached the
 *       dependency: they are not reported to the budget or the throttle, and a call they end
 *       reports the last failure that did reach the dependency, if any.</li>
 *   <li>The throttle hears each failure ({@code AdaptiveThrottle.onFailure} decides what counts as
 *       overload).</li>
 *   <li>A listener that throws does not change the call: its exception goes to the thread's
 *       uncaught-exception handler.</li>
 * </ul>
 */
final class RetryBookkeeping {

    /** A time not read from the clock, because nothing needs it. */
    static final long UNREAD = Long.MIN_VALUE;

    private final Clock clock;
    private final RetryStrategy retry;
    private final Classification classification;
    private final RetryBudget budget;
    private final AdaptiveThrottle throttle;
    private final Bulkhead bulkhead;
    private final RetryListener listener;
    private final RetryMetrics metrics;
    private final SplittableRandom seeds;
    private final SplittableRandom throttleDraws;
    private final RandomGenerator lockedThrottleDraws;
    private final boolean readsCallStart;
    private final boolean reportsCallEnd;

    RetryBookkeeping(Pipeline pipeline, Clock clock, long seed) {
        this.clock = clock;
        this.retry = pipeline.retry();
        this.classification = pipeline.classification();
        this.budget = pipeline.retryBudget();
        this.throttle = pipeline.throttle();
        this.bulkhead = pipeline.bulkhead();
        this.listener = pipeline.listener();
        this.metrics = pipeline.metrics();
        this.seeds = new SplittableRandom(seed);
        this.throttleDraws = seeds.split();
        this.lockedThrottleDraws = () -> {
            synchronized (throttleDraws) {
                return throttleDraws.nextLong();
            }
        };
        this.readsCallStart = listener != null || retry.usesCallStartTime();
        this.reportsCallEnd = listener != null || retry.learnsFromCalls();
    }

    /** The time a call starts, or {@link #UNREAD} when nothing needs it. */
    long callStartTime(CallOptions options) {
        return readsCallStart || options.hasDeadline() ? clock.nanoTime() : UNREAD;
    }

    /** A new logical call enters the retry stage. */
    void requestStarted() {
        if (budget != null) {
            budget.onRequest();
        }
    }

    /** True when the client-side throttle refuses the next attempt. */
    boolean throttled() {
        return throttle != null && !throttle.allowRequest(lockedThrottleDraws);
    }

    /** Counts and reports attempt {@code number}; returns its start time when someone needs it. */
    long attemptStarted(int number, long callStart) {
        if (metrics != null) {
            metrics.attemptStarted();
        }
        if (listener == null) {
            return UNREAD;
        }
        long now = number == 1 && callStart != UNREAD ? callStart : clock.nanoTime();
        emit(new RetryEvent.AttemptStarted(number, now));
        return now;
    }

    /** The memory for a call at its first failure. */
    FailedCall firstFailure(long callStart, CallOptions options) {
        RandomGenerator rng;
        synchronized (seeds) {
            rng = seeds.split();
        }
        return new FailedCall(callStart == UNREAD ? clock.nanoTime() : callStart, options, rng);
    }

    /** Attempt {@code attempts} succeeded: the call is done. {@code call} is null if it never failed. */
    void succeeded(int attempts, long callStart, FailedCall call) {
        if (throttle != null) {
            throttle.onAccepted();
        }
        if (budget != null) {
            if (call == null || call.lastDependencyFailure == null) {
                budget.onSuccess(call != null);
            } else {
                budget.onSuccessAfterRetry(call.lastDependencyFailure.kind());
            }
        }
        if (call != null && bulkhead != null) {
            call.releaseRetrySlot(bulkhead);
        }
        if (reportsCallEnd) {
            long now = clock.nanoTime();
            retry.callFinished(attempts, true, now);
            if (listener != null) {
                emit(new RetryEvent.CallSucceeded(attempts, now - callStart, now));
            }
        }
        if (metrics != null) {
            metrics.callSucceeded(attempts);
        }
    }

    /**
     * Attempt {@code number} failed with {@code error}. Returns null when the call retries after
     * {@code call.nextDelayNanos}, or the exception that ends it.
     */
    CallFailedException failed(int number, long callStart, long attemptStart, Throwable error, FailedCall call) {
        long now = clock.nanoTime();
        Failure failure = classification.classify(error);
        FailureKind kind = failure.kind();
        if (bulkhead != null) {
            call.releaseRetrySlot(bulkhead);
        }
        if (metrics != null) {
            metrics.attemptFailed(kind);
        }
        if (!isLocalRefusal(failure)) {
            call.lastDependencyFailure = failure;
            if (budget != null) {
                budget.onFailure(kind);
            }
            if (throttle != null) {
                throttle.onFailure(kind);
            }
        }
        if (listener != null) {
            long latency = attemptStart == UNREAD ? 0L : now - attemptStart;
            emit(new RetryEvent.AttemptFailed(number, failure, latency, now));
        }
        Decision decision = classification.isRetryable(failure)
                ? retry.decide(call.state, failure, now, call.rng) : Decision.giveUp(GiveUpReason.NOT_RETRYABLE);
        if (!decision.retry()) {
            return gaveUp(failure, reasonFor(decision.reason(), failure), number, callStart, error, call);
        }
        if (bulkhead != null) {
            if (!bulkhead.tryAcquireRetry()) {
                return gaveUp(failure, GiveUpReason.REJECTED, number, callStart, error, call);
            }
            call.tookRetrySlot();
        }
        if (budget != null && !budget.tryAcquireRetry(kind, decision.delayNanos())) {
            return gaveUp(failure, GiveUpReason.BUDGET_EXHAUSTED, number, callStart, error, call);
        }
        call.nextDelayNanos = decision.delayNanos();
        if (metrics != null) {
            metrics.retryScheduled(decision.delayNanos());
        }
        if (listener != null) {
            emit(new RetryEvent.RetryScheduled(number + 1, decision.delayNanos(), now));
        }
        return null;
    }

    /** Gives back what a call holds when it ends abnormally (a strategy or listener threw). */
    void release(FailedCall call) {
        if (call != null && bulkhead != null) {
            call.releaseRetrySlot(bulkhead);
        }
    }

    /** The throttle refused attempt {@code attempts + 1}: the call ends. */
    CallFailedException throttled(int attempts, long callStart, FailedCall call) {
        return gaveUp(LocalRefusal.THROTTLED.failure(), GiveUpReason.THROTTLED, attempts, callStart,
                LocalRefusal.THROTTLED, call);
    }

    /** The caller stopped waiting, or the next attempt could not be scheduled: the call ends. */
    CallFailedException cancelled(int attempts, long callStart, Throwable cause, FailedCall call) {
        Failure failure = call != null && call.lastDependencyFailure != null
                ? call.lastDependencyFailure : Failure.of(FailureKind.UNKNOWN);
        return gaveUp(failure, GiveUpReason.CANCELLED, attempts, callStart, cause, call);
    }

    /** A stage outside the retry stage refused the call before any attempt. */
    CallFailedException refusedOutside(Throwable refusal, long callStart) {
        Failure failure = classification.classify(refusal);
        return gaveUp(failure, refusalReason(failure), 0, callStart, refusal, null);
    }

    /**
     * The call ends without success after {@code attempts} attempts. When a local refusal ends a
     * call whose earlier attempts reached the dependency, their last failure is reported.
     */
    CallFailedException gaveUp(Failure failure, GiveUpReason reason, int attempts, long callStart, Throwable cause,
                               FailedCall call) {
        Failure reported = failure;
        if (call != null) {
            if (bulkhead != null) {
                call.releaseRetrySlot(bulkhead);
            }
            if (isLocalRefusal(failure) && call.lastDependencyFailure != null) {
                reported = call.lastDependencyFailure;
            }
        }
        long now = clock.nanoTime();
        if (attempts > 0 && reason != GiveUpReason.CANCELLED) {
            retry.callFinished(attempts, false, now);
        }
        if (metrics != null) {
            metrics.callFailed(attempts, reason);
        }
        if (listener != null) {
            long duration = callStart == UNREAD ? 0L : now - callStart;
            emit(new RetryEvent.CallFailed(attempts, reported, reason, duration, now));
        }
        return new CallFailedException(reported, reason, attempts, cause);
    }

    private void emit(RetryEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            Thread thread = Thread.currentThread();
            thread.getUncaughtExceptionHandler().uncaughtException(thread, e);
        }
    }

    static boolean isLocalRefusal(Failure failure) {
        return failure.kind() == FailureKind.CIRCUIT_OPEN || failure.kind() == FailureKind.REJECTED;
    }

    /** A local refusal that is not retryable is reported as the refusal, not as "not retryable". */
    static GiveUpReason reasonFor(GiveUpReason decided, Failure failure) {
        return decided == GiveUpReason.NOT_RETRYABLE ? refusalReason(failure) : decided;
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
