package dev.retrylab.execution;

import dev.retrylab.strategy.FailureKind;
import dev.retrylab.strategy.bulkhead.Bulkhead;
import dev.retrylab.strategy.retry.RetryState;
import java.util.random.RandomGenerator;

/**
 * The memory of a call that has failed at least once: its retry state, its own jitter stream,
 * the kind of its latest failure, the delay chosen for its next attempt, and whether it holds one
 * of the bulkhead's retry slots. Created at the first failure, so a call that succeeds at once
 * allocates none. Used by one call at a time.
 */
final class FailedCall {

    final RetryState state;
    final RandomGenerator rng;
    FailureKind lastKind;
    long nextDelayNanos;
    private boolean holdsRetrySlot;

    FailedCall(long firstAttemptNanos, RandomGenerator rng) {
        this.state = new RetryState(firstAttemptNanos);
        this.rng = rng;
    }

    void tookRetrySlot() {
        holdsRetrySlot = true;
    }

    /** Gives back the retry slot, if this call holds one. */
    void releaseRetrySlot(Bulkhead bulkhead) {
        if (holdsRetrySlot) {
            holdsRetrySlot = false;
            bulkhead.releaseRetry();
        }
    }
}
