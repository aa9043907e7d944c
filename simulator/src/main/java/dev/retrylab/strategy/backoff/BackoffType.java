package dev.retrylab.strategy.backoff;

/** The shape of the un-jittered delay before retry n (n = 1 is the wait before the second attempt). */
public enum BackoffType {
    /** Always zero: retry at once. */
    NONE,
    /** {@code d = base}. */
    CONSTANT,
    /** {@code d = min(cap, base + increment·(n−1))}. */
    LINEAR,
    /** {@code d = min(cap, base·multiplier^(n−1))}. */
    EXPONENTIAL
}
