package dev.retrylab.model;

import dev.retrylab.strategy.budget.AdaptiveThrottle;
import dev.retrylab.strategy.budget.RetryBudget;
import dev.retrylab.strategy.breaker.CircuitBreaker;
import dev.retrylab.strategy.bulkhead.Bulkhead;
import dev.retrylab.strategy.hedge.HedgePolicy;
import dev.retrylab.strategy.retry.RetryStrategy;
import java.util.Objects;

/**
 * The library's strategy objects one simulated client group runs with, for one target service:
 * the retry strategy and, optionally, a retry budget, a circuit breaker, a client-side throttle,
 * a hedge policy and a bulkhead, plus the settings of the fallback to a cache. These are the very
 * objects a service would use, reading the simulation's clock.
 *
 * @param name     the strategy's name in results
 * @param retry    decides retries
 * @param budget   limits retries across the group, or null
 * @param breaker  stops calls while the service fails, or null
 * @param throttle rejects attempts locally while the service rejects many, or null
 * @param hedge    starts extra attempts of a slow pass, or null
 * @param bulkhead bounds the passes (an attempt and its hedges) outstanding at once, or null
 * @param bulkheadMaxWaitNanos how long a pass may wait for a bulkhead permit before the request is
 *                 refused, 0 or more; above 0 only with a bulkhead, and the waiting pass takes a
 *                 place in the bulkhead's queue (none left: refused at once)
 * @param cacheTtlNanos a request that fails for good is answered from its client's cache when the
 *                 client's latest success from the same service is at most this old; 0 for no
 *                 fallback
 */
public record ClientStrategy(String name, RetryStrategy retry, RetryBudget budget, CircuitBreaker breaker,
                             AdaptiveThrottle throttle, HedgePolicy hedge, Bulkhead bulkhead,
                             long bulkheadMaxWaitNanos, long cacheTtlNanos) {

    /** A strategy without bulkhead or fallback. */
    public ClientStrategy(String name, RetryStrategy retry, RetryBudget budget, CircuitBreaker breaker,
                          AdaptiveThrottle throttle, HedgePolicy hedge) {
        this(name, retry, budget, breaker, throttle, hedge, null, 0L, 0L);
    }

    /** A strategy that does not hedge. */
    public ClientStrategy(String name, RetryStrategy retry, RetryBudget budget, CircuitBreaker breaker,
                          AdaptiveThrottle throttle) {
        this(name, retry, budget, breaker, throttle, null);
    }

    public ClientStrategy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(retry, "retry");
        if (bulkheadMaxWaitNanos < 0 || (bulkheadMaxWaitNanos > 0 && bulkhead == null)) {
            throw new IllegalArgumentException("the bulkhead's max wait must be 0, or positive with a bulkhead, was "
                    + bulkheadMaxWaitNanos + "ns");
        }
        if (cacheTtlNanos < 0) {
            throw new IllegalArgumentException("the cache's ttl must be 0 (no fallback) or positive, was "
                    + cacheTtlNanos + "ns");
        }
    }

    /** Only a retry strategy. */
    public static ClientStrategy of(String name, RetryStrategy retry) {
        return new ClientStrategy(name, retry, null, null, null);
    }

    /** The same strategy with {@code bulkhead}, whose passes wait up to {@code maxWaitNanos} for a permit. */
    public ClientStrategy withBulkhead(Bulkhead bulkhead, long maxWaitNanos) {
        return new ClientStrategy(name, retry, budget, breaker, throttle, hedge,
                Objects.requireNonNull(bulkhead, "bulkhead"), maxWaitNanos, cacheTtlNanos);
    }

    /** The same strategy answering failed requests from a cache whose entries live {@code ttlNanos}. */
    public ClientStrategy withCacheFallback(long ttlNanos) {
        if (ttlNanos <= 0) {
            throw new IllegalArgumentException("the cache's ttl must be positive, was " + ttlNanos + "ns");
        }
        return new ClientStrategy(name, retry, budget, breaker, throttle, hedge, bulkhead, bulkheadMaxWaitNanos,
                ttlNanos);
    }
}
