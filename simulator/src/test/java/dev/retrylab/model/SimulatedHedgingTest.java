package dev.retrylab.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retrylab.engine.random.DurationDistribution;
import dev.retrylab.metrics.ColumnNames;
import dev.retrylab.strategy.hedge.HedgePolicy;
import dev.retrylab.strategy.retry.RetryPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hedging against a slow tail: 1% of service times take a second. One hedge after 20 ms cuts the
 * tail to about 20 ms plus a fast service time, for roughly 1% extra attempts.
 */
class SimulatedHedgingTest {

    private static final long SECOND = 1_000_000_000L;

    private static Scenario tail(boolean hedged) {
        StrategyFactory strategy = clock -> new ClientStrategy(hedged ? "hedged" : "plain",
                RetryPolicy.builder().maxAttempts(1).build(), null, null, null,
                hedged ? HedgePolicy.fixedDelay(1, Duration.ofMillis(20)) : null);
        return new Scenario("tail", "", 31L, 60 * SECOND, SECOND,
                List.of(ServiceConfig.queue("api", 1_000, DurationDistribution.mixture(0.99,
                        DurationDistribution.constant(Duration.ofMillis(2)),
                        DurationDistribution.constant(Duration.ofSeconds(1))))),
                List.of(new ClientConfig("users", 100, "api", new Workload.OpenLoop(200), 10 * SECOND, 0L)),
                List.of(), Map.of(hedged ? "hedged" : "plain", strategy));
    }

    @Test
    void oneHedge_cutsTheTailForAboutOnePercentMoreAttempts() {
        StrategyRun plain = ScenarioRunner.run(tail(false), "plain", 0L);
        StrategyRun hedged = ScenarioRunner.run(tail(true), "hedged", 0L);
        assertThat(plain.summary().latencyMs().p999()).isGreaterThan(900.0);
        assertThat(hedged.summary().latencyMs().p999()).isLessThan(30.0);
        assertThat(hedged.summary().successRate()).isEqualTo(1.0);
        long hedges = hedged.series().total(hedged.series().column(ColumnNames.HEDGES));
        long requests = hedged.summary().requests();
        // a hedge starts when the first attempt is slow: 1% of requests, +- 4 standard deviations
        double sd = Math.sqrt(requests * 0.01 * 0.99);
        assertThat((double) hedges).isBetween(requests * 0.01 - 4 * sd, requests * 0.01 + 4 * sd);
        assertThat(hedged.summary().attempts()).isEqualTo(requests + hedges);
        assertThat(hedged.summary().services().get("api").wastedWorkS()).as("abandoned slow attempts run on")
                .isGreaterThan(0.5 * hedges);
    }
}
