package dev.retrylab.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retrylab.metrics.RunSummary;
import dev.retrylab.scenario.ScenarioException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code scenarios/fallback.yaml}: 1000 dashboards refresh every 2 s, each at its own phase, and
 * the service answers 503 to everything from 20 s to 40 s, a third of the run. A fallback answers
 * a failed refresh from the cache when the dashboard's last success is at most the ttl old; it
 * comes after the failure, so it changes nothing the service or the success rate sees. The file
 * runs as it is (30,000 requests per strategy).
 */
class FallbackFileTest {

    private static final int DASHBOARDS = 1000;
    private static final List<String> SAME_RETRIES = List.of("retries", "cache-1m", "cache-5s");

    @Test
    void outage_fallbackToACache_answersFailuresWhileFreshAndLeavesTheSuccessRateLive() throws ScenarioException {
        Map<String, StrategyRun> runs = BundledRuns.runAll(BundledRuns.load("fallback.yaml"));
        RunSummary retries = runs.get("retries").summary();
        RunSummary longTtl = runs.get("cache-1m").summary();
        RunSummary shortTtl = runs.get("cache-5s").summary();
        RunSummary breaker = runs.get("breaker-cache").summary();

        for (String name : SAME_RETRIES) {
            RunSummary summary = runs.get(name).summary();
            assertThat(summary.successRate()).as("%s: the live success rate", name).isBetween(0.64, 0.69);
            assertThat(summary.successes()).as("%s: successes", name).isEqualTo(retries.successes());
            assertThat(summary.attempts()).as("%s: attempts", name).isEqualTo(retries.attempts());
        }
        assertThat(retries.fallbacks()).isZero();
        // every dashboard's last success came at most 2 s before the outage, which lasts 20 s
        assertThat(longTtl.fallbacks()).isEqualTo(longTtl.failures().total());
        assertThat(longTtl.failures().total()).isGreaterThan(longTtl.requests() / 4);
        // a failure ends within 0.4 s of its refresh: those 2 s and 4 s after the last success are
        // within 5 s of it, the next at 6 s is not
        assertThat(shortTtl.fallbacks()).isEqualTo(2L * DASHBOARDS);

        assertThat(breaker.fallbacks()).as("breaker: refusals answered too").isEqualTo(breaker.failures().total());
        assertThat(breaker.failures().circuitOpen()).isGreaterThan(breaker.failures().total() / 2);
        assertThat(breaker.successRate()).isGreaterThan(retries.successRate() - 0.02);
        assertThat(breaker.attempts()).isLessThan(retries.attempts() / 2);
        assertThat(breaker.latencyMs().p99()).as("breaker: the cache answers at once")
                .isLessThan(0.5 * retries.latencyMs().p99());
    }
}
