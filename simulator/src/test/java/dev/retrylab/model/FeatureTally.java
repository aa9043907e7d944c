package dev.retrylab.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retrylab.strategy.FailureKind;
import dev.retrylab.strategy.GiveUpReason;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A recorder for the tests of targets, pools, bulkheads and fallbacks. It counts requests per
 * service and keeps each client's sequence of services, the order in which clients started
 * requests, outcomes with their latencies, and by its own count the most attempts outstanding at
 * once (started and not yet succeeded or failed; valid without hedging) and the most busy workers
 * of each service.
 */
final class FeatureTally implements RunRecorder {

    final Map<Integer, List<Integer>> servicesByClient = new HashMap<>();
    final List<Integer> startingClients = new ArrayList<>();
    final long[] requestsPerService;
    final int[] maxBusy;
    final Map<GiveUpReason, Long> giveUps = new EnumMap<>(GiveUpReason.class);
    final Map<FailureKind, Long> lastKinds = new EnumMap<>(FailureKind.class);
    final List<Long> successLatencies = new ArrayList<>();
    final List<Long> failureLatencies = new ArrayList<>();
    final List<Long> fallbackTimes = new ArrayList<>();
    long requests;
    long attempts;
    long hedges;
    long successes;
    long failures;
    int outstanding;
    int maxOutstanding;

    FeatureTally(int services) {
        this.requestsPerService = new long[services];
        this.maxBusy = new int[services];
    }

    @Override
    public void requestStarted(long nowNanos) {
        throw new AssertionError("the model reports the client and the service of each request");
    }

    @Override
    public void requestStarted(long nowNanos, int client, int service) {
        requests++;
        requestsPerService[service]++;
        servicesByClient.computeIfAbsent(client, c -> new ArrayList<>()).add(service);
        startingClients.add(client);
    }

    @Override
    public void attemptStarted(long nowNanos, boolean retry) {
        attempts++;
        outstanding++;
        maxOutstanding = Math.max(maxOutstanding, outstanding);
    }

    @Override
    public void hedgeStarted(long nowNanos) {
        hedges++;
    }

    @Override
    public void attemptFailed(long nowNanos, FailureKind kind, long latencyNanos) {
        outstanding--;
    }

    @Override
    public void attemptSucceeded(long nowNanos, long latencyNanos) {
        outstanding--;
    }

    @Override
    public void requestSucceeded(long nowNanos, long latencyNanos, int attemptsMade) {
        successes++;
        successLatencies.add(latencyNanos);
    }

    @Override
    public void requestFailed(long nowNanos, long latencyNanos, int attemptsMade, FailureKind lastKind,
                              GiveUpReason reason) {
        failures++;
        failureLatencies.add(latencyNanos);
        giveUps.merge(reason, 1L, Long::sum);
        lastKinds.merge(lastKind, 1L, Long::sum);
    }

    @Override
    public void servedFromCache(long nowNanos) {
        fallbackTimes.add(nowNanos);
    }

    @Override
    public void serviceLoad(int service, int queued, int busy, long nowNanos) {
        maxBusy[service] = Math.max(maxBusy[service], busy);
    }

    long giveUps(GiveUpReason reason) {
        return giveUps.getOrDefault(reason, 0L);
    }

    /** Checks conservation: every request started succeeded, failed or is still in flight. */
    void assertConserved(SimulatedSystem system) {
        assertThat(requests).as("requests = successes + failures + in flight")
                .isEqualTo(successes + failures + system.inFlight());
    }
}
