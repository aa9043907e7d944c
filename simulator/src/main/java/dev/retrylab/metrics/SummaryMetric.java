package dev.retrylab.metrics;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The numbers of a {@link RunSummary} that reports average over replications and give intervals
 * for, each with its key in the JSON summary (nested fields joined with a dot) and which direction
 * is better. This is the one place that says which metrics are the headline ones a comparison
 * against a baseline judges ({@link #HEADLINE}), and whether more or less of each is better.
 */
public enum SummaryMetric {
    REQUESTS("requests", Better.NEITHER, RunSummary::requests),
    ATTEMPTS("attempts", Better.NEITHER, RunSummary::attempts),
    AMPLIFICATION("amplification", Better.LOWER, RunSummary::amplification),
    SUCCESSES("successes", Better.NEITHER, RunSummary::successes),
    SUCCESS_RATE("successRate", Better.HIGHER, RunSummary::successRate),
    GOODPUT_PER_S("goodputPerS", Better.HIGHER, RunSummary::goodputPerS),
    LATENCY_MEAN("latencyMs.mean", Better.LOWER, s -> s.latencyMs().mean()),
    LATENCY_P50("latencyMs.p50", Better.LOWER, s -> s.latencyMs().p50()),
    LATENCY_P90("latencyMs.p90", Better.LOWER, s -> s.latencyMs().p90()),
    LATENCY_P99("latencyMs.p99", Better.LOWER, s -> s.latencyMs().p99()),
    LATENCY_P999("latencyMs.p999", Better.LOWER, s -> s.latencyMs().p999());

    /**
     * The metrics a comparison against a baseline judges: how many requests succeed, how much
     * useful work gets done, how much extra load the strategy sends, and the tail latency.
     */
    public static final List<SummaryMetric> HEADLINE = List.of(SUCCESS_RATE, GOODPUT_PER_S, AMPLIFICATION,
            LATENCY_P99);

    /** Which direction of a metric is better. */
    public enum Better {
        HIGHER, LOWER,
        /** A count that says how much happened, not how well (more requests is neither). */
        NEITHER
    }

    private final String key;
    private final Better better;
    private final ToDoubleFunction<RunSummary> value;

    SummaryMetric(String key, Better better, ToDoubleFunction<RunSummary> value) {
        this.key = key;
        this.better = better;
        this.value = value;
    }

    /** The field's path in the JSON summary, for example {@code successRate} or {@code latencyMs.p99}. */
    public String key() {
        return key;
    }

    public Better better() {
        return better;
    }

    /** This metric's value in one run. */
    public double of(RunSummary summary) {
        return value.applyAsDouble(summary);
    }
}
