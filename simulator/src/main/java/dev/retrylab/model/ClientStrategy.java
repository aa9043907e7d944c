package dev.retrylab.model;

import dev.retrylab.strategy.budget.AdaptiveThrottle;
import dev.retrylab.strategy.budget.RetryBudget;
import dev.retrylab.strategy.breaker.CircuitBreaker;
import dev.retrylab.strategy.hedge.HedgePolicy;
import dev.retrylab.strategy.retry.RetryStrategy;
import java.util.Objects;

/**
 * The library's strategy objects one simulated client group runs with: the retry strategy and,
 * optionally, a retry budget, a circuit breaker and a client-side throttle shared by the group.
 * These are the very objects a service would use, reading the simulation's clock.
 *
 * @param name     the strategy's name in results
 * @param retry    decides retries
 * @param budget   limits retries across the group, or null
 * @param breaker  stops calls while the service fails, or null
 * @param throttle rejects attempts locally while the service rejects many, or null
 * @param hedge    starts extra attempts of a slow pass, or null
 */
public record ClientStrategy(String name, RetryStrategy retry, RetryBudget budget, CircuitBreaker breaker,
                             AdaptiveThrottle throttle, HedgePolicy hedge) {

    /** A strategy that does not hedge. */
    public ClientStrategy(String name, RetryStrategy retry, RetryBudget budget, CircuitBreaker breaker,
                          AdaptiveThrottle throttle) {
        this(name, retry, budget, breaker, throttle, null);
    }

    public ClientStrategy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(retry, "retry");
    }

    /** Only a retry strategy. */
    public static ClientStrategy of(String name, RetryStrategy retry) {
        return new ClientStrategy(name, retry, null, null, null);
    }
}
