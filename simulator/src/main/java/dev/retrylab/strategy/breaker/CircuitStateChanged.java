package dev.retrylab.strategy.breaker;

import java.util.Objects;

/**
 * A {@link CircuitBreaker} moved from one state to another. Immutable.
 *
 * @param from    the state before the change
 * @param to      the state after the change
 * @param atNanos when it changed, on the breaker's clock
 */
public record CircuitStateChanged(CircuitState from, CircuitState to, long atNanos) {

    public CircuitStateChanged {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from == to) {
            throw new IllegalArgumentException("a state change needs two different states, was " + from + " twice");
        }
    }
}
