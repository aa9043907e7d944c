package dev.retrylab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.retrylab.model.ClientStrategy;
import dev.retrylab.model.Scenario;
import dev.retrylab.strategy.retry.RetryPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A strategy's retry settings grouped under {@code retry:}: read as if written beside the other keys. */
class RetryGroupTest {

    /** A scenario whose strategies (from line 7 on) are the given lines. */
    private static String withStrategies(String... lines) {
        return String.join("\n",
                "duration: 30s",                                                              // 1
                "services:",                                                                  // 2
                "  api: {workers: 4, serviceTime: 10ms}",                                     // 3
                "clients:",                                                                   // 4
                "  users: {count: 10, target: api, workload: {open: 100/s}, timeout: 1s}",    // 5
                "strategies:",                                                                // 6
                String.join("\n", lines),
                "");
    }

    private static ClientStrategy strategy(String name, String... lines) throws ScenarioException {
        Scenario scenario = ScenarioLoader.parse("s.yaml", withStrategies(lines));
        return scenario.strategies().get(name).create(() -> 0L);
    }

    private static List<String> errors(String... lines) {
        ScenarioException error = catchThrowableOfType(ScenarioException.class,
                () -> ScenarioLoader.parse("s.yaml", withStrategies(lines)));
        assertThat(error).as("expected errors").isNotNull();
        return error.errors().stream().map(ScenarioError::toString).toList();
    }

    @Test
    void group_readsLikeTheSameKeysBesideTheOthers() throws ScenarioException {
        ClientStrategy grouped = strategy("a",
                "  a:",
                "    retry: {maxAttempts: 4, backoff: {type: constant, base: 70ms, jitter: none}, retryOn: [conflict]}",
                "    budget: {type: grpc, maxTokens: 10, tokenRatio: 0.1}");
        ClientStrategy flat = strategy("a",
                "  a: {maxAttempts: 4, backoff: {type: constant, base: 70ms, jitter: none}, retryOn: [conflict],",
                "      budget: {type: grpc, maxTokens: 10, tokenRatio: 0.1}}");

        assertThat(grouped.retry().toString()).isEqualTo(flat.retry().toString());
        assertThat(((RetryPolicy) grouped.retry()).maxAttempts()).isEqualTo(4);
        assertThat(((RetryPolicy) grouped.retry()).backoff().baseDelayNanos(3)).isEqualTo(70_000_000L);
        assertThat(grouped.budget().toString()).isEqualTo(flat.budget().toString());
    }

    @Test
    void group_overridesWhatAPresetGives() throws ScenarioException {
        ClientStrategy mine = strategy("mine", "  mine: {extends: grpc-throttled, retry: {maxAttempts: 7}}");

        assertThat(((RetryPolicy) mine.retry()).maxAttempts()).isEqualTo(7);
        assertThat(mine.budget()).as("inherited from the preset").isNotNull();
    }

    @Test
    void group_keyThatIsNotARetrySetting_isReportedWhereWritten() {
        assertThat(errors("  a:", "    retry: {maxAttempts: 2, budget: {type: grpc}}")).singleElement().asString()
                .startsWith("s.yaml:8:").contains("strategies.a.retry.budget", "'budget' is not a retry setting",
                        "budget goes beside it");
        assertThat(errors("  a: {retry: {maxAtempts: 2}}")).singleElement().asString()
                .contains("strategies.a.retry.maxAtempts", "did you mean 'maxAttempts'");
    }

    @Test
    void group_keyGivenAlsoBesideIt_isReportedWithBothLines() {
        assertThat(errors("  a:", "    maxAttempts: 3", "    retry: {maxAttempts: 5}")).singleElement().asString()
                .startsWith("s.yaml:9:").contains("strategies.a.retry.maxAttempts", "given twice", "line 8");
    }

    @Test
    void group_notAMapping_isReported() {
        assertThat(errors("  a: {retry: 3}")).singleElement().asString()
                .contains("strategies.a.retry: must be a mapping of retry settings", "found '3'");
    }

    @Test
    void override_pathIntoTheGroup_setsTheGroupedSetting() throws ScenarioException {
        Scenario scenario = ScenarioLoader.parse("s.yaml", withStrategies("  a: {retry: {maxAttempts: 2}}"),
                List.of(new ScenarioOverride("strategies.a.retry.maxAttempts", "6")));

        assertThat(((RetryPolicy) scenario.strategies().get("a").create(() -> 0L).retry()).maxAttempts()).isEqualTo(6);
    }
}
