package dev.retrylab.scenario;

import dev.retrylab.strategy.budget.RatioRetryBudget;
import dev.retrylab.strategy.budget.RetryBudget;
import dev.retrylab.strategy.budget.RetryTimeBudget;
import dev.retrylab.strategy.budget.TokenBucketRetryBudget;
import dev.retrylab.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a strategy's {@code budget}: a mapping with a {@code type} and that type's settings.
 *
 * <pre>
 * {type: token-bucket, preset: aws-standard}
 * {type: token-bucket, capacity: 100, retryCost: 1, timeoutRetryCost:, failureCost: 0, successIncrement: 0,
 *   successAfterRetryIncrement: 0, refundOnSuccess: false, retryOnlyAbove:, initialTokens:, refill: 10/s}
 * {type: grpc, maxTokens: 10, tokenRatio: 0.1}
 * {type: ratio, percent: 20%, minPerSecond: 10, ttl: 10s}
 * {type: retry-time, max: 5s, window: 10s}
 * </pre>
 *
 * The result makes a new budget on each call, on the clock it is given, since a budget keeps
 * state. Not thread-safe.
 */
final class BudgetReader {

    static final Map<String, List<String>> TYPE_KEYS = new LinkedHashMap<>();
    static final Set<String> PRESETS = SpecReader.choices("aws-standard");

    static {
        TYPE_KEYS.put("token-bucket", List.of("preset", "capacity", "initialTokens", "retryCost", "timeoutRetryCost",
                "failureCost", "successIncrement", "successAfterRetryIncrement", "refundOnSuccess", "retryOnlyAbove",
                "refill"));
        TYPE_KEYS.put("grpc", List.of("maxTokens", "tokenRatio"));
        TYPE_KEYS.put("ratio", List.of("percent", "minPerSecond", "ttl"));
        TYPE_KEYS.put("retry-time", List.of("max", "window"));
    }

    private static final Set<String> TYPES = SpecReader.choices(TYPE_KEYS.keySet().toArray(new String[0]));
    private static final double MAX_TOKENS = TokenBucketRetryBudget.MAX_CAPACITY;

    private final SpecReader reader;

    BudgetReader(SpecReader reader) {
        this.reader = reader;
    }

    /** A maker of fresh budgets, or null when the budget is wrong (reported). */
    Function<Clock, RetryBudget> read(SourceNode node) {
        SourceNode typeNode = node.mapping().get("type");
        String type = typeNode == null ? null : reader.choice(typeNode, TYPES, null);
        List<String> allowed = new ArrayList<>(List.of("type"));
        if (type == null) {
            TYPE_KEYS.values().forEach(allowed::addAll);
        } else {
            allowed.addAll(TYPE_KEYS.get(type));
        }
        Map<String, SourceNode> keys = reader.mapping(node, allowed,
                "retry-time".equals(type) ? List.of("type", "max") : List.of("type"));
        if (type == null) {
            return null;
        }
        return switch (type) {
            case "token-bucket" -> tokenBucket(node, keys);
            case "grpc" -> {
                int maxTokens = (int) reader.integer(keys.get("maxTokens"), 10, 1, 1_000);
                double ratio = reader.number(keys.get("tokenRatio"), 0.1, 0.001, 1_000.0);
                yield clock -> TokenBucketRetryBudget.grpc(maxTokens, ratio);
            }
            case "ratio" -> {
                double percent = reader.number(keys.get("percent"), 0.2, 0.0, 1_000.0);
                int minPerSecond = (int) reader.integer(keys.get("minPerSecond"), 10, 0, 1_000_000);
                Duration ttl = reader.duration(keys.get("ttl"), Duration.ofSeconds(10), Duration.ofMillis(1),
                        Duration.ofHours(1));
                yield clock -> RatioRetryBudget.builder(clock).ttl(ttl).minRetriesPerSecond(minPerSecond)
                        .percentCanRetry(percent).build();
            }
            default -> {
                Duration max = reader.duration(keys.get("max"), Duration.ofSeconds(5), Duration.ofNanos(1));
                Duration window = reader.duration(keys.get("window"), Duration.ofSeconds(10), Duration.ofMillis(1),
                        Duration.ofHours(1));
                yield clock -> RetryTimeBudget.of(max, window, clock);
            }
        };
    }

    private Function<Clock, RetryBudget> tokenBucket(SourceNode node, Map<String, SourceNode> keys) {
        if (keys.containsKey("preset")) {
            reader.choice(keys.get("preset"), PRESETS, null);
            for (String key : keys.keySet()) {
                if (!key.equals("type") && !key.equals("preset") && TYPE_KEYS.get("token-bucket").contains(key)) {
                    reader.error(keys.get(key), "cannot be combined with a preset: give either the preset or the "
                            + "settings");
                }
            }
            return clock -> TokenBucketRetryBudget.awsStandard();
        }
        if (!keys.containsKey("capacity") && node.kind() == SourceNode.Kind.MAPPING) {
            reader.error(node, "a token bucket needs either a preset (aws-standard) or a capacity");
        }
        double capacity = tokens(keys.get("capacity"), 1.0);
        Double initial = optionalTokens(keys.get("initialTokens"));
        double retryCost = tokens(keys.get("retryCost"), 1.0);
        Double timeoutRetryCost = optionalTokens(keys.get("timeoutRetryCost"));
        double failureCost = tokens(keys.get("failureCost"), 0.0);
        double successIncrement = tokens(keys.get("successIncrement"), 0.0);
        Double successAfterRetry = optionalTokens(keys.get("successAfterRetryIncrement"));
        boolean refund = reader.bool(keys.get("refundOnSuccess"), false);
        Double threshold = optionalTokens(keys.get("retryOnlyAbove"));
        double refill = reader.ratePerSecond(keys.get("refill"), 0.0);
        if (refill > MAX_TOKENS) {
            reader.error(keys.get("refill"), "must be at most " + (long) MAX_TOKENS + "/s");
        }
        return clock -> {
            TokenBucketRetryBudget.Builder builder = TokenBucketRetryBudget.builder().capacity(capacity)
                    .retryCost(retryCost).failureCost(failureCost).successIncrement(successIncrement)
                    .refundRetryCostOnSuccess(refund);
            if (initial != null) {
                builder.initialTokens(initial);
            }
            if (timeoutRetryCost != null) {
                builder.timeoutRetryCost(timeoutRetryCost);
            }
            if (successAfterRetry != null) {
                builder.successAfterRetryIncrement(successAfterRetry);
            }
            if (threshold != null) {
                builder.retryOnlyAbove(threshold);
            }
            if (refill > 0.0) {
                builder.refill(refill, clock);
            }
            return builder.build();
        };
    }

    private double tokens(SourceNode node, double fallback) {
        return reader.number(node, fallback, 0.0, MAX_TOKENS);
    }

    private Double optionalTokens(SourceNode node) {
        double value = reader.number(node, Double.NaN, 0.0, MAX_TOKENS);
        return Double.isNaN(value) ? null : value;
    }
}
