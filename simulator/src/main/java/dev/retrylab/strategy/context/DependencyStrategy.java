package dev.retrylab.strategy.context;

import dev.retrylab.strategy.Classification;
import dev.retrylab.strategy.retry.RetryPolicy;
import dev.retrylab.strategy.retry.RetryStrategy;
import java.util.Objects;

/**
 * How calls to one kind of dependency are retried and how their errors are classified. A
 * database deadlock, a 429 from an API and a model's overloaded error call for different
 * answers; {@link ContextualStrategies} picks the right one by context. Immutable.
 *
 * @param retry          decides retries after a failed attempt
 * @param classification turns the dependency's exceptions and status codes into failures
 */
public record DependencyStrategy(RetryStrategy retry, Classification classification) {

    public DependencyStrategy {
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(classification, "classification");
    }

    /** A retry policy together with the classification it already uses. */
    public static DependencyStrategy of(RetryPolicy policy) {
        return new DependencyStrategy(policy, Objects.requireNonNull(policy, "policy").classification());
    }
}
