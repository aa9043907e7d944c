package dev.retrylab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retrylab.model.ClientStrategy;
import dev.retrylab.model.Scenario;
import dev.retrylab.strategy.Classification;
import dev.retrylab.strategy.FailureKind;
import dev.retrylab.strategy.backoff.BackoffType;
import dev.retrylab.strategy.backoff.Jitter;
import dev.retrylab.strategy.breaker.CircuitBreakerConfig;
import dev.retrylab.strategy.budget.RatioRetryBudget;
import dev.retrylab.strategy.budget.TokenBucketRetryBudget;
import dev.retrylab.strategy.retry.RetryPolicy;
import dev.retrylab.time.Clock;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Every preset loads through {@code extends} and gives the values of the document it cites. The
 * expected numbers are read from those documents (quoted in each test), not from the presets.
 */
class StrategyPresetsTest {

    private static final long MS = 1_000_000L;
    private static final long SECOND = 1_000_000_000L;
    private static final Clock CLOCK = () -> 0L;

    private static ClientStrategy preset(String name) throws ScenarioException {
        Scenario scenario = ScenarioLoader.parse("p.yaml", String.join("\n",
                "duration: 30s",
                "services:",
                "  api: {workers: 4, serviceTime: 10ms}",
                "clients:",
                "  users: {count: 10, target: api, workload: {open: 100/s}, timeout: 1s}",
                "strategies:",
                "  chosen: {extends: " + name + "}",
                ""));
        return scenario.strategies().get("chosen").create(CLOCK);
    }

    private static RetryPolicy policy(ClientStrategy strategy) {
        return (RetryPolicy) strategy.retry();
    }

    @Test
    void everyPreset_loadsThroughExtends() throws ScenarioException {
        assertThat(StrategyPresets.names()).containsExactly("aws-standard", "aws-legacy", "grpc-throttled",
                "resilience4j-default", "failsafe-default", "polly-default", "envoy-default", "finagle-budget",
                "sre-adaptive-throttle");
        for (String name : StrategyPresets.names()) {
            assertThat(policy(preset(name)).maxAttempts()).as(name).isGreaterThan(1);
        }
    }

    @Test
    void awsStandard_followsTheSdkStandardMode() throws ScenarioException {
        // botocore retries/standard.py: DEFAULT_MAX_ATTEMPTS = 3; delay rand(0,1) * min(2 ** (attempt - 1), 20) s
        RetryPolicy policy = policy(preset("aws-standard"));
        assertThat(policy.maxAttempts()).isEqualTo(3);
        assertThat(policy.backoff().jitter()).isEqualTo(Jitter.FULL);
        assertThat(policy.backoff().baseDelayNanos(1)).isEqualTo(SECOND);
        assertThat(policy.backoff().baseDelayNanos(2)).isEqualTo(2 * SECOND);
        assertThat(policy.backoff().baseDelayNanos(6)).isEqualTo(20 * SECOND);
        assertThat(policy.honorRetryAfter()).isFalse();
        // transient: 500, 502, 503, 504 and connection errors; throttling: 429 and its error codes
        assertThat(policy.classification().isRetryable(FailureKind.SERVER_ERROR)).isTrue();
        assertThat(policy.classification().isRetryable(FailureKind.RATE_LIMITED)).isTrue();
        assertThat(policy.classification().isRetryable(FailureKind.CONFLICT)).isFalse();
        assertThat(preset("aws-standard").budget().toString())
                .isEqualTo(TokenBucketRetryBudget.awsStandard().toString());
    }

    @Test
    void awsLegacy_followsBotocoreLegacyMode() throws ScenarioException {
        // botocore data/_retry.json: max_attempts 5, delay base "rand", growth_factor 2, no cap, no quota
        ClientStrategy strategy = preset("aws-legacy");
        assertThat(policy(strategy).maxAttempts()).isEqualTo(5);
        assertThat(policy(strategy).backoff().baseDelayNanos(4)).isEqualTo(8 * SECOND);
        assertThat(policy(strategy).backoff().baseDelayNanos(10)).as("no cap").isEqualTo(512 * SECOND);
        assertThat(strategy.budget()).isNull();
    }

    @Test
    void grpcThrottled_isTheGrfcA6Example() throws ScenarioException {
        // gRFC A6: maxAttempts 4, initialBackoff .1s, maxBackoff 1s, backoffMultiplier 2,
        // retryableStatusCodes [UNAVAILABLE]; retryThrottling maxTokens 10, tokenRatio 0.1
        ClientStrategy strategy = preset("grpc-throttled");
        RetryPolicy policy = policy(strategy);
        assertThat(policy.maxAttempts()).isEqualTo(4);
        assertThat(policy.backoff().type()).isEqualTo(BackoffType.EXPONENTIAL);
        assertThat(policy.backoff().baseDelayNanos(1)).isEqualTo(100 * MS);
        assertThat(policy.backoff().baseDelayNanos(2)).isEqualTo(200 * MS);
        assertThat(policy.backoff().baseDelayNanos(5)).isEqualTo(SECOND);
        assertThat(policy.backoff().jitter()).as("random(0, backoff)").isEqualTo(Jitter.FULL);
        Classification classification = policy.classification();
        assertThat(classification.isRetryable(FailureKind.UNAVAILABLE)).isTrue();
        assertThat(classification.isRetryable(FailureKind.TIMEOUT)).isFalse();
        assertThat(classification.isRetryable(FailureKind.RATE_LIMITED)).isFalse();
        assertThat(strategy.budget().toString()).isEqualTo(TokenBucketRetryBudget.grpc(10, 0.1).toString());
    }

    @Test
    void resilience4jDefault_hasTheRetryAndBreakerDefaults() throws ScenarioException {
        // Retry: maxAttempts 3, waitDuration 500 ms. CircuitBreaker: failureRateThreshold 50,
        // COUNT_BASED slidingWindowSize 100, minimumNumberOfCalls 100, waitDurationInOpenState 60 s,
        // permittedNumberOfCallsInHalfOpenState 10
        ClientStrategy strategy = preset("resilience4j-default");
        RetryPolicy policy = policy(strategy);
        assertThat(policy.maxAttempts()).isEqualTo(3);
        assertThat(policy.backoff().type()).isEqualTo(BackoffType.CONSTANT);
        assertThat(policy.backoff().baseDelayNanos(2)).isEqualTo(500 * MS);
        assertThat(policy.backoff().jitter()).isEqualTo(Jitter.NONE);
        assertThat(policy.classification().isRetryable(FailureKind.NOT_FOUND)).as("every exception").isTrue();
        CircuitBreakerConfig breaker = CircuitBreakerConfig.builder().failureRateThreshold(50).countWindow(100)
                .minimumCalls(100).openDuration(Duration.ofSeconds(60)).halfOpenTrialCalls(10).build();
        assertThat(strategy.breaker().toString()).contains(breaker.toString());
    }

    @Test
    void failsafeAndPollyDefaults_haveTheirAttemptsAndDelays() throws ScenarioException {
        // Failsafe: "retry up to 2 times when any Exception is thrown, with no delay between retry attempts"
        RetryPolicy failsafe = policy(preset("failsafe-default"));
        assertThat(failsafe.maxAttempts()).isEqualTo(3);
        assertThat(failsafe.backoff().baseDelayNanos(2)).isZero();
        assertThat(failsafe.classification().isRetryable(FailureKind.UNKNOWN)).isTrue();
        // Polly RetryStrategyOptions: MaxRetryAttempts 3, Delay 2 s, BackoffType Constant, UseJitter false
        RetryPolicy polly = policy(preset("polly-default"));
        assertThat(polly.maxAttempts()).isEqualTo(4);
        assertThat(polly.backoff().type()).isEqualTo(BackoffType.CONSTANT);
        assertThat(polly.backoff().baseDelayNanos(3)).isEqualTo(2 * SECOND);
        assertThat(polly.backoff().jitter()).isEqualTo(Jitter.NONE);
    }

    @Test
    void envoyDefault_hasOneRetryWithTheDefaultBackOff() throws ScenarioException {
        // num_retries default 1; retry_back_off base_interval 25 ms, max_interval 10 x base, full jitter
        RetryPolicy policy = policy(preset("envoy-default"));
        assertThat(policy.maxAttempts()).isEqualTo(2);
        assertThat(policy.backoff().baseDelayNanos(1)).isEqualTo(25 * MS);
        assertThat(policy.backoff().cap()).isEqualTo(Duration.ofMillis(250));
        assertThat(policy.backoff().jitter()).isEqualTo(Jitter.FULL);
        assertThat(policy.classification().isRetryable(FailureKind.SERVER_ERROR)).as("retry_on 5xx").isTrue();
        assertThat(policy.classification().isRetryable(FailureKind.RATE_LIMITED)).as("429 is not 5xx").isFalse();
    }

    @Test
    void finagleBudget_isTheDefaultRetryBudgetWithImmediateRequeues() throws ScenarioException {
        // RetryBudget(): 20% of requests on top of 10 retries per second, deposits expire after 10 s;
        // requeue backoff Duration.Zero; requeues only for failures that are safe to retry
        ClientStrategy strategy = preset("finagle-budget");
        assertThat(strategy.budget().toString()).isEqualTo(RatioRetryBudget.finagleDefaults(CLOCK).toString());
        assertThat(policy(strategy).backoff().baseDelayNanos(1)).isZero();
        assertThat(policy(strategy).classification().isRetryable(FailureKind.CONNECTION)).isTrue();
        assertThat(policy(strategy).classification().isRetryable(FailureKind.TIMEOUT)).isFalse();
    }

    @Test
    void sreAdaptiveThrottle_hasTheBookValues() throws ScenarioException {
        // chapter 21: K = 2 over two minutes; up to three attempts per request; retries below 10% of requests
        ClientStrategy strategy = preset("sre-adaptive-throttle");
        assertThat(strategy.throttle().k()).isEqualTo(2.0);
        assertThat(strategy.throttle().window()).isEqualTo(Duration.ofMinutes(2));
        assertThat(policy(strategy).maxAttempts()).isEqualTo(3);
        assertThat(strategy.budget().toString())
                .isEqualTo(RatioRetryBudget.of(Duration.ofMinutes(2), 0, 0.1, CLOCK).toString());
    }

    @Test
    void referenceAndReadme_citeEveryPresetWithItsSource() throws IOException {
        String reference = Files.readString(BundledScenarios.file("reference.yaml"));
        String readme = Files.readString(BundledScenarios.file("README.md"));
        for (StrategyPresets.Preset preset : StrategyPresets.all()) {
            assertThat(reference).as("reference.yaml").contains(preset.name(), preset.url());
            assertThat(readme).as("README.md").contains("`" + preset.name() + "`", preset.url());
        }
    }
}
