package dev.retrylab.model;

/**
 * A server-side rate limit: {@code rate} tokens a second, at most one second's worth stored, one
 * token per admitted attempt. Not thread-safe; allocation-free.
 */
final class TokenBucket {

    private final double rate;
    private double tokens;
    private long lastRefillNanos;

    TokenBucket(double ratePerSecond, long nowNanos) {
        this.rate = ratePerSecond;
        this.tokens = ratePerSecond;
        this.lastRefillNanos = nowNanos;
    }

    /** Takes a token if one is there at {@code nowNanos}. */
    boolean tryTake(long nowNanos) {
        tokens = Math.min(rate, tokens + (nowNanos - lastRefillNanos) / 1e9 * rate);
        lastRefillNanos = nowNanos;
        if (tokens < 1.0) {
            return false;
        }
        tokens -= 1.0;
        return true;
    }
}
