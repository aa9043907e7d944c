package dev.retrylab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.retrylab.engine.random.DurationDistribution;
import dev.retrylab.fault.Fault;
import dev.retrylab.model.ClientConfig;
import dev.retrylab.model.ClientStrategy;
import dev.retrylab.model.LoadBalancing;
import dev.retrylab.model.Scenario;
import dev.retrylab.model.ServiceConfig;
import dev.retrylab.model.Workload;
import dev.retrylab.strategy.FailureKind;
import dev.retrylab.strategy.backoff.BackoffType;
import dev.retrylab.strategy.backoff.Jitter;
import dev.retrylab.strategy.breaker.CircuitState;
import dev.retrylab.strategy.budget.RatioRetryBudget;
import dev.retrylab.strategy.budget.TokenBucketRetryBudget;
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
                "retry-storm.yaml", "thundering-herd.yaml", "rate-limited-agents.yaml");
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
        keys.addAll(ScenarioLoader.BURST_KEYS);
        keys.addAll(ScenarioLoader.CLOSED_KEYS);
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
        Set<String> missing = new TreeSet<>();
        for (String key : keys) {
            if (!text.matches("(?s).*[\\s{,]" + key + ":.*")) {
                missing.add(key + ":");
            }
        }
        List<String> values = new ArrayList<>();
        values.addAll(ScenarioLoader.WORKLOADS);
        values.addAll(ScenarioLoader.LOAD_BALANCING);
        values.addAll(DistributionReader.KINDS);
        values.addAll(FaultReader.TYPE_KEYS.keySet());
        values.addAll(FaultReader.OUTAGE_MODES);
        values.addAll(FailureKinds.NAMES);
        values.addAll(BudgetReader.TYPE_KEYS.keySet());
        values.addAll(BudgetReader.PRESETS);
        values.addAll(StrategyReader.BACKOFF_TYPES);
        values.addAll(StrategyReader.JITTERS);
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
        assertThat(scenario.clients()).containsExactly(new ClientConfig("agents", 1000, "api",
                new Workload.OpenLoop(500), 200_000_000L, 5 * SECOND));
        assertThat(scenario.faults()).hasSize(6);
        assertThat(scenario.faults().get(0))
                .isEqualTo(new Fault.Outage("api", 0, 10 * SECOND, 15 * SECOND, Fault.OutageMode.HANG));
        assertThat(scenario.faults().get(1)).isEqualTo(new Fault.Brownout("api", Fault.ALL_REPLICAS, 20 * SECOND,
                25 * SECOND, 0.2, FailureKind.UNAVAILABLE));
        assertThat(scenario.strategies()).containsOnlyKeys("defaults", "linear-proportional", "token-bucket", "grpc",
                "ratio", "adaptive");
        RetryPolicy defaults = (RetryPolicy) scenario.strategies().get("defaults").create(() -> 0L).retry();
        RetryPolicy library = RetryPolicy.builder().maxDuration(Duration.ofSeconds(10)).build();
        assertThat(defaults.toString()).isEqualTo(library.toString());
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
