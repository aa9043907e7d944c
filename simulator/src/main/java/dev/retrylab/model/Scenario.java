package dev.retrylab.model;

import dev.retrylab.fault.Fault;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A validated scenario: the services and the calls between them, the client groups, the fault
 * timeline, the strategies to compare, how long to run, the metric interval, the seed and how
 * many replications to run. Immutable.
 *
 * @param strategies   the strategies to compare, in the order given
 * @param replications independent runs per strategy, 1 to {@value #MAX_REPLICATIONS}; replication
 *                     r of every strategy meets the same random streams
 * @param herd         where attempts are counted in short buckets for the herd chart; null for
 *                     the default {@linkplain HerdWindow#around window} around {@linkplain
 *                     HerdWindow#defaultInstant the end of the first fault}
 */
public record Scenario(String name, String description, long seed, long durationNanos, long intervalNanos,
                       List<ServiceConfig> services, List<ClientConfig> clients, List<Fault> faults,
                       Map<String, StrategyFactory> strategies, List<DownstreamCall> calls, int replications,
                       HerdWindow herd) {

    /** The most replications a scenario may ask for. */
    public static final int MAX_REPLICATIONS = 1000;

    /** A scenario with the default herd window. */
    public Scenario(String name, String description, long seed, long durationNanos, long intervalNanos,
                    List<ServiceConfig> services, List<ClientConfig> clients, List<Fault> faults,
                    Map<String, StrategyFactory> strategies, List<DownstreamCall> calls, int replications) {
        this(name, description, seed, durationNanos, intervalNanos, services, clients, faults, strategies, calls,
                replications, null);
    }

    /** A scenario with one replication. */
    public Scenario(String name, String description, long seed, long durationNanos, long intervalNanos,
                    List<ServiceConfig> services, List<ClientConfig> clients, List<Fault> faults,
                    Map<String, StrategyFactory> strategies, List<DownstreamCall> calls) {
        this(name, description, seed, durationNanos, intervalNanos, services, clients, faults, strategies, calls, 1);
    }

    /** A scenario whose services call no other service. */
    public Scenario(String name, String description, long seed, long durationNanos, long intervalNanos,
                    List<ServiceConfig> services, List<ClientConfig> clients, List<Fault> faults,
                    Map<String, StrategyFactory> strategies) {
        this(name, description, seed, durationNanos, intervalNanos, services, clients, faults, strategies, List.of());
    }

    public Scenario {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        if (durationNanos <= 0 || intervalNanos <= 0) {
            throw new IllegalArgumentException("duration and interval must be positive");
        }
        if (replications < 1 || replications > MAX_REPLICATIONS) {
            throw new IllegalArgumentException("replications must be from 1 to " + MAX_REPLICATIONS + ", was "
                    + replications);
        }
        services = List.copyOf(services);
        clients = List.copyOf(clients);
        faults = List.copyOf(faults);
        if (herd == null) {
            herd = HerdWindow.around(HerdWindow.defaultInstant(faults));
        }
        calls = List.copyOf(calls);
        strategies = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(strategies));
        if (services.isEmpty() || clients.isEmpty() || strategies.isEmpty()) {
            throw new IllegalArgumentException("a scenario needs at least one service, client group and strategy");
        }
    }
}
