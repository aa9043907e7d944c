package dev.retrylab.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.retrylab.metrics.RunSummary;
import dev.retrylab.scenario.ScenarioException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code scenarios/bulkhead.yaml}: users call a fast api (80% of the requests) and reports (20%)
 * through one pool of 20 connections. From 20 s to 40 s every reports attempt takes 2 s to 4 s
 * longer, beyond its 1 s timeout, so no reports request succeeds then and reports alone would need
 * 40 connections. Every success of the slowdown is therefore an api request's, and the api's
 * success rate there is the successes per request over its share. Measured from 25 s, once the
 * breaker has opened and the api requests queued before it have been sent, to the end of the
 * slowdown. The file runs as it is (12,000 requests per strategy).
 */
class BulkheadFileTest {

    private static final double API_SHARE = 0.8;
    private static final double FROM_S = 25;
    private static final double TO_S = 40;

    @Test
    void slowDependencyInASharedPool_bulkheadOnIt_keepsTheApiHealthy() throws ScenarioException {
        Map<String, StrategyRun> runs = BundledRuns.runAll(BundledRuns.load("bulkhead.yaml"));
        StrategyRun shared = runs.get("shared-pool");
        StrategyRun bulkhead = runs.get("bulkhead");
        StrategyRun breaker = runs.get("breaker");

        assertThat(apiSuccessRate(bulkhead)).as("bulkhead: api success during the slowdown").isGreaterThan(0.95);
        assertThat(apiSuccessRate(breaker)).as("breaker: api success during the slowdown").isGreaterThan(0.95);
        assertThat(apiSuccessRate(shared)).as("shared pool: api success during the slowdown").isLessThan(0.65);

        // without the bulkhead, api requests wait for a connection until their deadline and are never sent
        double apiRequestsOfTheSlowdown = API_SHARE * BundledRuns.sum(shared, "requests", 20, 40);
        double neverSent = apiAttempts(bulkhead) - apiAttempts(shared);
        assertThat(neverSent).as("api requests never sent without the bulkhead")
                .isGreaterThan(0.3 * apiRequestsOfTheSlowdown);
        // with the breaker, too, every api request is sent in the end
        assertThat(apiAttempts(breaker)).isCloseTo(apiAttempts(bulkhead), within(5L));

        RunSummary withBulkhead = bulkhead.summary();
        RunSummary withoutBulkhead = shared.summary();
        assertThat(withBulkhead.failures().rejected()).as("reports calls refused by the bulkhead").isPositive();
        assertThat(withoutBulkhead.failures().rejected()).isZero();
        assertThat(withBulkhead.successRate()).isGreaterThan(withoutBulkhead.successRate() + 0.05);
        assertThat(reportsWastedWorkS(bulkhead)).as("reports: work nobody waits for")
                .isLessThan(0.75 * reportsWastedWorkS(shared));
        assertThat(reportsWastedWorkS(breaker)).isLessThan(reportsWastedWorkS(bulkhead));
    }

    private static double apiSuccessRate(StrategyRun run) {
        return BundledRuns.perRequest(run, "successes", FROM_S, TO_S) / API_SHARE;
    }

    private static long apiAttempts(StrategyRun run) {
        return run.summary().services().get("api").attempts();
    }

    private static double reportsWastedWorkS(StrategyRun run) {
        return run.summary().services().get("reports").wastedWorkS();
    }
}
