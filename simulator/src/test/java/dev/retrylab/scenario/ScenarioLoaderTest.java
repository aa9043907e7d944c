package dev.retrylab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.retrylab.engine.random.DurationDistribution;
import dev.retrylab.fault.Fault;
import dev.retrylab.metrics.RunSummary;
import dev.retrylab.model.ClientConfig;
import dev.retrylab.model.ClientStrategy;
import dev.retrylab.model.LoadBalancing;
import dev.retrylab.model.Scenario;
import dev.retrylab.model.ScenarioRunner;
import dev.retrylab.model.ServiceConfig;
import dev.retrylab.model.StrategyFactory;
import dev.retrylab.model.Workload;
import dev.retrylab.strategy.Classification;
import dev.retrylab.strategy.FailureKind;
import dev.retrylab.strategy.backoff.BackoffType;
import dev.retrylab.strategy.backoff.Jitter;
import dev.retrylab.strategy.breaker.CircuitState;
import dev.retrylab.strategy.budget.RatioRetryBudget;
import dev.retrylab.strategy.budget.TokenBucketRetryBudget;
import dev.retrylab.strategy.hedge.HedgePolicy;
import dev.retrylab.strategy.retry.AdaptiveRetry;
import dev.retrylab.strategy.retry.RetryPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioLoaderTest {

    private static final long SECOND = 1_000_000_000L;

    private static final String MINIMAL = String.join("\n",
            "duration: 30s",
            "services:",
            "  api: {workers: 4, serviceTime: 10ms}",
            "clients:",
            "  users: {count: 10, target: api, workload: {open: 100/s}, timeout: 1s}",
            "strategies:",
            "  default: {}",
            "");

    @Test
    void bundledFiles_allLoad() throws ScenarioException {
        List<Path> files = BundledScenarios.all();
        assertThat(files).extracting(p -> p.getFileName().toString()).contains("reference.yaml", "mm1.yaml",
                "retry-storm.yaml", "thundering-herd.yaml", "rate-limited-agents.yaml", "multi-tier.yaml");
        for (Path file : files) {
            Scenario scenario = ScenarioLoader.load(file);
            assertThat(scenario.name()).as(file.toString())
                    .isEqualTo(file.getFileName().toString().replace(".yaml", ""));
            assertThat(scenario.description()).as(file.toString()).isNotBlank();
            for (String strategy : scenario.strategies().keySet()) {
                assertThat(scenario.strategies().get(strategy).create(() -> 0L).name()).isEqualTo(strategy);
            }
        }
    }

    @Test
    void referenceFile_namesEveryKeyAndChoiceTheLoaderKnows() throws IOException {
        String text = Files.readString(BundledScenarios.file("reference.yaml"));
        List<String> keys = new ArrayList<>();
        keys.addAll(ScenarioLoader.TOP_KEYS);
        keys.addAll(ScenarioLoader.SERVICE_KEYS);
        keys.addAll(ScenarioLoader.CLIENT_KEYS);
        keys.addAll(WorkloadReader.BURST_KEYS);
        keys.addAll(WorkloadReader.CLOSED_KEYS);
        keys.addAll(WorkloadReader.PERIODIC_KEYS);
        keys.addAll(WorkloadReader.SCHEDULE_KEYS);
        keys.addAll(WorkloadReader.POINT_KEYS);
        keys.addAll(CallReader.KEYS);
        keys.addAll(DistributionReader.NORMAL_KEYS);
        keys.addAll(DistributionReader.LOGNORMAL_KEYS);
        keys.addAll(DistributionReader.PARETO_KEYS);
        keys.addAll(DistributionReader.MIXTURE_KEYS);
        keys.addAll(FaultReader.COMMON_KEYS);
        FaultReader.TYPE_KEYS.values().forEach(keys::addAll);
        BudgetReader.TYPE_KEYS.values().forEach(keys::addAll);
        keys.addAll(StrategyReader.KEYS);
        keys.addAll(StrategyReader.BACKOFF_KEYS);
        keys.addAll(StrategyReader.RETRY_AFTER_KEYS);
        keys.addAll(StrategyReader.BREAKER_KEYS);
        keys.addAll(StrategyReader.THROTTLE_KEYS);
        keys.addAll(StrategyReader.ADAPTIVE_KEYS);
        keys.addAll(StrategyReader.BULKHEAD_KEYS);
        keys.addAll(StrategyReader.FALLBACK_KEYS);
        keys.addAll(StrategyReader.CACHE_KEYS);
        keys.addAll(HedgeReader.KEYS);
        Set<String> missing = new TreeSet<>();
        for (String key : keys) {
            if (!text.matches("(?s).*[\\s{,]" + key + ":.*")) {
                missing.add(key + ":");
            }
        }
        List<String> values = new ArrayList<>();
        values.addAll(WorkloadReader.KINDS);
        values.addAll(WorkloadReader.PHASES);
        values.addAll(ScenarioLoader.LOAD_BALANCING);
        values.addAll(DistributionReader.KINDS);
        values.addAll(FaultReader.TYPE_KEYS.keySet());
        values.addAll(FaultReader.OUTAGE_MODES);
        values.addAll(FailureKinds.ALL_NAMES);
        values.addAll(BudgetReader.TYPE_KEYS.keySet());
        values.addAll(BudgetReader.PRESETS);
        values.addAll(StrategyReader.BACKOFF_TYPES);
        values.addAll(StrategyReader.JITTERS);
        values.addAll(StrategyReader.SCOPES);
        values.addAll(StrategyPresets.names());
        for (String value : values) {
            if (!text.matches("(?s).*\\b" + java.util.regex.Pattern.quote(value) + "\\b.*")) {
                missing.add(value);
            }
        }
        assertThat(missing).as("keys and choices the loader knows but reference.yaml does not name").isEmpty();
    }

    @Test
    void referenceFile_givesTheDocumentedValues() throws ScenarioException {
        Scenario scenario = ScenarioLoader.load(BundledScenarios.file("reference.yaml"));
        assertThat(scenario.seed()).isEqualTo(1L);
        assertThat(scenario.durationNanos()).isEqualTo(60 * SECOND);
        assertThat(scenario.services().get(0)).isEqualTo(new ServiceConfig("api", 2, 10, ServiceConfig.UNBOUNDED,
                DurationDistribution.exponential(Duration.ofMillis(10)), 0L, 1_000_000L, false,
                LoadBalancing.ROUND_ROBIN, 0.0, FailureKind.UNAVAILABLE));
        assertThat(scenario.services().get(1).queueCapacity()).isEqualTo(100);
        assertThat(scenario.clients()).containsExactly(
                new ClientConfig("agents", 1000, "api", new Workload.OpenLoop(500), 200_000_000L, 5 * SECOND),
                new ClientConfig("cron", 10, "cache", new Workload.Periodic(10 * SECOND, false), SECOND, 0L),
                new ClientConfig("ramp-up", 100, "static", new Workload.RateSchedule(List.of(
                        new Workload.RatePoint(0L, 10), new Workload.RatePoint(30 * SECOND, 50)), false), SECOND, 0L));
        assertThat(scenario.calls()).singleElement().satisfies(call -> {
            assertThat(call.caller()).isEqualTo("api");
            assertThat(call.callee()).isEqualTo("search");
            assertThat(call.attemptTimeoutNanos()).isEqualTo(100_000_000L);
            ClientStrategy strategy = call.strategy().create(() -> 0L);
            assertThat(strategy.name()).isEqualTo("api->search");
            assertThat(((RetryPolicy) strategy.retry()).maxAttempts()).isEqualTo(2);
        });
        assertThat(scenario.faults()).hasSize(6);
        assertThat(scenario.faults().get(0))
                .isEqualTo(new Fault.Outage("api", 0, 10 * SECOND, 15 * SECOND, Fault.OutageMode.HANG));
        assertThat(scenario.faults().get(1)).isEqualTo(new Fault.Brownout("api", Fault.ALL_REPLICAS, 20 * SECOND,
                25 * SECOND, 0.2, FailureKind.UNAVAILABLE));
        assertThat(scenario.faults().get(3)).isEqualTo(new Fault.RateLimit("api", Fault.ALL_REPLICAS, 40 * SECOND,
                45 * SECOND, 100, SECOND, false));
        assertThat(scenario.strategies()).containsOnlyKeys("defaults", "aws", "aws-no-budget", "linear-proportional",
                "token-bucket", "grpc", "ratio", "adaptive", "hedged", "hedged-percentile", "contextual");
        ClientStrategy defaultStrategy = scenario.strategies().get("defaults").create(() -> 0L);
        RetryPolicy library = RetryPolicy.builder().maxDuration(Duration.ofSeconds(10)).build();
        assertThat(defaultStrategy.retry().toString()).isEqualTo(library.toString());
        assertThat(defaultStrategy.hedge()).isNull();
        assertThat(scenario.strategies().get("defaults").perClient()).isFalse();
        assertThat(scenario.strategies().get("hedged-percentile").perClient()).isTrue();
        assertThat(scenario.strategies().get("hedged-percentile").create(() -> 0L).hedge().toString())
                .isEqualTo(HedgePolicy.builder().maxHedges(2).percentileDelay(95, Duration.ofMillis(50)).build()
                        .toString());
    }

    @Test
    void minimalFile_getsTheDocumentedDefaults() throws ScenarioException {
        Scenario scenario = ScenarioLoader.parse("dir/minimal.yaml", MINIMAL);
        assertThat(scenario.name()).isEqualTo("minimal");
        assertThat(scenario.description()).isEmpty();
        assertThat(scenario.seed()).isEqualTo(1L);
        assertThat(scenario.intervalNanos()).isEqualTo(SECOND);
        assertThat(scenario.faults()).isEmpty();
        assertThat(scenario.services()).containsExactly(ServiceConfig.queue("api", 4,
                DurationDistribution.constant(Duration.ofMillis(10))));
        assertThat(scenario.clients().get(0).deadlineNanos()).isZero();
        ClientStrategy strategy = scenario.strategies().get("default").create(() -> 0L);
        assertThat(strategy.retry().toString()).isEqualTo(RetryPolicy.defaults().toString());
        assertThat(strategy.budget()).isNull();
        assertThat(strategy.breaker()).isNull();
        assertThat(strategy.throttle()).isNull();
        assertThat(strategy.hedge()).isNull();
        assertThat(scenario.calls()).isEmpty();
    }

    @Test
    void distributions_readEveryKind() throws ScenarioException {
        String[] specs = {"7ms", "{constant: 7ms}", "{exponential: 7ms}", "{uniform: [1ms, 3ms]}",
            "{normal: {mean: 10ms, sd: 2ms}}", "{lognormal: {median: 10ms, p99: 80ms}}",
            "{pareto: {scale: 5ms, shape: 1.5}}", "{pareto: {scale: 5ms, shape: 1.5, cap: 1s}}",
            "{mixture: {p: 90%, a: 1ms, b: {exponential: 5ms}}}", "{empirical: [1ms, 2ms]}"};
        DurationDistribution[] expected = {
            DurationDistribution.constant(Duration.ofMillis(7)), DurationDistribution.constant(Duration.ofMillis(7)),
            DurationDistribution.exponential(Duration.ofMillis(7)),
            DurationDistribution.uniform(Duration.ofMillis(1), Duration.ofMillis(3)),
            DurationDistribution.truncatedNormal(Duration.ofMillis(10), Duration.ofMillis(2)),
            DurationDistribution.logNormal(Duration.ofMillis(10), Duration.ofMillis(80)),
            DurationDistribution.pareto(Duration.ofMillis(5), 1.5),
            DurationDistribution.pareto(Duration.ofMillis(5), 1.5, Duration.ofSeconds(1)),
            DurationDistribution.mixture(0.9, DurationDistribution.constant(Duration.ofMillis(1)),
                    DurationDistribution.exponential(Duration.ofMillis(5))),
            DurationDistribution.empirical(List.of(Duration.ofMillis(1), Duration.ofMillis(2)))};
        for (int i = 0; i < specs.length; i++) {
            Scenario scenario = ScenarioLoader.parse("d.yaml", MINIMAL.replace("serviceTime: 10ms",
                    "serviceTime: " + specs[i]));
            assertThat(scenario.services().get(0).serviceTime()).as(specs[i]).isEqualTo(expected[i]);
        }
    }

    @Test
    void workloads_readEveryKind() throws ScenarioException {
        assertThat(workload("{burst: {at: 10s, spread: 500ms}}")).isEqualTo(new Workload.Burst(10 * SECOND,
                500_000_000L));
        assertThat(workload("{burst: {}}")).isEqualTo(new Workload.Burst(0L, 0L));
        assertThat(workload("{closed: {think: 100ms, requests: 3, spread: 1s}}"))
                .isEqualTo(new Workload.ClosedLoop(100_000_000L, 3, SECOND));
        assertThat(workload("{open: 6000/min}")).isEqualTo(new Workload.OpenLoop(100));
        assertThat(workload("{periodic: {every: 1m}}")).isEqualTo(new Workload.Periodic(60 * SECOND, true));
        assertThat(workload("{periodic: {every: 500ms, phases: spread}}"))
                .isEqualTo(new Workload.Periodic(500_000_000L, false));
        assertThat(workload("{schedule: {points: [{at: 0s, rate: 0/s}, {at: 10s, rate: 100/s}]}}"))
                .isEqualTo(new Workload.RateSchedule(List.of(new Workload.RatePoint(0L, 0.0),
                        new Workload.RatePoint(10 * SECOND, 100.0)), false));
        assertThat(workload("{schedule: {ramp: true, points: [{at: 5s, rate: 60/min}]}}"))
                .isEqualTo(new Workload.RateSchedule(List.of(new Workload.RatePoint(5 * SECOND, 1.0)), true));
    }

    @Test
    void serviceAndFaultSettings_reachTheModel() throws ScenarioException {
        Scenario scenario = ScenarioLoader.parse("s.yaml", MINIMAL
                .replace("{workers: 4, serviceTime: 10ms}", "{workers: 4, serviceTime: 10ms, contendedRows: 3}")
                .replace("strategies:", String.join("\n",
                        "faults:",
                        "  - {type: rate-limit, service: api, start: 1s, end: 2s, rate: 5/s, perClient: true}",
                        "  - {type: rate-limit, service: api, start: 1s, end: 2s, rate: 5/s}",
                        "strategies:")));
        assertThat(scenario.services().get(0)).isEqualTo(ServiceConfig.queue("api", 4,
                DurationDistribution.constant(Duration.ofMillis(10))).withContendedRows(3));
        assertThat(scenario.faults()).containsExactly(
                new Fault.RateLimit("api", Fault.ALL_REPLICAS, SECOND, 2 * SECOND, 5.0, SECOND, true),
                new Fault.RateLimit("api", Fault.ALL_REPLICAS, SECOND, 2 * SECOND, 5.0, SECOND, false));
        assertThat(ScenarioLoader.parse("s.yaml", MINIMAL).services().get(0).contendedRows()).isZero();
    }

    @Test
    void twoClientGroups_loadAndRunEachAgainstItsTarget() throws ScenarioException {
        Scenario scenario = ScenarioLoader.parse("groups.yaml", String.join("\n",
                "duration: 10s",
                "services:",
                "  api: {workers: 4, serviceTime: 2ms}",
                "  db: {workers: 2, serviceTime: 1ms}",
                "clients:",
                "  web: {count: 10, target: api, workload: {closed: {requests: 3}}, timeout: 1s}",
                "  batch: {count: 20, target: db, workload: {burst: {at: 1s, spread: 1s}}, timeout: 1s}",
                "strategies:",
                "  default: {}",
                ""));
        assertThat(scenario.clients()).extracting(ClientConfig::name).containsExactly("web", "batch");
        RunSummary summary = ScenarioRunner.run(scenario, "default", 0L).summary();
        assertThat(summary.requests()).isEqualTo(10 * 3 + 20);
        assertThat(summary.successes()).as("every response reached its own group").isEqualTo(50);
        assertThat(summary.services().get("api").attempts()).isEqualTo(30);
        assertThat(summary.services().get("db").attempts()).isEqualTo(20);
    }

    @Test
    void downstreamCalls_retryAtEveryLayerWithTheirOwnStrategy() throws ScenarioException {
        // as MultiTierTest builds it in code: 3 attempts at each of three layers, 27 at a failing db
        Scenario scenario = ScenarioLoader.parse("tiers.yaml", String.join("\n",
                "duration: 60s",
                "services:",
                "  frontend:",
                "    workers: 1000",
                "    serviceTime: 1ms",
                "    calls: {service: backend, timeout: 50s, retry: {maxAttempts: 3, backoff: none}}",
                "  backend:",
                "    workers: 1000",
                "    serviceTime: 1ms",
                "    calls: {service: db, timeout: 50s, retry: {maxAttempts: 3, backoff: none}}",
                "  db: {workers: 1000, serviceTime: 1ms, failureProbability: 100%}",
                "clients:",
                "  users: {count: 10, target: frontend, workload: {closed: {think: 1ms, requests: 5}}, timeout: 55s}",
                "strategies:",
                "  three: {maxAttempts: 3, backoff: none}",
                ""));
        assertThat(scenario.calls()).extracting(c -> c.caller() + "->" + c.callee())
                .containsExactly("frontend->backend", "backend->db");
        RunSummary summary = ScenarioRunner.run(scenario, "three", 0L).summary();
        assertThat(summary.requests()).isEqualTo(50);
        assertThat(summary.services().get("frontend").attempts()).isEqualTo(50 * 3);
        assertThat(summary.services().get("backend").attempts()).isEqualTo(50 * 9);
        assertThat(summary.services().get("db").attempts()).isEqualTo(50 * 27);
    }

    @Test
    void hedgeScopeAndClassification_reachTheStrategy() throws ScenarioException {
        Scenario scenario = ScenarioLoader.parse("s.yaml", MINIMAL.replace("  default: {}", String.join("\n",
                "  fixed: {hedge: {maxHedges: 2, delay: 20ms}, retryOn: [server-error], neverRetry: [conflict]}",
                "  tail:",
                "    scope: client",
                "    hedge: {percentile: 99.9%, fallbackDelay: 50ms, window: 50, recomputeEvery: 5}",
                "  grouped: {scope: group}")));
        StrategyFactory fixedFactory = scenario.strategies().get("fixed");
        ClientStrategy fixed = fixedFactory.create(() -> 0L);
        assertThat(fixed.hedge().maxHedges()).isEqualTo(2);
        assertThat(fixed.hedge().hedgeDelayNanos()).isEqualTo(20_000_000L);
        assertThat(fixed.hedge().latencyTracker()).isEmpty();
        assertThat(fixedFactory.create(() -> 0L).hedge()).as("a fresh policy per run: it keeps counters")
                .isNotSameAs(fixed.hedge());
        Classification classification = ((RetryPolicy) fixed.retry()).classification();
        assertThat(classification.isRetryable(FailureKind.SERVER_ERROR)).isTrue();
        assertThat(classification.isRetryable(FailureKind.CONFLICT)).isFalse();
        assertThat(classification.isRetryable(FailureKind.TIMEOUT)).isTrue();
        assertThat(fixedFactory.perClient()).isFalse();

        StrategyFactory tailFactory = scenario.strategies().get("tail");
        assertThat(tailFactory.perClient()).isTrue();
        HedgePolicy tail = tailFactory.create(() -> 0L).hedge();
        assertThat(tail.maxHedges()).isEqualTo(1);
        assertThat(tail.fixedDelay()).isEqualTo(Duration.ofMillis(50));
        assertThat(tail.latencyTracker()).hasValueSatisfying(tracker -> {
            assertThat(tracker.percentile()).isEqualTo(99.9);
            assertThat(tracker.windowSize()).isEqualTo(50);
            assertThat(tracker.minSamples()).as("the default 100, cut to the window").isEqualTo(50);
            assertThat(tracker.recomputeEvery()).isEqualTo(5);
        });
        assertThat(tailFactory.create(() -> 0L).hedge().latencyTracker().orElseThrow())
                .isNotSameAs(tail.latencyTracker().orElseThrow());
        assertThat(((RetryPolicy) tailFactory.create(() -> 0L).retry()).classification())
                .isSameAs(Classification.defaults());
        assertThat(scenario.strategies().get("grouped").perClient()).isFalse();
    }

    private static Workload workload(String spec) throws ScenarioException {
        return ScenarioLoader.parse("w.yaml", MINIMAL.replace("{open: 100/s}", spec)).clients().get(0).workload();
    }

    @Test
    void strategyFactory_buildsFreshStatefulObjectsOnTheClockItIsGiven() throws ScenarioException {
        Scenario scenario = ScenarioLoader.parse("s.yaml", MINIMAL.replace("  default: {}", String.join("\n",
                "  guarded:",
                "    maxAttempts: 4",
                "    backoff: {type: linear, base: 10ms, increment: 5ms, jitter: none}",
                "    budget: {type: ratio, percent: 0%, minPerSecond: 1, ttl: 1s}",
                "    breaker: {failureRate: 50%, window: 2, minimumCalls: 2, openDuration: 5s}",
                "    throttle: {k: 1.5, window: 1m}",
                "    adaptive: {window: 10, minimumCalls: 5, attempts: [1, 4]}")));
        AtomicLong now = new AtomicLong();
        ClientStrategy first = scenario.strategies().get("guarded").create(now::get);
        ClientStrategy second = scenario.strategies().get("guarded").create(now::get);
        assertThat(first.budget()).isNotSameAs(second.budget()).isInstanceOf(RatioRetryBudget.class);
        assertThat(first.breaker()).isNotSameAs(second.breaker());
        assertThat(first.throttle()).isNotSameAs(second.throttle());
        assertThat(first.retry()).isNotSameAs(second.retry()).isInstanceOf(AdaptiveRetry.class);
        assertThat(first.throttle().k()).isEqualTo(1.5);
        RetryPolicy policy = ((AdaptiveRetry) first.retry()).policy();
        assertThat(policy.maxAttempts()).isEqualTo(4);
        assertThat(policy.backoff().type()).isEqualTo(BackoffType.LINEAR);
        assertThat(policy.backoff().jitter()).isEqualTo(Jitter.NONE);
        assertThat(policy.backoff().baseDelayNanos(3)).isEqualTo(20_000_000L);

        // the reserve of one retry per second over a 1 s ttl: one retry, then none until it expires
        RatioRetryBudget budget = (RatioRetryBudget) first.budget();
        assertThat(budget.tryAcquireRetry(FailureKind.TIMEOUT, 0L)).isTrue();
        assertThat(budget.tryAcquireRetry(FailureKind.TIMEOUT, 0L)).isFalse();
        now.addAndGet(2 * SECOND);
        assertThat(budget.tryAcquireRetry(FailureKind.TIMEOUT, 0L)).isTrue();
        assertThat(((RatioRetryBudget) second.budget()).availableRetries()).isEqualTo(1L);

        // the breaker opens on its clock and half-opens once that clock passes the open duration
        first.breaker().onFailure(dev.retrylab.strategy.Failure.of(FailureKind.TIMEOUT));
        first.breaker().onFailure(dev.retrylab.strategy.Failure.of(FailureKind.TIMEOUT));
        assertThat(first.breaker().state()).isEqualTo(CircuitState.OPEN);
        assertThat(second.breaker().state()).isEqualTo(CircuitState.CLOSED);
        now.addAndGet(6 * SECOND);
        assertThat(first.breaker().tryAcquirePermission()).isTrue();
        assertThat(first.breaker().state()).isEqualTo(CircuitState.HALF_OPEN);
    }

    @Test
    void tokenBucketSettings_reachTheBudget() throws ScenarioException {
        Scenario scenario = ScenarioLoader.parse("s.yaml", MINIMAL.replace("  default: {}", String.join("\n",
                "  aws: {budget: {type: token-bucket, preset: aws-standard}}",
                "  custom: {budget: {type: token-bucket, capacity: 10, retryCost: 2, refill: 1/s}}",
                "  grpc: {budget: {type: grpc, maxTokens: 4, tokenRatio: 0.5}}")));
        AtomicLong now = new AtomicLong();
        TokenBucketRetryBudget aws = (TokenBucketRetryBudget) scenario.strategies().get("aws").create(now::get).budget();
        assertThat(aws.toString()).isEqualTo(TokenBucketRetryBudget.awsStandard().toString());
        TokenBucketRetryBudget custom =
                (TokenBucketRetryBudget) scenario.strategies().get("custom").create(now::get).budget();
        for (int i = 0; i < 5; i++) {
            assertThat(custom.tryAcquireRetry(FailureKind.UNAVAILABLE, 0L)).isTrue();
        }
        assertThat(custom.tryAcquireRetry(FailureKind.UNAVAILABLE, 0L)).isFalse();
        now.addAndGet(2 * SECOND);
        assertThat(custom.tokens()).isEqualTo(2.0);
        TokenBucketRetryBudget grpc = (TokenBucketRetryBudget) scenario.strategies().get("grpc").create(now::get)
                .budget();
        assertThat(grpc.toString()).isEqualTo(TokenBucketRetryBudget.grpc(4, 0.5).toString());
    }

    @Test
    void missingFile_isAScenarioExceptionNamingIt(@TempDir Path dir) {
        Path missing = dir.resolve("nope.yaml");
        ScenarioException error = catchThrowableOfType(ScenarioException.class, () -> ScenarioLoader.load(missing));
        assertThat(error.errors()).singleElement().satisfies(e -> {
            assertThat(e.file()).isEqualTo(missing.toString());
            assertThat(e.message()).isEqualTo("no such file");
        });
    }

    @Test
    void directoryOrNonUtf8File_isAScenarioException(@TempDir Path dir) throws IOException {
        ScenarioException directory = catchThrowableOfType(ScenarioException.class, () -> ScenarioLoader.load(dir));
        assertThat(directory.errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("could not"));
        Path latin1 = dir.resolve("latin1.yaml");
        Files.write(latin1, new byte[] {'n', 'a', 'm', 'e', ':', ' ', (byte) 0xE9, '\n'});
        ScenarioException encoding = catchThrowableOfType(ScenarioException.class, () -> ScenarioLoader.load(latin1));
        assertThat(encoding.errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("UTF-8"));
    }
}
