package dev.retrylab.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retrylab.scenario.ScenarioException;
import dev.retrylab.scenario.ScenarioLoader;
import dev.retrylab.strategy.GiveUpReason;
import org.junit.jupiter.api.Test;

/**
 * Clients calling a fast api and a slow reports service through one pool of 20 connections. Every
 * reports attempt times out after 1 s, so reports alone would need 30/s x 1 s = 30 connections:
 * more than the pool. Without a bulkhead they fill it, the first-in-first-out queue grows until
 * waits reach the 2 s deadline, and api requests queued behind them time out. A bulkhead of 10 on
 * reports keeps 10 connections for the api, whose 70/s x 5 ms need well under one.
 */
class BulkheadContainmentTest {

    private static final String FILE = String.join("\n",
            "duration: 60s",
            "services:",
            "  api: {workers: 100, serviceTime: 5ms}",
            "  reports: {workers: 100, serviceTime: 2s}",
            "clients:",
            "  users:",
            "    count: 500",
            "    targets: {api: 70%, reports: 30%}",
            "    workload: {open: 100/s}",
            "    timeout: 1s",
            "    deadline: 2s",
            "    pool: 20",
            "strategies:",
            "  shared-pool: {maxAttempts: 1}",
            "  bulkhead:",
            "    maxAttempts: 1",
            "    perTarget:",
            "      reports: {maxAttempts: 1, bulkhead: {maxConcurrent: 10}}",
            "");

    private static FeatureTally run(Scenario scenario, String strategy) {
        FeatureTally tally = new FeatureTally(2);
        SimulatedSystem.Builder builder = SimulatedSystem.builder(scenario.seed(), 0L).recorder(tally);
        scenario.services().forEach(builder::service);
        scenario.clients().forEach(clients -> builder.clients(clients, scenario.strategies().get(strategy)));
        SimulatedSystem system = builder.build();
        system.runUntil(scenario.durationNanos());
        tally.assertConserved(system);
        // a reports attempt never beats its 1 s timeout, so every success is an api request's
        assertThat(system.services().get("reports").served()).isPositive();
        return tally;
    }

    private static double apiSuccessRate(FeatureTally tally) {
        return (double) tally.successes / tally.requestsPerService[0];
    }

    @Test
    void bulkheadOnTheSlowService_keepsTheHealthyOneHealthy() throws ScenarioException {
        Scenario scenario = ScenarioLoader.parse("containment.yaml", FILE);
        FeatureTally shared = run(scenario, "shared-pool");
        FeatureTally bulkhead = run(scenario, "bulkhead");

        // with the bulkhead the api never waits: all its requests succeed but the few in flight at the end
        assertThat(apiSuccessRate(bulkhead)).isGreaterThan(0.99);
        assertThat(bulkhead.giveUps(GiveUpReason.REJECTED)).as("reports requests beyond the bulkhead").isPositive();
        // without it, api requests queue behind reports attempts and many reach their deadline
        assertThat(apiSuccessRate(shared)).isLessThan(0.8);
        assertThat(shared.giveUps(GiveUpReason.DEADLINE)).isGreaterThan(shared.requestsPerService[0] / 10);
        assertThat(shared.maxOutstanding).isEqualTo(20);
        assertThat(bulkhead.maxOutstanding).isLessThanOrEqualTo(20);
    }

    @Test
    void containmentScenario_givesTheSameSummariesWhateverTheThreads() throws ScenarioException {
        Scenario scenario = ScenarioLoader.parse("containment.yaml", FILE);
        assertThat(ScenarioRunner.runAll(scenario, 0L, 2)).extracting(StrategyRun::summary)
                .isEqualTo(ScenarioRunner.runAll(scenario, 0L, 1).stream().map(StrategyRun::summary).toList());
    }
}
