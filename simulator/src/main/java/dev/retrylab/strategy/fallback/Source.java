package dev.retrylab.strategy.fallback;

/** Which source served a call's value under a {@link FallbackPolicy}. */
public enum Source {
    /** The primary dependency, possibly after retries. */
    PRIMARY,
    /** The fallback dependency, after the primary gave up. */
    FALLBACK,
    /** The last-known-good value from the primary, after primary and fallback gave up. */
    CACHE
}
