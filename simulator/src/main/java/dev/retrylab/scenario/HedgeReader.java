package dev.retrylab.scenario;

import dev.retrylab.strategy.hedge.HedgePolicy;
import dev.retrylab.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads a strategy's {@code hedge} into a maker of {@link HedgePolicy}s:
 *
 * <pre>
 * {maxHedges: 1, delay: 20ms}                                   a fixed delay
 * {maxHedges: 2, percentile: 95%, fallbackDelay: 50ms, window: 1000, minSamples: 100, recomputeEvery: 10}
 * </pre>
 *
 * Exactly one of {@code delay} and {@code percentile}; a percentile needs its
 * {@code fallbackDelay}, and the tracker settings apply to a percentile only. The defaults are
 * {@link HedgePolicy.Builder}'s. Not thread-safe.
 */
final class HedgeReader {

    static final List<String> KEYS = List.of("maxHedges", "delay", "percentile", "fallbackDelay", "window",
            "minSamples", "recomputeEvery");

    private static final int MAX_WINDOW = 10_000_000;
    private static final List<String> PERCENTILE_ONLY = List.of("fallbackDelay", "window", "minSamples",
            "recomputeEvery");

    private final SpecReader reader;

    HedgeReader(SpecReader reader) {
        this.reader = reader;
    }

    /**
     * Hedging: a fixed {@code delay}, or a {@code percentile} of recent latencies with a
     * {@code fallbackDelay} until {@code minSamples} were seen. Makes a fresh policy per call (it
     * keeps counters and a latency tracker); null when it is wrong (reported).
     */
    Function<Clock, HedgePolicy> read(SourceNode node) {
        int errorsBefore = reader.errors().size();
        Map<String, SourceNode> keys = reader.mapping(node, KEYS, List.of());
        boolean fixed = keys.containsKey("delay");
        boolean percentile = keys.containsKey("percentile");
        if (fixed && percentile) {
            reader.error(keys.get("percentile"), "cannot be combined with delay: give either a fixed delay "
                    + "(delay: 20ms) or a percentile with its fallback (percentile: 95%, fallbackDelay: 50ms)");
        } else if (!fixed && !percentile && node.kind() == SourceNode.Kind.MAPPING) {
            reader.error(node, "a hedge needs a delay: a fixed one (delay: 20ms) or a percentile of recent "
                    + "latencies with a fallback (percentile: 95%, fallbackDelay: 50ms)");
        } else if (percentile && !keys.containsKey("fallbackDelay")) {
            reader.error(node, "the key 'fallbackDelay' is required with a percentile: it is the delay until "
                    + "enough latencies were seen");
        }
        if (!percentile) {
            for (String key : PERCENTILE_ONLY) {
                if (keys.containsKey(key)) {
                    reader.error(keys.get(key), "applies only to a percentile delay (percentile: 95%)");
                }
            }
        }
        int maxHedges = (int) reader.integer(keys.get("maxHedges"), 1, 1, 100);
        Duration delay = reader.duration(keys.get("delay"), Duration.ZERO, Duration.ZERO);
        double percent = percent(keys.get("percentile"));
        Duration fallback = reader.duration(keys.get("fallbackDelay"), Duration.ZERO, Duration.ZERO);
        int window = (int) reader.integer(keys.get("window"), 1000, 1, MAX_WINDOW);
        int minSamples = (int) reader.integer(keys.get("minSamples"), Math.min(100, window), 1, MAX_WINDOW);
        int recomputeEvery = (int) reader.integer(keys.get("recomputeEvery"), Math.min(10, window), 1,
                MAX_WINDOW);
        if (reader.errors().size() != errorsBefore) {
            return null;
        }
        if (fixed) {
            return clock -> HedgePolicy.builder().maxHedges(maxHedges).fixedDelay(delay).build();
        }
        return clock -> HedgePolicy.builder().maxHedges(maxHedges).percentileDelay(percent, fallback).window(window)
                .minSamples(minSamples).recomputeEvery(recomputeEvery).build();
    }

    /** A percentage above 0% and at most 100% ({@code 95%}) as a percentile (95); NaN when absent or wrong. */
    private double percent(SourceNode node) {
        String text = reader.string(node, null);
        if (text == null) {
            return Double.NaN;
        }
        String expected = "must be a percentage above 0% and at most 100%, such as 95% or 99.9%, found '" + text + "'";
        String trimmed = text.trim();
        if (!trimmed.endsWith("%")) {
            reader.error(node, expected);
            return Double.NaN;
        }
        try {
            double value = Double.parseDouble(trimmed.substring(0, trimmed.length() - 1).trim());
            if (value > 0.0 && value <= 100.0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        reader.error(node, expected);
        return Double.NaN;
    }
}
