package dev.retrylab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.retrylab.metrics.ColumnNames;
import dev.retrylab.model.ClientConfig;
import dev.retrylab.model.ClientStrategy;
import dev.retrylab.model.Scenario;
import dev.retrylab.model.ScenarioRunner;
import dev.retrylab.model.StrategyFactory;
import dev.retrylab.model.StrategyRun;
import dev.retrylab.strategy.retry.RetryPolicy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The keys of contextual strategies, pools, bulkheads and fallbacks: what they give the model,
 * and each mistake with its file, line, column and key path.
 */
class DependencyKeysTest {

    private static final long MS = 1_000_000L;

    /**
     * A valid file; the tests replace one of its lines. Line numbers below refer to it. A mistake
     * in a value is reported at the value, one in a mapping at the mapping's key.
     */
    private static final String VALID = String.join("\n",
            "duration: 60s",                                                      // 1
            "services:",                                                          // 2
            "  db: {workers: 10, serviceTime: 5ms}",                              // 3
            "  api: {workers: 10, serviceTime: 5ms}",                             // 4
            "  model: {workers: 10, serviceTime: 5ms}",                           // 5
            "clients:",                                                           // 6
            "  agents:",                                                          // 7
            "    count: 100",                                                     // 8
            "    targets: {db: 50%, api: 0.5}",                                   // 9
            "    workload: {open: 50/s}",                                         // 10
            "    timeout: 200ms",                                                 // 11
            "    pool: 20",                                                       // 12
            "strategies:",                                                        // 13
            "  contextual:",                                                      // 14
            "    bulkhead: {maxConcurrent: 10, maxWait: 5ms}",                    // 15
            "    fallback: {cache: {ttl: 30s}}",                                  // 16
            "    perTarget:",                                                     // 17
            "      db: {backoff: none}",                                          // 18
            "    maxAttempts: 7",                                                 // 19
            "    scope: client",                                                  // 20
            "");

    private static List<String> withLine(int line, String replacement) {
        String[] lines = VALID.split("\n", -1);
        lines[line - 1] = replacement;
        return errors(String.join("\n", lines));
    }

    private static List<String> errors(String text) {
        ScenarioException error = catchThrowableOfType(ScenarioException.class,
                () -> ScenarioLoader.parse("broken.yaml", text));
        assertThat(error).as("expected errors for:\n%s", text).isNotNull();
        return error.errors().stream().map(ScenarioError::toString).toList();
    }

    private static String only(List<String> errors) {
        assertThat(errors).hasSize(1);
        return errors.get(0);
    }

    @Test
    void validFile_givesTheModelItsTargetsPoolAndStrategies() throws ScenarioException {
        Scenario scenario = ScenarioLoader.parse("valid.yaml", VALID);
        ClientConfig agents = scenario.clients().get(0);
        assertThat(agents.targets()).containsExactly(Map.entry("db", 0.5), Map.entry("api", 0.5));
        assertThat(agents.pool()).isEqualTo(20);

        StrategyFactory factory = scenario.strategies().get("contextual");
        assertThat(factory.perClient()).isTrue();
        ClientStrategy api = factory.forTarget("api").create(() -> 0L);
        assertThat(((RetryPolicy) api.retry()).maxAttempts()).isEqualTo(7);
        assertThat(api.bulkhead().maxConcurrentCalls()).isEqualTo(10);
        assertThat(api.bulkhead().maxQueuedCalls()).as("waits are bounded by time").isEqualTo(1_000_000);
        assertThat(api.bulkheadMaxWaitNanos()).isEqualTo(5 * MS);
        assertThat(api.cacheTtlNanos()).isEqualTo(30_000 * MS);
        // db's own strategy: the keys it leaves out take the library's defaults, not the strategy's
        ClientStrategy db = factory.forTarget("db").create(() -> 0L);
        assertThat(((RetryPolicy) db.retry()).maxAttempts()).isEqualTo(RetryPolicy.defaults().maxAttempts());
        assertThat(db.bulkhead()).isNull();
        assertThat(db.cacheTtlNanos()).isZero();
        assertThat(factory.forTarget("api").create(() -> 0L).bulkhead()).as("fresh objects per create")
                .isNotSameAs(api.bulkhead());
    }

    @Test
    void defaults_oneTargetUnlimitedPoolNoBulkheadNoFallback() throws ScenarioException {
        Scenario scenario = ScenarioLoader.parse("d.yaml", String.join("\n",
                "duration: 10s",
                "services: {api: {workers: 1, serviceTime: 1ms}}",
                "clients: {users: {count: 1, target: api, workload: {open: 1/s}, timeout: 1s}}",
                "strategies: {plain: {bulkhead: {maxConcurrent: 3}}}",
                ""));
        assertThat(scenario.clients().get(0).targets()).containsExactly(Map.entry("api", 1.0));
        assertThat(scenario.clients().get(0).pool()).isEqualTo(ClientConfig.UNLIMITED_POOL);
        ClientStrategy plain = scenario.strategies().get("plain").create(() -> 0L);
        assertThat(plain.bulkheadMaxWaitNanos()).isZero();
        assertThat(plain.bulkhead().maxQueuedCalls()).isZero();
        assertThat(plain.cacheTtlNanos()).isZero();
    }

    @Test
    void runs_countFallbacksOnlyWhenAStrategyFallsBack() throws ScenarioException {
        String text = String.join("\n",
                "duration: 20s",
                "services: {api: {workers: 50, serviceTime: 5ms}}",
                "clients: {users: {count: 50, target: api, workload: {open: 200/s}, timeout: 1s}}",
                "faults: [{type: outage, service: api, start: 5s, end: 10s, mode: error}]",
                "strategies:",
                "  cached: {maxAttempts: 1, fallback: {cache: {ttl: 1m}}}",
                "  plain: {maxAttempts: 1}",
                "");
        Scenario withFallback = ScenarioLoader.parse("f.yaml", text);
        for (StrategyRun run : ScenarioRunner.runAll(withFallback, 0L, 1)) {
            int fallbacks = run.series().column(ColumnNames.FALLBACKS);
            assertThat(run.summary().fallbacks()).isEqualTo(run.series().total(fallbacks));
            assertThat(run.summary().successRate()).as("a fallback is not a success")
                    .isEqualTo((double) run.summary().successes() / run.summary().requests());
        }
        StrategyRun cached = ScenarioRunner.run(withFallback, "cached", 0L);
        assertThat(cached.summary().fallbacks()).isPositive().isLessThanOrEqualTo(cached.summary().failures().total());
        assertThat(ScenarioRunner.run(withFallback, "plain", 0L).summary().fallbacks()).isZero();

        Scenario without = ScenarioLoader.parse("f.yaml", text.replace("  cached: {maxAttempts: 1, fallback: "
                + "{cache: {ttl: 1m}}}\n", ""));
        StrategyRun plain = ScenarioRunner.run(without, "plain", 0L);
        assertThat(plain.summary().fallbacks()).isNull();
        assertThat(plain.series().columnNames()).doesNotContain(ColumnNames.FALLBACKS);
    }

    @Test
    void targets_namingAnUndefinedService_isReportedWithASuggestion() {
        assertThat(only(withLine(9, "    targets: {db: 50%, apj: 50%}"))).isEqualTo(
                "broken.yaml:9:29: clients.agents.targets.apj: names service 'apj', which is not defined "
                        + "(did you mean 'api'?); defined services: db, api, model");
    }

    @Test
    void targets_sharesNotAddingUpTo100Percent_areReportedWithTheirSum() {
        assertThat(only(withLine(9, "    targets: {db: 50%, api: 40%}"))).isEqualTo(
                "broken.yaml:9:5: clients.agents.targets: the shares add up to 90%; they must add up to 100%");
        assertThat(only(withLine(9, "    targets: {db: 0.5, api: 0.6}"))).isEqualTo(
                "broken.yaml:9:5: clients.agents.targets: the shares add up to 110%; they must add up to 100%");
    }

    @Test
    void targets_aShareOfZeroOrAbove100Percent_isReported() {
        assertThat(only(withLine(9, "    targets: {db: 100%, api: 0%}"))).isEqualTo(
                "broken.yaml:9:30: clients.agents.targets.api: must be above 0%: leave out a service that gets no "
                        + "requests");
        assertThat(only(withLine(9, "    targets: {db: 150%}"))).isEqualTo(
                "broken.yaml:9:19: clients.agents.targets.db: must be a number from 0 to 1, found 150%");
        assertThat(only(withLine(9, "    targets: {db: lots}"))).isEqualTo(
                "broken.yaml:9:19: clients.agents.targets.db: must be a number from 0 to 1, found 'lots'");
    }

    @Test
    void targets_bothOrNeitherOfTargetAndTargets_isReported() {
        assertThat(only(withLine(12, "    target: db"))).isEqualTo(
                "broken.yaml:9:5: clients.agents.targets: give either target (one service) or targets (several, "
                        + "with their shares), not both");
        assertThat(only(withLine(9, "    deadline: 1s"))).isEqualTo(
                "broken.yaml:7:3: clients.agents: the key 'target' is required here (or 'targets', for several "
                        + "services)");
    }

    @Test
    void targets_notAMappingOrEmpty_isReported() {
        assertThat(only(withLine(9, "    targets: [db, api]"))).isEqualTo(
                "broken.yaml:9:5: clients.agents.targets: must map services to their shares of the requests, for "
                        + "example {db: 50%, api: 30%, model: 20%}; found a list");
        assertThat(only(withLine(9, "    targets: {}"))).isEqualTo(
                "broken.yaml:9:5: clients.agents.targets: must map services to their shares of the requests, for "
                        + "example {db: 50%, api: 30%, model: 20%}; found an empty mapping");
    }

    @Test
    void pool_thatIsNotUnlimitedOrAPositiveWholeNumber_isReported() {
        assertThat(only(withLine(12, "    pool: 0"))).isEqualTo(
                "broken.yaml:12:11: clients.agents.pool: must be 'unlimited' or a whole number from 1 to 10000000, "
                        + "found '0'");
        assertThat(only(withLine(12, "    pool: plenty"))).isEqualTo(
                "broken.yaml:12:11: clients.agents.pool: must be 'unlimited' or a whole number from 1 to 10000000, "
                        + "found 'plenty'");
    }

    @Test
    void perTarget_namingAnUndefinedOrUncalledService_isReported() {
        assertThat(only(withLine(18, "      dbx: {maxAttempts: 5}"))).isEqualTo(
                "broken.yaml:18:7: strategies.contextual.perTarget.dbx: names service 'dbx', which is not defined "
                        + "(did you mean 'db'?); defined services: db, api, model");
        assertThat(only(withLine(18, "      model: {maxAttempts: 5}"))).isEqualTo(
                "broken.yaml:18:7: strategies.contextual.perTarget.model: names service 'model', which no client "
                        + "group calls; the groups call: db, api");
    }

    @Test
    void perTarget_entriesAreStrategiesWithoutScopeOrPerTarget() {
        assertThat(only(withLine(18, "      db: {scope: client}"))).isEqualTo(
                "broken.yaml:18:19: strategies.contextual.perTarget.db.scope: unknown key 'scope'; allowed here: "
                        + "extends, retry, maxAttempts, backoff, maxDuration, retryAfter, retryOn, neverRetry, budget, "
                        + "breaker, throttle, adaptive, hedge, bulkhead, fallback");
        assertThat(only(withLine(18, "      db: {maxAttempts: 0}"))).isEqualTo(
                "broken.yaml:18:25: strategies.contextual.perTarget.db.maxAttempts: must be a whole number from 1 "
                        + "to 1000, found 0");
        List<String> empty = errors(VALID.replace("    perTarget:\n      db: {backoff: none}\n", "    perTarget: {}\n"));
        assertThat(only(empty)).isEqualTo("broken.yaml:17:5: strategies.contextual.perTarget: must give at least "
                + "one service its own strategy, for example {db: {maxAttempts: 5}}");
    }

    @Test
    void bulkhead_mistakesAreReportedAtTheirKey() {
        assertThat(only(withLine(15, "    bulkhead: {maxWait: 5ms}"))).isEqualTo(
                "broken.yaml:15:5: strategies.contextual.bulkhead: the key 'maxConcurrent' is required here");
        assertThat(only(withLine(15, "    bulkhead: {maxConcurrent: 0}"))).isEqualTo(
                "broken.yaml:15:31: strategies.contextual.bulkhead.maxConcurrent: must be a whole number from 1 to "
                        + "1000000, found 0");
        assertThat(only(withLine(15, "    bulkhead: {maxConcurrent: 10, maxWait: -5ms}")))
                .startsWith("broken.yaml:15:44: strategies.contextual.bulkhead.maxWait: ");
    }

    @Test
    void fallback_mistakesAreReportedAtTheirKey() {
        assertThat(withLine(16, "    fallback: {ttl: 30s}")).containsExactly(
                "broken.yaml:16:5: strategies.contextual.fallback: the key 'cache' is required here",
                "broken.yaml:16:21: strategies.contextual.fallback.ttl: unknown key 'ttl'; allowed here: cache");
        assertThat(only(withLine(16, "    fallback: {cache: {ttl: 0s}}"))).isEqualTo(
                "broken.yaml:16:29: strategies.contextual.fallback.cache.ttl: must be more than 0, found 0s");
        assertThat(only(withLine(16, "    fallback: {cache: {}}"))).isEqualTo(
                "broken.yaml:16:16: strategies.contextual.fallback.cache: the key 'ttl' is required here");
    }

    @Test
    void downstreamCall_hasNoFallbackOrPerTarget() {
        String calls = VALID.replace("  db: {workers: 10, serviceTime: 5ms}",
                "  db: {workers: 10, serviceTime: 5ms, calls: {service: model, timeout: 1s, retry: {fallback: x}}}");
        assertThat(only(errors(calls))).contains("services.db.calls.retry.fallback: unknown key 'fallback'");
        String perTarget = VALID.replace("  db: {workers: 10, serviceTime: 5ms}",
                "  db: {workers: 10, serviceTime: 5ms, calls: {service: model, timeout: 1s, retry: {perTarget: x}}}");
        assertThat(only(errors(perTarget))).contains("services.db.calls.retry.perTarget: unknown key 'perTarget'");
    }
}
