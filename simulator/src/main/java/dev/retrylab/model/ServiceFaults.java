package dev.retrylab.model;

import dev.retrylab.engine.random.DurationDistribution;
import dev.retrylab.fault.Fault;
import dev.retrylab.strategy.FailureKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * What the active faults do to one service right now, per replica. The service rebuilds it from
 * every active fault whenever one starts or ends ({@link #reset}, then {@link #apply} in start
 * order), so when faults of one type overlap on a replica, the latest to start applies until it
 * ends. An outage that refuses or errors answers each arriving attempt at once; a hanging outage
 * stalls the replica: attempts still queue (a stuck server still accepts connections), no worker
 * starts and no answer leaves, so clients time out and find a backlog when it ends. A rate limit on
 * every replica is one bucket for the service; rate-limit buckets live as long as their fault, so
 * another fault starting does not refill them. Not thread-safe.
 */
final class ServiceFaults {

    private final int workers;
    private final int[] groupSizes;
    private final Fault.OutageMode[] outage;
    private final boolean[] stalled;
    private final double[] brownoutProbability;
    private final FailureKind[] brownoutKind;
    private final double[] latencyMultiplier;
    private final DurationDistribution[] latencyAdded;
    private final int[] workersAvailable;
    private final TokenBucket[] replicaLimit;
    private final long[] replicaRetryAfter;
    private final List<TokenBucket> serviceLimits = new ArrayList<>();
    private final List<Long> serviceRetryAfter = new ArrayList<>();
    private final Map<Fault, Object> buckets = new IdentityHashMap<>();
    private TokenBucket[][] clientLimit;
    private long clientRetryAfter;
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
        this.replicaLimit = new TokenBucket[replicas];
        this.replicaRetryAfter = new long[replicas];
        reset();
    }

    /** No fault: every replica healthy. Rate-limit buckets of faults still active are kept. */
    void reset() {
        Arrays.fill(outage, null);
        Arrays.fill(stalled, false);
        Arrays.fill(brownoutProbability, 0.0);
        Arrays.fill(latencyMultiplier, 1.0);
        Arrays.fill(latencyAdded, null);
        Arrays.fill(workersAvailable, workers);
        Arrays.fill(replicaLimit, null);
        serviceLimits.clear();
        serviceRetryAfter.clear();
        clientLimit = null;
        partialFraction = 0.0;
    }

    /** Forgets the buckets of faults that are no longer active. */
    void retain(List<Fault> active) {
        buckets.keySet().retainAll(active.stream().map(f -> (Object) f).toList());
    }

    /** Applies active {@code fault} on its replicas. */
    void apply(Fault fault, long now) {
        if (fault instanceof Fault.PartialFailure p) {
            partialFraction = p.clientFraction();
            partialKind = p.kind();
            return;
        }
        if (fault instanceof Fault.RateLimit limit && limit.perClient()) {
            clientLimit = (TokenBucket[][]) buckets.computeIfAbsent(fault, f -> clientBuckets(limit, now));
            clientRetryAfter = limit.retryAfterNanos();
            return;
        }
        if (fault instanceof Fault.RateLimit limit && limit.replica() == Fault.ALL_REPLICAS) {
            serviceLimits.add((TokenBucket) buckets.computeIfAbsent(fault,
                    f -> new TokenBucket(limit.ratePerSecond(), now)));
            serviceRetryAfter.add(limit.retryAfterNanos());
            return;
        }
        int first = fault.replica() == Fault.ALL_REPLICAS ? 0 : fault.replica();
        int last = fault.replica() == Fault.ALL_REPLICAS ? outage.length - 1 : fault.replica();
        for (int r = first; r <= last; r++) {
            if (fault instanceof Fault.Outage o) {
                outage[r] = o.mode() == Fault.OutageMode.HANG ? null : o.mode();
                stalled[r] = o.mode() == Fault.OutageMode.HANG;
            } else if (fault instanceof Fault.Brownout b) {
                brownoutProbability[r] = b.probability();
                brownoutKind[r] = b.kind();
            } else if (fault instanceof Fault.LatencySpike l) {
                latencyMultiplier[r] = l.multiplier();
                latencyAdded[r] = l.added();
            } else if (fault instanceof Fault.CapacityLoss c) {
                workersAvailable[r] = Math.max(0, (int) Math.round(workers * (1.0 - c.fractionLost())));
            } else if (fault instanceof Fault.RateLimit limit) {
                replicaLimit[r] = (TokenBucket) buckets.computeIfAbsent(fault,
                        f -> new TokenBucket(limit.ratePerSecond(), now));
                replicaRetryAfter[r] = limit.retryAfterNanos();
            }
        }
    }

    private TokenBucket[][] clientBuckets(Fault.RateLimit limit, long now) {
        TokenBucket[][] perGroup = new TokenBucket[groupSizes.length][];
        for (int g = 0; g < groupSizes.length; g++) {
            perGroup[g] = new TokenBucket[groupSizes[g]];
            for (int c = 0; c < groupSizes[g]; c++) {
                perGroup[g][c] = new TokenBucket(limit.ratePerSecond(), now);
            }
        }
        return perGroup;
    }

    /** A refusing or erroring outage on the replica, or null; a hanging outage stalls workers instead. */
    Fault.OutageMode outage(int replica) {
        return outage[replica];
    }

    /** True while a hanging outage stalls the replica. */
    boolean stalled(int replica) {
        return stalled[replica];
    }

    /** The outcome an arriving attempt meets before any work, or -1 when it goes on. */
    long failureOnArrival(int replica, int group, int client, long now, RandomGenerator rng) {
        if (partialFraction > 0.0 && client < Math.round(partialFraction * groupSizes[group])) {
            return Outcome.failure(partialKind);
        }
        if (clientLimit != null && !clientLimit[group][client].tryTake(now)) {
            return Outcome.failure(FailureKind.RATE_LIMITED, clientRetryAfter);
        }
        for (int i = 0; i < serviceLimits.size(); i++) {
            if (!serviceLimits.get(i).tryTake(now)) {
                return Outcome.failure(FailureKind.RATE_LIMITED, serviceRetryAfter.get(i));
            }
        }
        if (replicaLimit[replica] != null && !replicaLimit[replica].tryTake(now)) {
            return Outcome.failure(FailureKind.RATE_LIMITED, replicaRetryAfter[replica]);
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
