package dev.retrylab.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A group of simulated clients (the many agents) calling one service, or several services with a
 * share of the requests each.
 *
 * @param name             the group's name in results
 * @param count            clients in the group, 1 or more
 * @param targets          the services they call, in order, each with its share of the logical
 *                         requests: positive shares adding up to 1. Each request calls one, picked
 *                         by share
 * @param workload         when they start requests
 * @param attemptTimeoutNanos how long a client waits for one attempt, positive
 * @param deadlineNanos    the overall deadline of a logical request from its start, or 0 for none
 * @param pool             the most attempts of the group outstanding at once (a connection pool
 *                         shared by its clients), or {@link #UNLIMITED_POOL}
 */
public record ClientConfig(String name, int count, Map<String, Double> targets, Workload workload,
                           long attemptTimeoutNanos, long deadlineNanos, int pool) {

    /** No limit on the group's outstanding attempts. */
    public static final int UNLIMITED_POOL = Integer.MAX_VALUE;
    /** The most services one group may call. */
    public static final int MAX_TARGETS = LogicalRequests.MAX_TARGETS;
    /** How far the shares may add up to other than 1, for rounding in a file's percentages. */
    public static final double SHARE_TOLERANCE = 1e-9;

    /** A group calling one service, without a pool limit. */
    public ClientConfig(String name, int count, String target, Workload workload, long attemptTimeoutNanos,
                        long deadlineNanos) {
        this(name, count, Map.of(Objects.requireNonNull(target, "target"), 1.0), workload, attemptTimeoutNanos,
                deadlineNanos, UNLIMITED_POOL);
    }

    public ClientConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(targets, "targets");
        Objects.requireNonNull(workload, "workload");
        if (count < 1) {
            throw new IllegalArgumentException("count must be 1 or more, was " + count);
        }
        targets = Collections.unmodifiableMap(new LinkedHashMap<>(targets));
        requireShares(targets);
        if ((long) count * targets.size() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(count + " clients calling " + targets.size()
                    + " services are too many: at most " + (Integer.MAX_VALUE - 8) + " client-service pairs");
        }
        if (attemptTimeoutNanos <= 0) {
            throw new IllegalArgumentException("attempt timeout must be positive, was " + attemptTimeoutNanos + "ns");
        }
        if (deadlineNanos < 0) {
            throw new IllegalArgumentException("deadline must be zero (none) or positive, was " + deadlineNanos + "ns");
        }
        if (pool < 1) {
            throw new IllegalArgumentException("pool must be 1 or more attempts, was " + pool);
        }
    }

    private static void requireShares(Map<String, Double> targets) {
        if (targets.isEmpty() || targets.size() > MAX_TARGETS) {
            throw new IllegalArgumentException("a client group calls 1 to " + MAX_TARGETS + " services, not "
                    + targets.size());
        }
        double sum = 0.0;
        for (Map.Entry<String, Double> target : targets.entrySet()) {
            Objects.requireNonNull(target.getKey(), "target");
            double share = Objects.requireNonNull(target.getValue(), target.getKey());
            if (!(share > 0.0 && share <= 1.0)) {
                throw new IllegalArgumentException("the share of '" + target.getKey()
                        + "' must be above 0 and at most 1, was " + share);
            }
            sum += share;
        }
        if (Math.abs(sum - 1.0) > SHARE_TOLERANCE) {
            throw new IllegalArgumentException("the shares of the targets must add up to 1, they add up to " + sum);
        }
    }

    /** The same group with at most {@code size} attempts outstanding at once. */
    public ClientConfig withPool(int size) {
        return new ClientConfig(name, count, targets, workload, attemptTimeoutNanos, deadlineNanos, size);
    }

    /** The same group calling {@code shares} (service to share of the requests, in order). */
    public ClientConfig withTargets(Map<String, Double> shares) {
        return new ClientConfig(name, count, shares, workload, attemptTimeoutNanos, deadlineNanos, pool);
    }
}
