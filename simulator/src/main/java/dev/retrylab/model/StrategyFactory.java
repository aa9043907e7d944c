package dev.retrylab.model;

import dev.retrylab.time.Clock;

/**
 * Makes a strategy's objects for one run, on that run's clock, so each run gets fresh breakers,
 * budgets and throttles keeping virtual time.
 */
@FunctionalInterface
public interface StrategyFactory {

    ClientStrategy create(Clock clock);
}
