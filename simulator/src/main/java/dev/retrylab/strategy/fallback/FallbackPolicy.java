package dev.retrylab.strategy.fallback;

import dev.retrylab.strategy.Failure;
import dev.retrylab.strategy.FailureKind;
import dev.retrylab.strategy.retry.RetryStrategy;
import java.util.Objects;
import java.util.Optional;

/**
 * Graceful degradation for one dependency: which strategies retry the primary and the fallback,
 * and the optional last-known-good cache. Immutable configuration; the cache it holds is
 * thread-safe, so one policy serves all calls.
 *
 * <p>The order, which an executor follows and {@link Served#source()} reports:
 * <ol>
 *   <li>the primary, with retries decided by {@link #primaryRetry()}; a success is served as
 *       {@link Source#PRIMARY} and stored as the key's last-known-good value
 *       ({@link #servedByPrimary});</li>
 *   <li>if the primary gives up, the fallback, with its own retries decided by
 *       {@link #fallbackRetry()}; a success is served as {@link Source#FALLBACK} and is not
 *       cached, because a degraded value must not later pass for a good one
 *       ({@link #servedByFallback});</li>
 *   <li>if the fallback gives up too, the key's last-known-good value, if it was stored at most the
 *       cache's max age ago, served as {@link Source#CACHE} ({@link #servedFromCache});</li>
 *   <li>else the call fails with the primary's failure, the root cause worth reporting.</li>
 * </ol>
 * Only an availability failure degrades ({@link #degradesOn}): when the primary refused the
 * request itself (invalid input, authentication, authorization, not found, a business rule), a
 * fallback or stale value would hide the caller's mistake or serve data the caller may not see,
 * so that failure is reported at once.
 * This is the fallback chain of Nygard, "Release It!" (2nd ed., 2018) and of Resilience4j's and
 * Failsafe's Fallback, with the cache step bounded by age as in RFC 5861 {@code stale-if-error}.
 *
 * @param <K> the cache key type (what identifies a request's answer)
 * @param <V> the value type
 */
public final class FallbackPolicy<K, V> {

    private final RetryStrategy primaryRetry;
    private final RetryStrategy fallbackRetry;
    private final LastKnownGoodCache<K, V> cache;

    private FallbackPolicy(RetryStrategy primaryRetry, RetryStrategy fallbackRetry,
                           LastKnownGoodCache<K, V> cache) {
        this.primaryRetry = Objects.requireNonNull(primaryRetry, "primaryRetry");
        this.fallbackRetry = Objects.requireNonNull(fallbackRetry, "fallbackRetry");
        this.cache = cache;
    }

    /** Primary then fallback, each with its own retries, and no last-known-good cache. */
    public static <K, V> FallbackPolicy<K, V> of(RetryStrategy primaryRetry, RetryStrategy fallbackRetry) {
        return new FallbackPolicy<>(primaryRetry, fallbackRetry, null);
    }

    /** The same policy with {@code cache} as the last resort. */
    public FallbackPolicy<K, V> withLastKnownGood(LastKnownGoodCache<K, V> cache) {
        return new FallbackPolicy<>(primaryRetry, fallbackRetry, Objects.requireNonNull(cache, "cache"));
    }

    /** Decides the retries of the primary. */
    public RetryStrategy primaryRetry() {
        return primaryRetry;
    }

    /** Decides the retries of the fallback, independently of the primary's. */
    public RetryStrategy fallbackRetry() {
        return fallbackRetry;
    }

    public Optional<LastKnownGoodCache<K, V>> lastKnownGood() {
        return Optional.ofNullable(cache);
    }

    /**
     * Whether a primary failure of this kind may be answered by the fallback or the cache: every
     * kind except the caller's own mistakes (invalid input, authentication, authorization, not
     * found, business rule).
     */
    public boolean degradesOn(Failure primaryFailure) {
        return degrades(primaryFailure.kind());
    }

    /**
     * The rule of {@link #degradesOn} by kind alone, for callers that keep no policy instance (the
     * simulator, deciding for a million clients).
     */
    public static boolean degrades(FailureKind kind) {
        return switch (kind) {
            case INVALID_INPUT, AUTHENTICATION, AUTHORIZATION, NOT_FOUND, BUSINESS_RULE -> false;
            default -> true;
        };
    }

    /** Step 1: the primary succeeded; stores the value as last-known-good and serves it. */
    public Served<V> servedByPrimary(K key, V value, int attempts) {
        if (cache != null) {
            cache.put(key, value);
        }
        return Served.primary(value, attempts);
    }

    /** Step 2: the fallback succeeded after the primary gave up with {@code primaryFailure}. */
    public Served<V> servedByFallback(V value, int attempts, Failure primaryFailure) {
        return Served.fallback(value, attempts, Objects.requireNonNull(primaryFailure, "primaryFailure"));
    }

    /**
     * Step 3: primary and fallback gave up. The key's fresh last-known-good value, or null when
     * there is none (no cache, never stored, or too old): then step 4, fail with
     * {@code primaryFailure}.
     */
    public Served<V> servedFromCache(K key, int attempts, Failure primaryFailure) {
        Objects.requireNonNull(primaryFailure, "primaryFailure");
        if (cache == null) {
            return null;
        }
        LastKnownGoodCache.Entry<V> entry = cache.freshEntry(key);
        if (entry == null) {
            return null;
        }
        return Served.cache(entry.value(), attempts, cache.ageNanos(entry), primaryFailure);
    }

    @Override
    public String toString() {
        return "FallbackPolicy[primary=" + primaryRetry + ", fallback=" + fallbackRetry
                + (cache == null ? "" : ", lastKnownGood=" + cache) + "]";
    }
}
