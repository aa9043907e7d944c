package dev.retrylab.strategy.breaker;

/** The state of a {@link CircuitBreaker}. */
public enum CircuitState {
    /** Calls flow; outcomes are recorded and may trip the breaker. */
    CLOSED,
    /** Calls are refused until the open duration has passed. */
    OPEN,
    /** A limited number of trial calls probe whether the dependency has recovered. */
    HALF_OPEN
}
