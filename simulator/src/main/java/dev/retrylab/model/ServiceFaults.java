package dev.retrylab.model;

import dev.retrylab.engine.random.DurationDistribution;
import dev.retrylab.fault.Fault;
import dev.retrylab.strategy.FailureKind;
import java.util.random.RandomGenerator;

/**
 * The faults active on one service right now, per replica: what the fault timeline switched on
 * and not yet off. An outage that refuses or errors answers each arriving attempt at once; a
 * hanging outage stalls the replica: attempts still queue (a stuck server still accepts
 * connections) but no worker starts, so clients time out and find a backlog when it ends. When faults of one type overlap on a replica, the latest to start applies until
 * it ends. Not thread-safe.
 */
final class ServiceFaults {

    private final int workers;
    private final Fault.OutageMode[] outage;
    private final boolean[] stalled;
    private final double[] brownoutProbability;
    private final FailureKind[] brownoutKind;
    private final double[] latencyMultiplier;
    private final DurationDistribution[] latencyAdded;
    private final int[] workersAvailable;
    private final double[] ratePerSecond;
    private final long[] retryAfterNanos;
    private final double[] tokens;
    private final long[] lastRefillNanos;
    private double clientRate;
    private long clientRetryAfterNanos;
    private double[][] clientTokens;
    private long[][] clientRefillNanos;
    private final int[] groupSizes;
    private double partialFraction;
    private FailureKind partialKind;

    ServiceFaults(int replicas, int workers, int[] groupSizes) {
        this.workers = workers;
        this.groupSizes = groupSizes.clone();
        this.outage = new Fault.OutageMode[replicas];
        this.stalled = new boolean[replicas];
        this.brownoutProbability = new double[replicas];
        this.brownoutKind = new FailureKind[replicas];
        this.latencyMultiplier = new double[replicas];
        this.latencyAdded = new DurationDistribution[replicas];
        this.workersAvailable = new int[replicas];
        this.ratePerSecond = new double[replicas];
        this.retryAfterNanos = new long[replicas];
        this.tokens = new double[replicas];
        this.lastRefillNanos = new long[replicas];
        for (int r = 0; r < replicas; r++) {
            latencyMultiplier[r] = 1.0;
            workersAvailable[r] = workers;
        }
    }

    /** Switches {@code fault} on ({@code active}) or off on its replicas, at {@code now}. */
    void apply(Fault fault, boolean active, long now) {
        int first = fault.replica() == Fault.ALL_REPLICAS ? 0 : fault.replica();
        int last = fault.replica() == Fault.ALL_REPLICAS ? outage.length - 1 : fault.replica();
        for (int r = first; r <= last; r++) {
            if (fault instanceof Fault.Outage o) {
                outage[r] = active && o.mode() != Fault.OutageMode.HANG ? o.mode() : null;
                stalled[r] = active && o.mode() == Fault.OutageMode.HANG;
            } else if (fault instanceof Fault.Brownout b) {
                brownoutProbability[r] = active ? b.probability() : 0.0;
                brownoutKind[r] = b.kind();
            } else if (fault instanceof Fault.LatencySpike l) {
                latencyMultiplier[r] = active ? l.multiplier() : 1.0;
                latencyAdded[r] = active ? l.added() : null;
            } else if (fault instanceof Fault.CapacityLoss c) {
                workersAvailable[r] = active ? Math.max(0, (int) Math.round(workers * (1.0 - c.fractionLost())))
                        : workers;
            } else if (fault instanceof Fault.RateLimit limit && limit.perClient()) {
                startClientLimit(limit, active, now);
            } else if (fault instanceof Fault.RateLimit limit) {
                ratePerSecond[r] = active ? limit.ratePerSecond() : 0.0;
                retryAfterNanos[r] = limit.retryAfterNanos();
                tokens[r] = limit.ratePerSecond();
                lastRefillNanos[r] = now;
            }
        }
        if (fault instanceof Fault.PartialFailure p) {
            partialFraction = active ? p.clientFraction() : 0.0;
            partialKind = p.kind();
        }
    }

    /** A refusing or erroring outage on the replica, or null; a hanging outage stalls workers instead. */
    Fault.OutageMode outage(int replica) {
        return outage[replica];
    }

    private void startClientLimit(Fault.RateLimit limit, boolean active, long now) {
        clientRate = active ? limit.ratePerSecond() : 0.0;
        clientRetryAfterNanos = limit.retryAfterNanos();
        if (active) {
            clientTokens = new double[groupSizes.length][];
            clientRefillNanos = new long[groupSizes.length][];
            for (int g = 0; g < groupSizes.length; g++) {
                clientTokens[g] = new double[groupSizes[g]];
                java.util.Arrays.fill(clientTokens[g], limit.ratePerSecond());
                clientRefillNanos[g] = new long[groupSizes[g]];
                java.util.Arrays.fill(clientRefillNanos[g], now);
            }
        } else {
            clientTokens = null;
            clientRefillNanos = null;
        }
    }

    /** The outcome an arriving attempt meets before any work, or -1 when it goes on. */
    long failureOnArrival(int replica, int group, int client, long now, RandomGenerator rng) {
        if (partialFraction > 0.0 && client < Math.round(partialFraction * groupSizes[group])) {
            return Outcome.failure(partialKind);
        }
        if (clientRate > 0.0) {
            double[] tokens = clientTokens[group];
            long[] refilled = clientRefillNanos[group];
            tokens[client] = Math.min(clientRate, tokens[client] + (now - refilled[client]) / 1e9 * clientRate);
            refilled[client] = now;
            if (tokens[client] < 1.0) {
                return Outcome.failure(FailureKind.RATE_LIMITED, clientRetryAfterNanos);
            }
            tokens[client] -= 1.0;
        }
        if (ratePerSecond[replica] > 0.0) {
            double rate = ratePerSecond[replica];
            tokens[replica] = Math.min(rate, tokens[replica] + (now - lastRefillNanos[replica]) / 1e9 * rate);
            lastRefillNanos[replica] = now;
            if (tokens[replica] < 1.0) {
                return Outcome.failure(FailureKind.RATE_LIMITED, retryAfterNanos[replica]);
            }
            tokens[replica] -= 1.0;
        }
        if (brownoutProbability[replica] > 0.0 && rng.nextDouble() < brownoutProbability[replica]) {
            return Outcome.failure(brownoutKind[replica]);
        }
        return -1L;
    }

    /** The service time once a latency spike is applied. */
    long serviceTime(int replica, long baseNanos, RandomGenerator rng) {
        long time = latencyMultiplier[replica] == 1.0 ? baseNanos : (long) (baseNanos * latencyMultiplier[replica]);
        DurationDistribution added = latencyAdded[replica];
        return added == null ? time : time + added.sampleNanos(rng);
    }

    /** Workers that may start work: none while a hanging outage stalls the replica. */
    int workersAvailable(int replica) {
        return stalled[replica] ? 0 : workersAvailable[replica];
    }
}
