package dev.retrylab.strategy.event;

import dev.retrylab.strategy.Failure;
import dev.retrylab.strategy.GiveUpReason;

/**
 * What happened during a call, stamped with the executor's clock in nanoseconds. Events are
 * immutable records; executors create them only when someone listens.
 */
public sealed interface RetryEvent {

    /** When it happened, on the executor's clock. */
    long atNanos();

    /** Attempt {@code attempt} (1-based) is starting. */
    record AttemptStarted(int attempt, long atNanos) implements RetryEvent {
    }

    /** Attempt {@code attempt} failed with {@code failure} after {@code latencyNanos}. */
    record AttemptFailed(int attempt, Failure failure, long latencyNanos, long atNanos) implements RetryEvent {
    }

    /** Attempt {@code nextAttempt} will start after {@code delayNanos}. */
    record RetryScheduled(int nextAttempt, long delayNanos, long atNanos) implements RetryEvent {
    }

    /** The call succeeded after {@code attempts} attempts, {@code durationNanos} after it started. */
    record CallSucceeded(int attempts, long durationNanos, long atNanos) implements RetryEvent {
    }

    /** The call failed for good after {@code attempts} attempts. */
    record CallFailed(int attempts, Failure lastFailure, GiveUpReason reason, long durationNanos, long atNanos)
            implements RetryEvent {
    }
}
