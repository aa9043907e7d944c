package dev.retrylab.model;

import dev.retrylab.engine.random.RandomStreamArray;
import java.util.Collection;

/**
 * Picks the service each new logical request of a client group calls, by the targets' shares.
 * Every client draws from a stream of its own, so a client's n-th request calls the same service
 * whatever strategy runs (common random numbers) for every workload: in a closed loop the order
 * in which clients start requests depends on the strategy, so draws shared by the group would
 * reach different requests. Not thread-safe; allocation-free.
 */
final class TargetChoice {

    private final double[] cumulative;
    private final RandomStreamArray streams;

    /**
     * @param shares  each target's share of the requests, in the group's order, adding up to 1
     * @param streams one stream per client of the group
     */
    TargetChoice(Collection<Double> shares, RandomStreamArray streams) {
        this.cumulative = new double[shares.size()];
        double sum = 0.0;
        int i = 0;
        for (double share : shares) {
            sum += share;
            cumulative[i++] = sum;
        }
        this.streams = streams;
    }

    /** The index of the target of {@code client}'s next request. */
    int pick(int client) {
        double u = streams.nextDouble(client) * cumulative[cumulative.length - 1];
        for (int target = 0; target < cumulative.length - 1; target++) {
            if (u < cumulative[target]) {
                return target;
            }
        }
        return cumulative.length - 1;
    }
}
