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
 * is 20 s to 25 s) to keep the test fast.
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
        assertThat(ScenarioRunner.run(file, "immediate", 0L).summary().amplification())
                .as("the storm is there in 30 s already").isGreaterThan(1.5);
    }

    private static Scenario shortened(Scenario scenario) {
        return new Scenario(scenario.name(), scenario.description(), scenario.seed(), RUN_NANOS,
                scenario.intervalNanos(), scenario.services(), scenario.clients(), List.copyOf(scenario.faults()),
                scenario.strategies(), scenario.calls());
    }
}
