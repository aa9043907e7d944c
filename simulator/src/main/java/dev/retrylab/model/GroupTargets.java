package dev.retrylab.model;

import dev.retrylab.engine.random.RandomStreamArray;
import dev.retrylab.strategy.breaker.CircuitState;
import dev.retrylab.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The services a client group calls, by index in the order of {@link ClientConfig#targets()},
 * and the strategy objects for each: a set per service (a breaker open for one dependency must not
 * refuse calls to another), shared by the group's clients or, when the factory scopes them per
 * client, made for a client on its first request to that service. Picks the target of each new
 * request ({@link TargetChoice}) and reports breakers opening and closing to the recorder. Not
 * thread-safe.
 */
final class GroupTargets {

    private final StrategyFactory[] factories;
    private final ClientStrategy[] shared;
    private final ClientStrategy[] perClient;
    private final int count;
    private final TargetChoice choice;
    private final Clock clock;
    private final RunRecorder recorder;
    private ServiceModel[] services;
    private int[] serviceIndices;

    /**
     * @param streams one stream per client to pick targets from; null when the group calls one
     *                service
     */
    GroupTargets(ClientConfig config, StrategyFactory factory, RandomStreamArray streams, Clock clock,
                 RunRecorder recorder) {
        List<String> names = new ArrayList<>(config.targets().keySet());
        this.count = names.size();
        this.choice = count == 1 ? null : new TargetChoice(config.targets().values(), streams);
        this.clock = clock;
        this.recorder = recorder;
        this.factories = new StrategyFactory[count];
        this.shared = new ClientStrategy[count];
        this.perClient = factory.perClient() ? new ClientStrategy[config.count() * count] : null;
        for (int target = 0; target < count; target++) {
            factories[target] = factory.forTarget(names.get(target));
            shared[target] = watched(factories[target].create(clock), perClient == null ? config.count() : 1);
        }
    }

    /** Connects the targets to their services, in the same order. */
    void connect(ServiceModel[] targets) {
        this.services = targets.clone();
        this.serviceIndices = new int[targets.length];
        for (int target = 0; target < targets.length; target++) {
            serviceIndices[target] = targets[target].index();
        }
    }

    int count() {
        return count;
    }

    /** The target of {@code client}'s next request; always 0 with one target. */
    int pick(int client) {
        return choice == null ? 0 : choice.pick(client);
    }

    ServiceModel service(int target) {
        return services[target];
    }

    /** The index in the system of target {@code target}'s service. */
    int serviceIndex(int target) {
        return serviceIndices[target];
    }

    /** The objects {@code client} uses for calls to target {@code target}. */
    ClientStrategy strategy(int client, int target) {
        if (perClient == null) {
            return shared[target];
        }
        int slot = client * count + target;
        ClientStrategy own = perClient[slot];
        if (own == null) {
            own = watched(factories[target].create(clock), 1);
            perClient[slot] = own;
        }
        return own;
    }

    /** True when the strategy of some target hedges. */
    boolean anyHedge() {
        for (ClientStrategy settings : shared) {
            if (settings.hedge() != null) {
                return true;
            }
        }
        return false;
    }

    /** True when the strategy of some target has a bulkhead. */
    boolean anyBulkhead() {
        for (ClientStrategy settings : shared) {
            if (settings.bulkhead() != null) {
                return true;
            }
        }
        return false;
    }

    /** True when the strategy of some target falls back to a cache. */
    boolean anyFallback() {
        for (ClientStrategy settings : shared) {
            if (settings.cacheTtlNanos() > 0) {
                return true;
            }
        }
        return false;
    }

    /** Reports when the strategy's breaker opens or leaves open, for the {@code clients} it serves. */
    private ClientStrategy watched(ClientStrategy strategy, int clients) {
        if (strategy.breaker() != null) {
            strategy.breaker().addListener(change -> {
                if (change.to() == CircuitState.OPEN) {
                    recorder.openBreakers(clients, change.atNanos());
                } else if (change.from() == CircuitState.OPEN) {
                    recorder.openBreakers(-clients, change.atNanos());
                }
            });
        }
        return strategy;
    }
}
