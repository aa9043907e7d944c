package dev.retrylab.model;

import java.util.Objects;

/**
 * A group of simulated clients (the many agents) calling one service.
 *
 * @param name             the group's name in results
 * @param count            clients in the group, 1 or more
 * @param target           the service they call
 * @param workload         when they start requests
 * @param attemptTimeoutNanos how long a client waits for one attempt, positive
 * @param deadlineNanos    the overall deadline of a logical request from its start, or 0 for none
 */
public record ClientConfig(String name, int count, String target, Workload workload, long attemptTimeoutNanos,
                           long deadlineNanos) {

    public ClientConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(workload, "workload");
        if (count < 1) {
            throw new IllegalArgumentException("count must be 1 or more, was " + count);
        }
        if (attemptTimeoutNanos <= 0) {
            throw new IllegalArgumentException("attempt timeout must be positive, was " + attemptTimeoutNanos + "ns");
        }
        if (deadlineNanos < 0) {
            throw new IllegalArgumentException("deadline must be zero (none) or positive, was " + deadlineNanos + "ns");
        }
    }
}
