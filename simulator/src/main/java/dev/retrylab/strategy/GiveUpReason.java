package dev.retrylab.strategy;

/** Why a call stopped retrying. */
public enum GiveUpReason {
    /** The failure's kind is not retryable under the classification. */
    NOT_RETRYABLE,
    /** An abort condition of the policy matched the failure. */
    ABORTED,
    /** The maximum number of attempts was used. */
    MAX_ATTEMPTS,
    /** The next attempt would start after the call's deadline or time budget. */
    DEADLINE,
    /** The server's Retry-After hint is longer than the policy accepts. */
    RETRY_AFTER_TOO_LONG,
    /** The call is not idempotent and the policy retries only idempotent calls. */
    NOT_IDEMPOTENT,
    /** A retry budget or token bucket refused the retry. */
    BUDGET_EXHAUSTED,
    /** A client-side throttle refused the attempt. */
    THROTTLED,
    /** A circuit breaker refused the attempt. */
    CIRCUIT_OPEN,
    /** A bulkhead refused the call or the retry. */
    REJECTED,
    /**
     * The caller stopped waiting (cancelled the future, or interrupted the thread), or the
     * executor could not schedule the next attempt.
     */
    CANCELLED
}
