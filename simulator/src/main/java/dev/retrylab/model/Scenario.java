package dev.retrylab.model;

import dev.retrylab.fault.Fault;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A validated scenario: the services and the calls between them, the client groups, the fault
 * timeline, the strategies to compare, how long to run, the metric interval and the seed.
 * Immutable.
 *
 * @param strategies the strategies to compare, in the order given
 */
public record Scenario(String name, String description, long seed, long durationNanos, long intervalNanos,
                       List<ServiceConfig> services, List<ClientConfig> clients, List<Fault> faults,
                       Map<String, StrategyFactory> strategies, List<DownstreamCall> calls) {

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
        services = List.copyOf(services);
        clients = List.copyOf(clients);
        faults = List.copyOf(faults);
        calls = List.copyOf(calls);
        strategies = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(strategies));
        if (services.isEmpty() || clients.isEmpty() || strategies.isEmpty()) {
            throw new IllegalArgumentException("a scenario needs at least one service, client group and strategy");
        }
    }
}
