package dev.retrylab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.retrylab.model.ClientStrategy;
import dev.retrylab.model.Scenario;
import dev.retrylab.strategy.FailureKind;
import dev.retrylab.strategy.backoff.BackoffType;
import dev.retrylab.strategy.backoff.Jitter;
import dev.retrylab.strategy.budget.RatioRetryBudget;
import dev.retrylab.strategy.budget.TokenBucketRetryBudget;
import dev.retrylab.strategy.retry.RetryPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code extends}: overriding, merging, removing, chains, calls, and the mistakes it can make. */
class StrategyInheritanceTest {

    private static final long SECOND = 1_000_000_000L;

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

    private static RetryPolicy policy(ClientStrategy strategy) {
        return (RetryPolicy) strategy.retry();
    }

    private static List<ScenarioError> errors(String... lines) {
        ScenarioException error = catchThrowableOfType(ScenarioException.class,
                () -> ScenarioLoader.parse("s.yaml", withStrategies(lines)));
        assertThat(error).as("expected errors").isNotNull();
        return error.errors();
    }

    @Test
    void ownKeys_overrideThePreset() throws ScenarioException {
        ClientStrategy mine = strategy("mine", "  mine: {extends: aws-standard, maxAttempts: 5}");
        assertThat(policy(mine).maxAttempts()).isEqualTo(5);
        assertThat(policy(mine).backoff().baseDelayNanos(1)).as("inherited").isEqualTo(SECOND);
        assertThat(mine.budget().toString()).isEqualTo(TokenBucketRetryBudget.awsStandard().toString());
        assertThat(mine.name()).isEqualTo("mine");
    }

    @Test
    void nestedMappings_mergeKeyByKey() throws ScenarioException {
        RetryPolicy policy = policy(strategy("mine", "  mine: {extends: aws-standard, backoff: {cap: 5s}}"));
        assertThat(policy.backoff().type()).isEqualTo(BackoffType.EXPONENTIAL);
        assertThat(policy.backoff().baseDelayNanos(2)).isEqualTo(2 * SECOND);
        assertThat(policy.backoff().baseDelayNanos(4)).as("8 s, capped").isEqualTo(5 * SECOND);
        assertThat(policy.backoff().jitter()).isEqualTo(Jitter.FULL);
    }

    @Test
    void nestedMappingOfAnotherType_replacesTheInheritedOne() throws ScenarioException {
        ClientStrategy mine = strategy("mine",
                "  mine: {extends: grpc-throttled, budget: {type: ratio, percent: 10%}}");
        assertThat(mine.budget()).isInstanceOf(RatioRetryBudget.class);
        assertThat(policy(mine).maxAttempts()).isEqualTo(4);
    }

    @Test
    void nothing_removesAnInheritedKey() throws ScenarioException {
        ClientStrategy mine = strategy("mine", "  mine: {extends: aws-standard, budget: ~, retryAfter:}");
        assertThat(mine.budget()).isNull();
        assertThat(policy(mine).honorRetryAfter()).as("the library's default again").isTrue();
    }

    @Test
    void anotherStrategyOfTheFile_isExtendedThroughItsOwnExtends() throws ScenarioException {
        ClientStrategy derived = strategy("derived",
                "  base: {extends: polly-default, maxAttempts: 2}",
                "  derived: {extends: base, backoff: {base: 1s}}");
        assertThat(policy(derived).maxAttempts()).isEqualTo(2);
        assertThat(policy(derived).backoff().type()).isEqualTo(BackoffType.CONSTANT);
        assertThat(policy(derived).backoff().baseDelayNanos(1)).isEqualTo(SECOND);
        assertThat(policy(derived).honorRetryAfter()).as("from polly-default").isFalse();
    }

    @Test
    void strategyNamedLikeAPreset_extendsThePresetAndHidesItFromTheOthers() throws ScenarioException {
        String[] lines = {
            "  aws-standard: {extends: aws-standard, maxAttempts: 6}",
            "  other: {extends: aws-standard}"};
        assertThat(policy(strategy("aws-standard", lines)).maxAttempts()).isEqualTo(6);
        assertThat(policy(strategy("other", lines)).maxAttempts()).isEqualTo(6);
        assertThat(policy(strategy("other", lines)).backoff().baseDelayNanos(1)).isEqualTo(SECOND);
    }

    @Test
    void downstreamCall_extendsAStrategyAndDropsItsScope() throws ScenarioException {
        Scenario scenario = ScenarioLoader.parse("s.yaml", String.join("\n",
                "duration: 30s",
                "services:",
                "  api: {workers: 4, serviceTime: 10ms, calls: {service: db, timeout: 1s, retry: {extends: own}}}",
                "  db: {workers: 4, serviceTime: 1ms}",
                "clients:",
                "  users: {count: 10, target: api, workload: {open: 100/s}, timeout: 2s}",
                "strategies:",
                "  own: {extends: finagle-budget, scope: client}",
                ""));
        assertThat(scenario.strategies().get("own").perClient()).isTrue();
        assertThat(scenario.calls()).singleElement().satisfies(call -> {
            assertThat(call.strategy().perClient()).isFalse();
            assertThat(((RetryPolicy) call.strategy().create(() -> 0L).retry()).maxAttempts()).isEqualTo(21);
        });
    }

    @Test
    void unknownName_isReportedAtTheExtendsWithASuggestion() {
        assertThat(errors("  mine: {extends: aws-standrad}")).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(7);
            assertThat(e.column()).isEqualTo(19);
            assertThat(e.path()).isEqualTo("strategies.mine.extends");
            assertThat(e.message()).startsWith("names 'aws-standrad', which is neither a strategy of this file nor "
                    + "a preset (did you mean 'aws-standard'?); presets: aws-standard, aws-legacy,");
        });
        assertThat(errors("  base: {}", "  mine: {extends: bsae}")).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("(did you mean 'base'?)", "; strategies: base"));
    }

    @Test
    void cycle_isReportedOnceWithItsPath() {
        assertThat(errors("  a: {extends: b}", "  b: {extends: c}", "  c: {extends: a}")).singleElement()
                .satisfies(e -> {
                    assertThat(e.line()).isEqualTo(9);
                    assertThat(e.path()).isEqualTo("strategies.c.extends");
                    assertThat(e.message()).isEqualTo("strategies extend each other in a cycle (a -> b -> c -> a): "
                            + "remove one of these extends");
                });
    }

    @Test
    void strategyExtendingItself_isRefused() {
        assertThat(errors("  mine: {extends: mine}")).singleElement().satisfies(e -> assertThat(e.message())
                .startsWith("names this strategy itself: extends names another strategy of this file or a preset"));
    }

    @Test
    void extendsThatIsNotAName_isRefusedAndTheOwnKeysAreStillChecked() {
        assertThat(errors("  mine: {extends: [aws-standard], maxAtempts: 3}")).extracting(ScenarioError::message)
                .containsExactly("must be a single value, found a list",
                        "unknown key 'maxAtempts' (did you mean 'maxAttempts'?); allowed here: extends, retry, maxAttempts, "
                                + "backoff, maxDuration, retryAfter, retryOn, neverRetry, budget, breaker, throttle, "
                                + "adaptive, hedge, bulkhead, fallback, perTarget, scope");
    }

    @Test
    void mistakeInAnInheritedValue_pointsAtTheExtendsAndSaysWhereTheValueCameFrom() {
        assertThat(errors("  mine:", "    extends: aws-standard", "    backoff: {base: 30s}")).singleElement()
                .satisfies(e -> {
                    assertThat(e.line()).isEqualTo(8);
                    assertThat(e.column()).isEqualTo(14);
                    assertThat(e.path()).isEqualTo("strategies.mine.backoff.cap");
                    assertThat(e.message()).isEqualTo("must be at least the base delay 30s "
                            + "(inherited from preset aws-standard)");
                });
    }

    @Test
    void inheritedRetryOn_staysWithItsNeverRetry() throws ScenarioException {
        ClientStrategy mine = strategy("mine", "  mine: {extends: envoy-default, neverRetry: [timeout]}");
        assertThat(policy(mine).classification().isRetryable(FailureKind.TIMEOUT)).isFalse();
        assertThat(policy(mine).classification().isRetryable(FailureKind.RATE_LIMITED))
                .as("the own list replaces the inherited one").isTrue();
        assertThat(policy(mine).classification().isRetryable(FailureKind.SERVER_ERROR)).isTrue();
    }
}
