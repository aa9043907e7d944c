package dev.retrylab.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.retrylab.metrics.RunSummary;
import dev.retrylab.scenario.ScenarioException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code scenarios/rate-limited-agents.yaml}: agents sharing a model API limited to 50 requests
 * per second that answers 429 with Retry-After. The limit decides the goodput whatever the agents
 * do; honouring the hint costs the fewest attempts and gives up the fewest requests. The file
 * runs as it is (200 agents in a closed loop are cheap).
 */
class RateLimitedAgentsFileTest {

    @Test
    void rateLimitedApi_agentsHonouringRetryAfter_succeedMoreWithFewerAttempts() throws ScenarioException {
        Map<String, StrategyRun> runs = BundledRuns.runAll(BundledRuns.load("rate-limited-agents.yaml"));
        RunSummary honor = runs.get("honor-retry-after").summary();
        RunSummary ignore = runs.get("ignore-retry-after").summary();
        RunSummary immediate = runs.get("immediate").summary();
        RunSummary awsBudget = runs.get("aws-budget").summary();

        for (StrategyRun run : runs.values()) {
            assertThat(run.summary().goodputPerS()).as("%s: goodput is the limit's", run.summary().name())
                    .isCloseTo(honor.goodputPerS(), withinPercentage(10));
        }
        assertThat(honor.successRate()).isGreaterThan(ignore.successRate() + 0.03);
        assertThat(ignore.successRate()).isGreaterThan(immediate.successRate());
        assertThat(honor.amplification()).isLessThan(0.75 * ignore.amplification());
        assertThat(immediate.amplification()).isGreaterThan(ignore.amplification());
        assertThat(awsBudget.amplification()).as("the budget stops retrying").isLessThan(honor.amplification());
    }
}
