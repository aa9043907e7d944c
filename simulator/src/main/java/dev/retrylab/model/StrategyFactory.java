package dev.retrylab.model;

import dev.retrylab.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Makes a strategy's objects for one run, on that run's clock, so each run gets fresh breakers,
 * budgets and throttles keeping virtual time. Their scope is the client group, or each client
 * ({@link #perClient()}); a group calling several services gets a set of its own for each, made
 * by {@link #forTarget} (a contextual strategy: one per dependency).
 */
@FunctionalInterface
public interface StrategyFactory {

    ClientStrategy create(Clock clock);

    /**
     * Whether each client gets objects of its own (its own breaker, budget, throttle), made on
     * its first request; otherwise a client group shares one set. Default: shared by the group.
     */
    default boolean perClient() {
        return false;
    }

    /**
     * The factory of the objects for calls to {@code service}. Default: this one; each service a
     * group calls still gets objects of its own, so a breaker open for one dependency does not
     * refuse calls to another.
     */
    default StrategyFactory forTarget(String service) {
        return this;
    }

    /** {@code factory} with objects of its own for every client. */
    static StrategyFactory perClient(StrategyFactory factory) {
        Objects.requireNonNull(factory, "factory");
        return new StrategyFactory() {
            @Override
            public ClientStrategy create(Clock clock) {
                return factory.create(clock);
            }

            @Override
            public boolean perClient() {
                return true;
            }

            @Override
            public StrategyFactory forTarget(String service) {
                return factory.forTarget(service);
            }
        };
    }

    /**
     * {@code base}, except for the services of {@code perTarget}, which get their own factory;
     * the scope is {@code base}'s.
     */
    static StrategyFactory perTarget(StrategyFactory base, Map<String, StrategyFactory> perTarget) {
        Objects.requireNonNull(base, "base");
        Map<String, StrategyFactory> byService = new LinkedHashMap<>(perTarget);
        byService.forEach((service, factory) -> Objects.requireNonNull(factory, service));
        return new StrategyFactory() {
            @Override
            public ClientStrategy create(Clock clock) {
                return base.create(clock);
            }

            @Override
            public boolean perClient() {
                return base.perClient();
            }

            @Override
            public StrategyFactory forTarget(String service) {
                return byService.getOrDefault(service, base);
            }
        };
    }
}
