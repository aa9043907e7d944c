package dev.retrylab.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retrylab.scenario.ScenarioException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code scenarios/multi-tier.yaml}: users, frontend, backend and database each retry a failed
 * call up to three times, and the database browns out (80% of attempts fail) from 20 s to 30 s.
 * The file's arithmetic: a user request costs the database 5 attempts during the brownout (4.3
 * when users do not retry) instead of 1, and a frontend attempt fails with probability
 * 0.51^3 = 0.13. Measured against the same scenario without the brownout (same seed, so the same
 * arrivals), over the brownout's requests. Shortened to 35 s.
 */
class MultiTierFileTest {

    private static final String BROWNOUT =
            "  - {type: brownout, service: db, start: 20s, end: 30s, probability: 80%, kind: unavailable}\n";
    private static final String SHORTER = "duration: 60s";

    @Test
    void dbBrownout_threeLayersOfRetries_multiplyTheDatabaseAttempts() throws ScenarioException {
        Map<String, StrategyRun> faulty = BundledRuns.runAll(BundledRuns.load("multi-tier.yaml",
                SHORTER, "duration: 35s"));
        Map<String, StrategyRun> healthy = BundledRuns.runAll(BundledRuns.load("multi-tier.yaml",
                SHORTER, "duration: 35s", "faults:\n" + BROWNOUT, ""));

        double threeTries = extraDbAttemptsPerBrownoutRequest(faulty.get("three-tries"),
                healthy.get("three-tries"));
        double noRetry = extraDbAttemptsPerBrownoutRequest(faulty.get("no-retry"), healthy.get("no-retry"));
        assertThat(threeTries).as("three-tries: 5 - 1 extra database attempts per request").isBetween(3.0, 5.0);
        assertThat(noRetry).as("no-retry: 4.3 - 1 extra database attempts per request").isBetween(2.5, 4.3);

        assertThat(failedPerBrownoutRequest(faulty.get("no-retry"))).as("no-retry: 13% of them fail")
                .isBetween(0.09, 0.17);
        assertThat(failedPerBrownoutRequest(faulty.get("three-tries"))).as("three-tries: 0.13^3 of them fail")
                .isLessThan(0.02);
    }

    private static double extraDbAttemptsPerBrownoutRequest(StrategyRun faulty, StrategyRun healthy) {
        long extra = dbAttempts(faulty) - dbAttempts(healthy);
        return extra / brownoutRequests(faulty);
    }

    /** Requests fail only during the brownout. */
    private static double failedPerBrownoutRequest(StrategyRun run) {
        return run.summary().failures().total() / brownoutRequests(run);
    }

    private static long dbAttempts(StrategyRun run) {
        return run.summary().services().get("db").attempts();
    }

    private static double brownoutRequests(StrategyRun run) {
        return BundledRuns.sum(run, "requests", 20, 30);
    }
}
