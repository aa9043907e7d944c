package dev.retrylab.model;

import dev.retrylab.time.Clock;

/**
 * Makes a strategy's objects for one run, on that run's clock, so each run gets fresh breakers,
 * budgets and throttles keeping virtual time. Their scope is the client group, or each client
 * ({@link #perClient()}).
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

    /** {@code factory} with objects of its own for every client. */
    static StrategyFactory perClient(StrategyFactory factory) {
        return new StrategyFactory() {
            @Override
            public ClientStrategy create(Clock clock) {
                return factory.create(clock);
            }

            @Override
            public boolean perClient() {
                return true;
            }
        };
    }
}
