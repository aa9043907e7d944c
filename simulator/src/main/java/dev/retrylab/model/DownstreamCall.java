package dev.retrylab.model;

import java.util.Objects;

/**
 * A service that calls another before it answers: multi-tier amplification. Each attempt that
 * reaches {@code caller} holds a worker while it calls {@code callee} with its own strategy and
 * per-attempt timeout, then does its own work; when the call fails for good, the attempt fails
 * with 503. Calls are not counted as the scenario's logical requests.
 *
 * @param strategy the caller's own retry strategy for the call, whatever strategy the clients run
 */
public record DownstreamCall(String caller, String callee, long attemptTimeoutNanos, StrategyFactory strategy) {

    public DownstreamCall {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(callee, "callee");
        Objects.requireNonNull(strategy, "strategy");
        if (caller.equals(callee)) {
            throw new IllegalArgumentException("service '" + caller + "' cannot call itself");
        }
        if (attemptTimeoutNanos <= 0) {
            throw new IllegalArgumentException("the call's attempt timeout must be positive");
        }
    }
}
