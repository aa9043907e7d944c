package dev.retrylab.execution;

/**
 * The policies of a {@link Pipeline} that can be reordered. Fallback is always outermost and the
 * attempt (with its timeout) always innermost.
 */
public enum Stage {
    /** One permission per pass: outside RETRY a call is one breaker decision, inside it each attempt is. */
    CIRCUIT_BREAKER,
    /** Retries, with the retry budget and the client-side throttle. */
    RETRY,
    /** Bounds concurrent passes: outside RETRY a slot is held for the whole call, inside it per attempt. */
    BULKHEAD,
    /**
     * Races extra attempts against a slow one; the retry stage sees a hedged pass as one attempt,
     * and the extra load is counted by the hedge policy.
     */
    HEDGE
}
