package dev.retrylab.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retrylab.engine.random.DurationDistribution;
import dev.retrylab.fault.Fault;
import dev.retrylab.metrics.RecoveryResult;
import dev.retrylab.strategy.backoff.Backoff;
import dev.retrylab.strategy.budget.RatioRetryBudget;
import dev.retrylab.strategy.retry.RetryPolicy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A short stall under immediate retries leaves the service degraded long after it ends: the
 * backlog makes every attempt time out, the server keeps working on abandoned attempts, and the
 * retries keep the offered load above capacity. The same scenario without retries, or with a
 * retry budget, recovers. Nothing about the storm is scripted: only the 5 s stall is.
 */
class MetastabilityTest {

    private static final long SECOND = 1_000_000_000L;

    static Scenario retryStorm() {
        RetryPolicy immediate = RetryPolicy.builder().maxAttempts(5).backoff(Backoff.none()).build();
        Map<String, StrategyFactory> strategies = new LinkedHashMap<>();
        strategies.put("no-retry", clock -> ClientStrategy.of("no-retry", RetryPolicy.builder().maxAttempts(1).build()));
        strategies.put("retries", clock -> ClientStrategy.of("retries", immediate));
        strategies.put("budget", clock -> new ClientStrategy("budget", immediate,
                RatioRetryBudget.finagleDefaults(clock), null, null));
        return new Scenario("retry-storm", "a 5 s stall at 70% load", 7L, 120 * SECOND, SECOND,
                List.of(new ServiceConfig("api", 1, 10, ServiceConfig.UNBOUNDED,
                        DurationDistribution.exponential(Duration.ofMillis(10)), 0L, Duration.ofMillis(1).toNanos(),
                        false, LoadBalancing.ROUND_ROBIN, 0.0, dev.retrylab.strategy.FailureKind.UNAVAILABLE)),
                List.of(new ClientConfig("agents", 1_000, "api", new Workload.OpenLoop(700),
                        Duration.ofMillis(200).toNanos(), 0L)),
                List.of(new Fault.Outage("api", Fault.ALL_REPLICAS, 20 * SECOND, 25 * SECOND, Fault.OutageMode.HANG)),
                strategies);
    }

    private static RecoveryResult recoveryOf(StrategyRun run) {
        return run.summary().recovery().get(0);
    }

    @Test
    void shortStall_underImmediateRetries_neverRecovers_whileNoRetryAndABudgetDo() {
        List<StrategyRun> runs = ScenarioRunner.runAll(retryStorm(), 0L, 2);
        StrategyRun noRetry = runs.get(0);
        StrategyRun immediate = runs.get(1);
        StrategyRun budget = runs.get(2);

        assertThat(recoveryOf(immediate).recoveredAfterS()).as("immediate retries: metastable").isNull();
        assertThat(immediate.summary().amplification()).isGreaterThan(3.0);
        assertThat(immediate.summary().services().get("api").wastedWorkS()).isGreaterThan(10.0);

        assertThat(recoveryOf(noRetry).recoveredAfterS()).as("no retries").isNotNull().isLessThan(30.0);
        assertThat(recoveryOf(budget).recoveredAfterS()).as("retry budget").isNotNull().isLessThan(60.0);
        for (StrategyRun run : runs) {
            assertThat(run.summary().requests()).isGreaterThan(80_000);
        }
    }

    @Test
    void sameScenarioAndSeed_giveIdenticalSummariesWhateverTheThreadCount() {
        Scenario scenario = retryStorm();
        assertThat(ScenarioRunner.runAll(scenario, 0L, 1)).extracting(StrategyRun::summary)
                .isEqualTo(ScenarioRunner.runAll(scenario, 0L, 3).stream().map(StrategyRun::summary).toList());
    }
}
