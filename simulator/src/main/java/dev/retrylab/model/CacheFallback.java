package dev.retrylab.model;

import dev.retrylab.strategy.FailureKind;
import dev.retrylab.strategy.fallback.FallbackPolicy;
import java.util.Arrays;

/**
 * A client group's fallback to a cache: when each client last got a success from each service it
 * calls, and whether a request that failed for good is answered from the cache. It is when the
 * failure may degrade, by the library's {@link FallbackPolicy#degrades} (not the caller's own
 * mistakes), and the client's latest success from the same service is at most the cache's ttl
 * old, the freshness rule of the library's {@code LastKnownGoodCache}. That cache itself would
 * allocate an entry per success and keep a locked map with a key per client and service, too much
 * for a million clients, so the simulator keeps one long per pair instead. Not thread-safe;
 * allocation-free.
 */
final class CacheFallback {

    private static final long NEVER = Long.MIN_VALUE;

    private final long[] lastSuccessNanos;
    private final int targets;

    CacheFallback(int clients, int targets) {
        this.targets = targets;
        this.lastSuccessNanos = new long[clients * targets];
        Arrays.fill(lastSuccessNanos, NEVER);
    }

    void succeeded(int client, int target, long nowNanos) {
        lastSuccessNanos[client * targets + target] = nowNanos;
    }

    /**
     * True when a request of {@code client} to {@code target} that failed with {@code kind} is
     * answered from a cache whose entries live {@code ttlNanos} (0: the strategy has no fallback).
     */
    boolean answers(int client, int target, FailureKind kind, long ttlNanos, long nowNanos) {
        long last = lastSuccessNanos[client * targets + target];
        return ttlNanos > 0 && last != NEVER && nowNanos - last <= ttlNanos && FallbackPolicy.degrades(kind);
    }
}
