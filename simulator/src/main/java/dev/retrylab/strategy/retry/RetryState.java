package dev.retrylab.strategy.retry;

import dev.retrylab.time.Nanos;

/**
 * The per-call memory of a retry strategy: how many attempts were made, when the first started,
 * the last delay (for decorrelated jitter), the earliest time a server allows the next attempt,
 * and the call's own deadline. Mutable and not thread-safe: one per logical call, which may be
 * reused for the next call with {@link #reset}.
 */
public final class RetryState {

    /** No deadline. */
    public static final long NO_DEADLINE = Long.MAX_VALUE;

    private int attempts;
    private long firstAttemptNanos;
    private long previousDelayNanos;
    private long previousBackoffNanos;
    private long notBeforeNanos;
    private long deadlineNanos = NO_DEADLINE;
    private boolean idempotent = true;

    /** A state for a call whose first attempt started at {@code firstAttemptNanos}. */
    public RetryState(long firstAttemptNanos) {
        reset(firstAttemptNanos);
    }

    /** Starts a new call whose first attempt started at {@code firstAttemptNanos}. */
    public RetryState reset(long firstAttemptNanos) {
        this.attempts = 1;
        this.firstAttemptNanos = firstAttemptNanos;
        this.previousDelayNanos = 0L;
        this.previousBackoffNanos = 0L;
        this.notBeforeNanos = firstAttemptNanos;
        this.deadlineNanos = NO_DEADLINE;
        this.idempotent = true;
        return this;
    }

    /**
     * Resumes a call from its stored state, for callers that keep many calls' states elsewhere
     * (in arrays, or across a restart) and load them into one object to decide: the attempts made
     * and what {@link #retryScheduled} last recorded. The start, deadline and idempotency are set
     * by {@link #reset} and their own setters.
     */
    public RetryState restore(int attempts, long previousDelayNanos, long previousBackoffNanos, long notBeforeNanos) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
        }
        this.attempts = attempts;
        this.previousDelayNanos = previousDelayNanos;
        this.previousBackoffNanos = previousBackoffNanos;
        this.notBeforeNanos = notBeforeNanos;
        return this;
    }

    /** Sets the call's own absolute deadline (on the strategy's clock). */
    public RetryState deadlineNanos(long deadlineNanos) {
        this.deadlineNanos = deadlineNanos;
        return this;
    }

    /** Marks whether the call may safely be repeated; calls are idempotent unless told otherwise. */
    public RetryState idempotent(boolean idempotent) {
        this.idempotent = idempotent;
        return this;
    }

    /** Records that the next attempt is starting. */
    public void attemptStarted() {
        attempts++;
    }

    /**
     * Records a retry decision: the delay chosen, the earliest start it implies, and the backoff's
     * own draw before any Retry-After hint or scaling replaced it.
     */
    public void retryScheduled(long nowNanos, long delayNanos, long backoffNanos) {
        this.previousDelayNanos = delayNanos;
        this.previousBackoffNanos = backoffNanos;
        this.notBeforeNanos = Nanos.saturatedAdd(nowNanos, delayNanos);
    }

    /** Attempts started so far, counting the first. */
    public int attempts() {
        return attempts;
    }

    public long firstAttemptNanos() {
        return firstAttemptNanos;
    }

    /**
     * The backoff's own draw for the previous retry (0 before the first), which decorrelated
     * jitter grows from.
     */
    public long previousBackoffNanos() {
        return previousBackoffNanos;
    }

    /** The delay before the previous retry, 0 before the first retry. */
    public long previousDelayNanos() {
        return previousDelayNanos;
    }

    /** The earliest time the next attempt may start. */
    public long notBeforeNanos() {
        return notBeforeNanos;
    }

    public long deadlineNanos() {
        return deadlineNanos;
    }

    public boolean idempotent() {
        return idempotent;
    }
}
