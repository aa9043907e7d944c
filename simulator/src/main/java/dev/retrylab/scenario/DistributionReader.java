package dev.retrylab.scenario;

import dev.retrylab.engine.random.DurationDistribution;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads a duration distribution from a scenario file: a plain duration ({@code 10ms}, constant)
 * or a one-key mapping naming the kind:
 *
 * <pre>
 * {constant: 10ms}
 * {exponential: 10ms}                        the mean
 * {uniform: [5ms, 15ms]}                     min and max, both included
 * {normal: {mean: 10ms, sd: 2ms}}            truncated at zero
 * {lognormal: {median: 10ms, p99: 80ms}}
 * {pareto: {scale: 5ms, shape: 1.5, cap: 10s}}   cap optional
 * {mixture: {p: 99.9%, a: ..., b: ...}}      a with probability p, else b
 * {empirical: [1ms, 2ms, 2ms, 9ms]}          each listed value equally likely
 * </pre>
 *
 * Mistakes go to the {@link SpecReader}; the constructors' own checks (a p99 not above the
 * median, …) are reported at the distribution. Not thread-safe.
 */
final class DistributionReader {

    /** The kinds, in the order messages list them. */
    static final List<String> KINDS = List.of("constant", "exponential", "uniform", "normal", "lognormal", "pareto",
            "mixture", "empirical");
    static final List<String> NORMAL_KEYS = List.of("mean", "sd");
    static final List<String> LOGNORMAL_KEYS = List.of("median", "p99");
    static final List<String> PARETO_KEYS = List.of("scale", "shape", "cap");
    static final List<String> MIXTURE_KEYS = List.of("p", "a", "b");

    private static final String EXPECTED = "a duration such as 10ms (constant) or a mapping with one key naming the "
            + "distribution (" + String.join(", ", KINDS) + "), for example {exponential: 10ms}";

    private final SpecReader reader;

    DistributionReader(SpecReader reader) {
        this.reader = reader;
    }

    /** The distribution at {@code node}, or null when it is wrong (reported). */
    DurationDistribution read(SourceNode node) {
        if (node.kind() == SourceNode.Kind.SCALAR) {
            Duration constant = reader.duration(node, null, Duration.ZERO);
            return constant == null ? null : DurationDistribution.constant(constant);
        }
        Map.Entry<String, SourceNode> variant = reader.variant(node, KINDS, EXPECTED);
        if (variant == null) {
            return null;
        }
        SourceNode value = variant.getValue();
        try {
            return switch (variant.getKey()) {
                case "constant" -> map(reader.duration(value, null, Duration.ZERO), DurationDistribution::constant);
                case "exponential" -> map(positive(value), DurationDistribution::exponential);
                case "uniform" -> uniform(value);
                case "normal" -> normal(value);
                case "lognormal" -> lognormal(value);
                case "pareto" -> pareto(value);
                case "mixture" -> mixture(value);
                default -> empirical(value);
            };
        } catch (IllegalArgumentException e) {
            reader.error(node, e.getMessage());
            return null;
        }
    }

    private DurationDistribution uniform(SourceNode value) {
        List<SourceNode> bounds = reader.list(value);
        if (value.kind() == SourceNode.Kind.SEQUENCE && bounds.size() != 2) {
            reader.error(value, "must list two durations, the least and the greatest, for example [5ms, 15ms]; found "
                    + bounds.size());
            return null;
        }
        if (bounds.size() != 2) {
            return null;
        }
        Duration min = reader.duration(bounds.get(0), null, Duration.ZERO);
        Duration max = reader.duration(bounds.get(1), null, Duration.ZERO);
        if (min == null || max == null) {
            return null;
        }
        if (max.compareTo(min) < 0) {
            reader.error(bounds.get(1), "must be at least the least value " + value.items().get(0).scalar());
            return null;
        }
        return DurationDistribution.uniform(min, max);
    }

    private DurationDistribution normal(SourceNode value) {
        Map<String, SourceNode> keys = reader.mapping(value, NORMAL_KEYS, NORMAL_KEYS);
        Duration mean = reader.duration(keys.get("mean"), null, Duration.ZERO);
        Duration sd = positive(keys.get("sd"));
        return mean == null || sd == null ? null : DurationDistribution.truncatedNormal(mean, sd);
    }

    private DurationDistribution lognormal(SourceNode value) {
        Map<String, SourceNode> keys = reader.mapping(value, LOGNORMAL_KEYS, LOGNORMAL_KEYS);
        Duration median = positive(keys.get("median"));
        Duration p99 = positive(keys.get("p99"));
        if (median == null || p99 == null) {
            return null;
        }
        if (p99.compareTo(median) <= 0) {
            reader.error(keys.get("p99"), "must be above the median " + keys.get("median").scalar());
            return null;
        }
        return DurationDistribution.logNormal(median, p99);
    }

    private DurationDistribution pareto(SourceNode value) {
        Map<String, SourceNode> keys = reader.mapping(value, PARETO_KEYS, List.of("scale", "shape"));
        Duration scale = positive(keys.get("scale"));
        double shape = reader.number(keys.get("shape"), Double.NaN, 0.0, 1_000.0);
        Duration cap = reader.duration(keys.get("cap"), null, Duration.ZERO);
        if (scale == null || Double.isNaN(shape)) {
            return null;
        }
        if (shape == 0.0) {
            reader.error(keys.get("shape"), "must be above 0 (the tail index; 1 to 3 is typical)");
            return null;
        }
        if (cap != null && cap.compareTo(scale) < 0) {
            reader.error(keys.get("cap"), "must be at least the scale " + keys.get("scale").scalar());
            return null;
        }
        return cap == null ? DurationDistribution.pareto(scale, shape) : DurationDistribution.pareto(scale, shape, cap);
    }

    private DurationDistribution mixture(SourceNode value) {
        Map<String, SourceNode> keys = reader.mapping(value, MIXTURE_KEYS, MIXTURE_KEYS);
        double p = reader.number(keys.get("p"), Double.NaN, 0.0, 1.0);
        DurationDistribution a = keys.containsKey("a") ? read(keys.get("a")) : null;
        DurationDistribution b = keys.containsKey("b") ? read(keys.get("b")) : null;
        return Double.isNaN(p) || a == null || b == null ? null : DurationDistribution.mixture(p, a, b);
    }

    private DurationDistribution empirical(SourceNode value) {
        List<SourceNode> items = reader.list(value);
        if (value.kind() == SourceNode.Kind.SEQUENCE && items.isEmpty()) {
            reader.error(value, "must list at least one duration, for example [1ms, 2ms, 9ms]");
            return null;
        }
        List<Duration> samples = new ArrayList<>();
        for (SourceNode item : items) {
            Duration sample = reader.duration(item, null, Duration.ZERO);
            if (sample != null) {
                samples.add(sample);
            }
        }
        return items.isEmpty() || samples.size() != items.size() ? null : DurationDistribution.empirical(samples);
    }

    /** A duration above zero, or null (reported when present and wrong). */
    private Duration positive(SourceNode node) {
        return reader.duration(node, null, Duration.ofNanos(1));
    }

    private static DurationDistribution map(Duration value, Function<Duration, DurationDistribution> factory) {
        return value == null ? null : factory.apply(value);
    }
}
