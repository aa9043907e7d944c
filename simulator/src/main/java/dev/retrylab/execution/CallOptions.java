package dev.retrylab.execution;

import dev.retrylab.time.Nanos;
import java.time.Duration;

/**
 * Settings of one call: whether it may safely be repeated (a policy that retries only idempotent
 * calls reads it) and an overall deadline, measured from the call's start, after which no retry
 * starts. Immutable.
 *
 * @param idempotent    whether repeating the call is safe
 * @param deadlineNanos the call's deadline from its start, or {@link Long#MAX_VALUE} for none
 */
public record CallOptions(boolean idempotent, long deadlineNanos) {

    /** Idempotent, no deadline: what {@code get(attempt)} uses. */
    public static final CallOptions DEFAULT = new CallOptions(true, Long.MAX_VALUE);

    public CallOptions {
        if (deadlineNanos <= 0) {
            throw new IllegalArgumentException("deadline must be positive, was " + deadlineNanos + "ns");
        }
    }

    /** A call that must not be repeated unless the policy allows non-idempotent retries. */
    public static CallOptions nonIdempotent() {
        return new CallOptions(false, Long.MAX_VALUE);
    }

    /** The same options with a deadline {@code deadline} after the call starts. */
    public CallOptions withDeadline(Duration deadline) {
        return new CallOptions(idempotent, Nanos.of("deadline", deadline));
    }

    boolean hasDeadline() {
        return deadlineNanos != Long.MAX_VALUE;
    }
}
