package dev.retrylab.execution;

import dev.retrylab.strategy.GiveUpReason;
import dev.retrylab.strategy.fallback.FallbackPolicy;
import dev.retrylab.strategy.fallback.Served;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a call with graceful degradation, synchronously: the primary through its executor, then
 * the fallback through its own, then the last-known-good value, in the order
 * {@link FallbackPolicy} documents. The fallback is the outermost stage: each executor brings the
 * rest of its pipeline (breaker, retry, bulkhead, hedging). A primary failure that is the
 * caller's own mistake ({@link FallbackPolicy#degradesOn}) or a cancelled call is reported at
 * once, without degrading. Thread-safe.
 *
 * @param <K> what identifies a request's answer in the last-known-good cache
 * @param <V> the value type
 */
public final class FallbackExecutor<K, V> {

    private final FallbackPolicy<K, V> policy;
    private final SyncExecutor primary;
    private final SyncExecutor fallback;

    /**
     * @throws IllegalArgumentException when an executor's pipeline does not retry with the
     *                                  policy's strategy for it
     */
    public FallbackExecutor(FallbackPolicy<K, V> policy, SyncExecutor primary, SyncExecutor fallback) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.primary = Objects.requireNonNull(primary, "primary");
        this.fallback = Objects.requireNonNull(fallback, "fallback");
        requireSameRetry(policy, primary.pipeline(), fallback.pipeline());
    }

    static void requireSameRetry(FallbackPolicy<?, ?> policy, Pipeline primary, Pipeline fallback) {
        if (primary.retry() != policy.primaryRetry()) {
            throw new IllegalArgumentException("the primary executor's pipeline must retry with the policy's primaryRetry");
        }
        if (fallback.retry() != policy.fallbackRetry()) {
            throw new IllegalArgumentException(
                    "the fallback executor's pipeline must retry with the policy's fallbackRetry");
        }
    }

    /** Whether the primary's give-up may be answered by the fallback or the cache. */
    static boolean degrades(FallbackPolicy<?, ?> policy, CallFailedException primaryFailed) {
        return primaryFailed.reason() != GiveUpReason.CANCELLED && policy.degradesOn(primaryFailed.lastFailure());
    }

    /**
     * Serves {@code key}: from the primary, else the fallback, else a fresh last-known-good value.
     *
     * @throws CallFailedException the primary's failure, when no source could serve
     */
    public Served<V> get(K key, Attempt<V> primaryAttempt, Attempt<V> fallbackAttempt) {
        Objects.requireNonNull(primaryAttempt, "primaryAttempt");
        Objects.requireNonNull(fallbackAttempt, "fallbackAttempt");
        AtomicInteger attempts = new AtomicInteger();
        CallFailedException primaryFailed;
        try {
            V value = primary.get(() -> {
                attempts.incrementAndGet();
                return primaryAttempt.call();
            });
            return policy.servedByPrimary(key, value, attempts.get());
        } catch (CallFailedException e) {
            primaryFailed = e;
        }
        if (!degrades(policy, primaryFailed)) {
            throw primaryFailed;
        }
        try {
            V value = fallback.get(() -> {
                attempts.incrementAndGet();
                return fallbackAttempt.call();
            });
            return policy.servedByFallback(value, attempts.get(), primaryFailed.lastFailure());
        } catch (CallFailedException fallbackFailed) {
            Served<V> cached = policy.servedFromCache(key, attempts.get(), primaryFailed.lastFailure());
            if (cached != null) {
                return cached;
            }
            primaryFailed.addSuppressed(fallbackFailed);
            throw primaryFailed;
        }
    }
}
