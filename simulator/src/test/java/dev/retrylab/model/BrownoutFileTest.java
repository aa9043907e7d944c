package dev.retrylab.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retrylab.scenario.ScenarioException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code scenarios/brownout.yaml}: from 20 s to 50 s the 30% of the shops on a failed shard get
 * 503 on every call and the others on one call in ten, so at most 70% of the requests can
 * succeed, 63% at the first attempt. A retry budget degrades with the brownout; a circuit breaker
 * shared by the shops opens and refuses the healthy requests too; a breaker per shop does not.
 * Measured from 25 s, once the breakers had time to open, to the end of the brownout. Shortened
 * to 60 s.
 */
class BrownoutFileTest {

    private static final double FROM_S = 25;
    private static final double TO_S = 50;

    @Test
    void brownoutWithPartialFailure_budgetDegrades_sharedBreakerRefusesTheHealthyRequestsToo()
            throws ScenarioException {
        Map<String, StrategyRun> runs = BundledRuns.runAll(BundledRuns.load("brownout.yaml",
                "duration: 90s", "duration: 60s"));
        double noRetry = successesPerRequest(runs.get("no-retry"));
        double retry = successesPerRequest(runs.get("retry"));
        double budget = successesPerRequest(runs.get("budget"));

        assertThat(noRetry).as("no-retry: 70% x 90%").isBetween(0.58, 0.68);
        assertThat(retry).as("retry: at most the 70% of healthy shops").isBetween(noRetry + 0.03, 0.71);
        assertThat(budget).as("budget: between no retries and retries").isBetween(noRetry - 0.01, retry);
        assertThat(attemptsPerRequest(runs.get("budget"))).as("budget: attempts per request")
                .isLessThan(attemptsPerRequest(runs.get("retry")) - 0.3);
        assertThat(successesPerRequest(runs.get("breaker"))).as("shared breaker: open for everyone")
                .isLessThan(0.05);
        assertThat(successesPerRequest(runs.get("client-breakers"))).as("a breaker per shop")
                .isGreaterThan(noRetry);
    }

    private static double successesPerRequest(StrategyRun run) {
        return BundledRuns.perRequest(run, "successes", FROM_S, TO_S);
    }

    private static double attemptsPerRequest(StrategyRun run) {
        return BundledRuns.perRequest(run, "attempts", FROM_S, TO_S);
    }
}
