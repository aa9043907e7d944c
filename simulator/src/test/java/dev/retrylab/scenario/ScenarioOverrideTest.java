package dev.retrylab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.retrylab.model.Scenario;
import dev.retrylab.strategy.retry.RetryPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Values set from outside the file: applied as if written there, and checked like the file. */
class ScenarioOverrideTest {

    private static final String TEXT = String.join("\n",
            "duration: 30s",                                                              // 1
            "services:",                                                                  // 2
            "  api: {workers: 4, serviceTime: 10ms}",                                     // 3
            "clients:",                                                                   // 4
            "  users: {count: 10, target: api, workload: {open: 100/s}, timeout: 1s}",    // 5
            "faults:",                                                                    // 6
            "  - {type: outage, service: api, start: 5s, end: 10s}",                      // 7
            "strategies:",                                                                // 8
            "  none: {maxAttempts: 1}",                                                   // 9
            "  immediate: {maxAttempts: 3, backoff: none}",                               // 10
            "");

    private static Scenario load(ScenarioOverride... overrides) throws ScenarioException {
        return ScenarioLoader.parse("s.yaml", TEXT, List.of(overrides));
    }

    private static List<String> errors(ScenarioOverride... overrides) {
        ScenarioException error = catchThrowableOfType(ScenarioException.class, () -> load(overrides));
        assertThat(error).as("expected errors").isNotNull();
        return error.errors().stream().map(ScenarioError::toString).toList();
    }

    @Test
    void override_existingValues_replaceWhatTheFileSays() throws ScenarioException {
        Scenario scenario = load(new ScenarioOverride("clients.users.count", "250"),
                new ScenarioOverride("faults.0.end", "20s"), new ScenarioOverride("seed", "9"));

        assertThat(scenario.clients().get(0).count()).isEqualTo(250);
        assertThat(scenario.faults().get(0).endNanos()).isEqualTo(20_000_000_000L);
        assertThat(scenario.seed()).isEqualTo(9);
    }

    @Test
    void override_missingKeys_areAddedWithTheMappingsOnTheWay() throws ScenarioException {
        Scenario scenario = load(new ScenarioOverride("strategies.none.backoff.base", "250ms"),
                new ScenarioOverride("replications", "4"));

        RetryPolicy none = (RetryPolicy) scenario.strategies().get("none").create(() -> 0L).retry();
        assertThat(none.backoff().baseDelayNanos(1)).isEqualTo(250_000_000L);
        assertThat(scenario.replications()).isEqualTo(4);
    }

    @Test
    void override_withoutOverrides_isTheFileItself() throws ScenarioException {
        assertThat(load().clients()).isEqualTo(ScenarioLoader.parse("s.yaml", TEXT).clients());
    }

    @Test
    void override_unknownKey_isReportedLikeOneInTheFileAndNamesTheOverride() {
        assertThat(errors(new ScenarioOverride("strategies.immediate.maxAtempts", "3")))
                .singleElement().asString()
                .startsWith("s.yaml:10:")
                .contains("strategies.immediate", "maxAtempts", "maxAttempts")
                .endsWith("(set by --param strategies.immediate.maxAtempts=3)");
    }

    @Test
    void override_valueOutOfRange_isReportedAtTheKeyWithTheOverridesNote() {
        assertThat(errors(new ScenarioOverride("clients.users.count", "0"))).singleElement().asString()
                .startsWith("s.yaml:5:").contains("clients.users.count:")
                .endsWith("(set by --param clients.users.count=0)");
    }

    @Test
    void override_pathThroughAScalarOrPastAList_isAnErrorNamingTheOverride() {
        assertThat(errors(new ScenarioOverride("strategies.immediate.backoff.base", "1s"))).singleElement()
                .isEqualTo("--param strategies.immediate.backoff.base: strategies.immediate.backoff is 'none', "
                        + "not a mapping: there is no key 'base' under it");
        assertThat(errors(new ScenarioOverride("faults.3.end", "1s"))).singleElement().asString()
                .contains("faults is a list of 1 element", "'3' is not one of its indexes (0..0)");
    }

    @Test
    void override_malformedPath_isRefused() {
        assertThatThrownBy(() -> new ScenarioOverride("clients..count", "1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key names joined by dots");
    }
}
