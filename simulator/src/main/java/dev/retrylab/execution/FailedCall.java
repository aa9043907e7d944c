package dev.retrylab.execution;

import dev.retrylab.strategy.Failure;
import dev.retrylab.strategy.bulkhead.Bulkhead;
import dev.retrylab.strategy.retry.RetryState;
import java.util.random.RandomGenerator;

/**
 * The memory of a call that has failed at least once: its retry state, its own jitter stream,
 * its latest failure that reached the dependency, the delay chosen for its next attempt, and
 * whether it holds one of the bulkhead's retry slots. Created at the first failure, so a call
 * that succeeds at once allocates none. Used by one call at a time; the asynchronous executor
 * guards it with the call's lock.
 */
final class FailedCall {

    final RetryState state;
    final RandomGenerator rng;
    Failure lastDependencyFailure;
    long nextDelayNanos;
    private boolean holdsRetrySlot;

    FailedCall(long firstAttemptNanos, CallOptions options, RandomGenerator rng) {
        this.state = new RetryState(firstAttemptNanos).idempotent(options.idempotent());
        if (options.hasDeadline()) {
            state.deadlineNanos(dev.retrylab.time.Nanos.saturatedAdd(firstAttemptNanos, options.deadlineNanos()));
        }
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
