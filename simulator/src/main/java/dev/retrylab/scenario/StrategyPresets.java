package dev.retrylab.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Strategies by name that reproduce the defaults of well-known systems, for a scenario's
 * {@code extends}. Each is written in the keys of a strategy, with the document its values come
 * from and what could only be approximated; {@code scenarios/reference.yaml} and
 * {@code scenarios/README.md} list the same. Every preset leaves {@code scope} at its default
 * ({@code group}); write {@code scope: client} for one budget, breaker and throttle per simulated
 * client, as each SDK client keeps its own. Immutable and thread-safe.
 */
final class StrategyPresets {

    /**
     * One preset.
     *
     * @param name           what {@code extends} names
     * @param source         the title of the document its values come from
     * @param url            where that document is
     * @param approximations what the strategy keys cannot express exactly, and how it is approximated
     * @param yaml           the preset's keys, as a strategy in a scenario file
     */
    record Preset(String name, String source, String url, String approximations, String yaml) {
    }

    /** Failure kinds that generic retry libraries retry by default besides the library's own defaults. */
    private static final String EVERY_FAILURE = "[server-error, invalid-input, authentication, authorization, "
            + "not-found, business-rule, unknown]";

    private static final Map<String, Preset> PRESETS = new LinkedHashMap<>();
    private static final Map<String, SourceNode> TREES = new LinkedHashMap<>();

    static {
        add(new Preset("aws-standard",
                "AWS SDKs and Tools Reference Guide, \"Retry behavior\" (standard mode, pre-2026 values), and "
                        + "botocore retries/standard.py",
                "https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html",
                "the SDK retries transient errors (500, 502, 503, 504, connection errors, timeouts) and "
                        + "throttling (429 and throttling codes): conflict, lock-timeout and partial-failure are "
                        + "not retried; the SDKs' separate throttling-error delays and modeled retryable errors "
                        + "are not modelled",
                """
                maxAttempts: 3
                backoff: {type: exponential, base: 1s, multiplier: 2, cap: 20s, jitter: full}
                retryAfter: {honor: false}
                retryOn: [server-error]
                neverRetry: [conflict, lock-timeout, partial-failure]
                budget: {type: token-bucket, preset: aws-standard}
                """));
        add(new Preset("aws-legacy",
                "Boto3 documentation, \"Retries\" (legacy retry mode), and botocore data/_retry.json",
                "https://docs.aws.amazon.com/boto3/latest/guide/retries.html",
                "legacy mode differs by SDK; this is the AWS SDK for Python's (5 attempts, a delay of "
                        + "rand(0,1) x 2^(n-1) seconds with no cap, no retry quota); it retries connection errors, "
                        + "timeouts, throttling and 429, 500, 502, 503, 504, 509, so conflict, lock-timeout and "
                        + "partial-failure are not retried",
                """
                maxAttempts: 5
                backoff: {type: exponential, base: 1s, multiplier: 2, cap: none, jitter: full}
                retryAfter: {honor: false}
                retryOn: [server-error]
                neverRetry: [conflict, lock-timeout, partial-failure]
                """));
        add(new Preset("grpc-throttled",
                "gRFC A6, \"gRPC Retry Design\": the retryPolicy and retryThrottling examples",
                "https://github.com/grpc/proposal/blob/master/A6-client-retries.md",
                "retryableStatusCodes [UNAVAILABLE] becomes unavailable and connection (gRPC reports a failed "
                        + "connection as UNAVAILABLE), every other kind is not retried; server pushback is read as "
                        + "Retry-After, which replaces the backoff only when it is longer",
                """
                maxAttempts: 4
                backoff: {type: exponential, base: 100ms, multiplier: 2, cap: 1s, jitter: full}
                neverRetry: [timeout, rate-limited, conflict, lock-timeout, partial-failure]
                budget: {type: grpc, maxTokens: 10, tokenRatio: 0.1}
                """));
        add(new Preset("resilience4j-default",
                "Resilience4j documentation, \"Retry\" and \"CircuitBreaker\" (default configuration)",
                "https://resilience4j.readme.io/docs/retry",
                "Resilience4j retries every exception, so every kind but the local refusals is retried; its "
                        + "breaker records every exception while this one counts the retryable kinds; its half-open "
                        + "state closes when the 10 trial calls stay under the failure rate, this one when all 10 "
                        + "succeed; the slow-call rule (100% of calls over 60 s) is not modelled. As in "
                        + "Resilience4j's default order (Retry around CircuitBreaker), every attempt asks the breaker",
                """
                maxAttempts: 3
                backoff: {type: constant, base: 500ms, jitter: none}
                retryAfter: {honor: false}
                retryOn: %s
                breaker: {failureRate: 50%%, window: 100, minimumCalls: 100, openDuration: 60s, halfOpenCalls: 10}
                """.formatted(EVERY_FAILURE)));
        add(new Preset("failsafe-default",
                "Failsafe documentation, \"Retry Policy\", and the RetryPolicyBuilder Javadoc",
                "https://failsafe.dev/retry/",
                "Failsafe retries any exception, so every kind but the local refusals is retried",
                """
                maxAttempts: 3
                backoff: none
                retryAfter: {honor: false}
                retryOn: %s
                """.formatted(EVERY_FAILURE)));
        add(new Preset("polly-default",
                "Polly documentation, \"Retry resilience strategy\" (RetryStrategyOptions defaults)",
                "https://www.pollydocs.org/strategies/retry",
                "Polly handles every exception but OperationCanceledException, so every kind but the local "
                        + "refusals is retried",
                """
                maxAttempts: 4
                backoff: {type: constant, base: 2s, jitter: none}
                retryAfter: {honor: false}
                retryOn: %s
                """.formatted(EVERY_FAILURE)));
        add(new Preset("envoy-default",
                "Envoy API reference, route.v3.RetryPolicy and config.core.v3.BackoffStrategy",
                "https://www.envoyproxy.io/docs/envoy/latest/api-v3/config/route/v3/route_components.proto",
                "Envoy retries nothing until retry_on is set; this preset assumes retry_on: 5xx (server errors, "
                        + "503, resets, connect failures and per-try timeouts; not 429 or 409); Envoy's n-th retry "
                        + "waits up to (2^n - 1) x 25 ms, the same as here for its single default retry; the cluster's "
                        + "default limit of 3 retries in flight (circuit_breakers max_retries) has no strategy key "
                        + "and is left out, as is the retry budget Envoy applies only when configured",
                """
                maxAttempts: 2
                backoff: {type: exponential, base: 25ms, multiplier: 2, cap: 250ms, jitter: full}
                retryAfter: {honor: false}
                retryOn: [server-error]
                neverRetry: [rate-limited, conflict]
                """));
        add(new Preset("finagle-budget",
                "Finagle blog, \"Retry Budgets\" (2016), and finagle-core Retries and RequeueFilter",
                "https://finagle.github.io/blog/2016/02/08/retry-budgets",
                "Finagle requeues only failures it knows are safe (the request was never written, or the "
                        + "server refused it without work): connection and unavailable; requeues are not delayed; "
                        + "Finagle limits requeues per request to 20% of the budget's balance, 20 when the default "
                        + "budget holds its reserve of 100, here a fixed 20 retries",
                """
                maxAttempts: 21
                backoff: none
                retryAfter: {honor: false}
                neverRetry: [timeout, rate-limited, conflict, lock-timeout, partial-failure]
                budget: {type: ratio, percent: 20%, minPerSecond: 10, ttl: 10s}
                """));
        add(new Preset("sre-adaptive-throttle",
                "Site Reliability Engineering (Google), chapter 21, \"Handling Overload\"",
                "https://sre.google/sre-book/handling-overload/",
                "the book's per-client retry budget (retries below 10% of requests) becomes a ratio budget of "
                        + "10% with no reserve over the throttle's 2-minute window, as the book gives no window for "
                        + "it; retries go at once, as the chapter describes for a backend that rejected the request",
                """
                maxAttempts: 3
                backoff: none
                budget: {type: ratio, percent: 10%, minPerSecond: 0, ttl: 2m}
                throttle: {k: 2, window: 2m}
                """));
    }

    private StrategyPresets() {
    }

    private static void add(Preset preset) {
        PRESETS.put(preset.name(), preset);
        try {
            TREES.put(preset.name(), SourceNode.parse("preset " + preset.name(), preset.yaml()));
        } catch (ScenarioException e) {
            throw new IllegalStateException("preset " + preset.name() + " is not valid YAML: " + e.getMessage(), e);
        }
    }

    /** Every preset, in the order the documentation lists them. */
    static List<Preset> all() {
        return List.copyOf(PRESETS.values());
    }

    /** The names of the presets, in the order the documentation lists them. */
    static Set<String> names() {
        return Collections.unmodifiableSet(PRESETS.keySet());
    }

    /** The keys of the preset {@code name} as a mapping, or null when there is no such preset. */
    static SourceNode tree(String name) {
        return TREES.get(name);
    }
}
