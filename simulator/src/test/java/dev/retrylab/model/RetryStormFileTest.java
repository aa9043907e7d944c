package dev.retrylab.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retrylab.scenario.BundledScenarios;
import dev.retrylab.scenario.ScenarioException;
import dev.retrylab.scenario.ScenarioLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code scenarios/retry-storm.yaml} is the scenario {@link MetastabilityTest} builds in code: the
 * same configuration, and strategies that behave the same. The runs are cut to 30 s (the stall
 * is 20 s to 25 s) to keep the test fast. The strategies only the file has are checked on their
 * own.
 */
class RetryStormFileTest {

    private static final long RUN_NANOS = 30_000_000_000L;

    @Test
    void retryStormFile_equalsTheCodeBuiltScenario() throws ScenarioException {
        Scenario file = ScenarioLoader.load(BundledScenarios.file("retry-storm.yaml"));
        Scenario code = MetastabilityTest.retryStorm();
        assertThat(file.name()).isEqualTo(code.name());
        assertThat(file.seed()).isEqualTo(code.seed());
        assertThat(file.durationNanos()).isEqualTo(code.durationNanos());
        assertThat(file.intervalNanos()).isEqualTo(code.intervalNanos());
        assertThat(file.services()).isEqualTo(code.services());
        assertThat(file.clients()).isEqualTo(code.clients());
        assertThat(file.faults()).isEqualTo(code.faults());
        assertThat(file.strategies().keySet()).containsSequence(code.strategies().keySet());
    }

    @Test
    void retryStormFile_runsLikeTheCodeBuiltScenario() throws ScenarioException {
        Scenario file = shortened(ScenarioLoader.load(BundledScenarios.file("retry-storm.yaml")));
        Scenario code = shortened(MetastabilityTest.retryStorm());
        for (String strategy : code.strategies().keySet()) {
            StrategyRun fromFile = ScenarioRunner.run(file, strategy, 0L);
            StrategyRun fromCode = ScenarioRunner.run(code, strategy, 0L);
            assertThat(fromFile.summary()).as(strategy).isEqualTo(fromCode.summary());
            assertThat(fromFile.summary().requests()).as(strategy).isGreaterThan(15_000);
        }
        assertThat(ScenarioRunner.run(file, "retries", 0L).summary().amplification())
                .as("the storm is there in 30 s already").isGreaterThan(1.5);
    }

    /**
     * The strategies only the file has: a circuit breaker opens within a second of the stall, so
     * no backlog builds up, and closes at its first trial after it; an adaptive throttle sends
     * fewer attempts than requests, but, remembering a minute with nothing accepted, goes on
     * refusing most requests locally. Shortened to 60 s, beside immediate retries for contrast.
     */
    @Test
    void retryStormFile_breakerRecovers_throttleEndsTheStormButKeepsRefusing() throws ScenarioException {
        Scenario file = BundledRuns.load("retry-storm.yaml", "duration: 120s", "duration: 60s");
        StrategyRun immediate = BundledRuns.run(file, "retries");
        StrategyRun breaker = BundledRuns.run(file, "breaker");
        StrategyRun throttle = BundledRuns.run(file, "throttle");

        assertThat(BundledRuns.recoveredAfterS(immediate)).as("immediate").isNull();
        assertThat(BundledRuns.perRequest(immediate, "attempts", 40, 60)).as("immediate: the storm")
                .isGreaterThan(3);
        // the breaker stays open 10 s; the stall is 5 s
        assertThat(BundledRuns.recoveredAfterS(breaker)).as("breaker").isNotNull().isLessThanOrEqualTo(12.0);
        assertThat(breaker.summary().amplification()).as("breaker").isLessThan(1.2);
        assertThat(BundledRuns.perRequest(throttle, "attempts", 40, 60)).as("throttle: no storm").isLessThan(1.0);
        assertThat(BundledRuns.recoveredAfterS(throttle)).as("throttle").isNull();
        assertThat(BundledRuns.perRequest(throttle, "failures_rejected", 40, 60)).as("throttle: refused locally")
                .isGreaterThan(0.4);
    }

    private static Scenario shortened(Scenario scenario) {
        return new Scenario(scenario.name(), scenario.description(), scenario.seed(), RUN_NANOS,
                scenario.intervalNanos(), scenario.services(), scenario.clients(), List.copyOf(scenario.faults()),
                scenario.strategies(), scenario.calls());
    }
}
