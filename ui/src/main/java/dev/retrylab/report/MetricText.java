package dev.retrylab.report;

import dev.retrylab.metrics.Estimate;
import dev.retrylab.metrics.ReplicatedSummary;
import dev.retrylab.metrics.SummaryMetric;
import java.util.Locale;

/**
 * How every table of results (the terminal's, the markdown's, the report's) prints a metric: its
 * column title, its mean with the half-width of the 95% interval ({@code 97.1% ±0.4}), and a
 * difference to the baseline ({@code -2.0 pp ±0.5}). Success rates print as percentages, their
 * differences in percentage points. Stateless.
 */
public final class MetricText {

    private MetricText() {
    }

    /** The column title of {@code metric}. */
    public static String title(SummaryMetric metric) {
        return switch (metric) {
            case REQUESTS -> "requests";
            case ATTEMPTS -> "attempts";
            case AMPLIFICATION -> "amplif";
            case SUCCESSES -> "successes";
            case SUCCESS_RATE -> "success";
            case GOODPUT_PER_S -> "goodput/s";
            case LATENCY_MEAN -> "mean ms";
            case LATENCY_P50 -> "p50 ms";
            case LATENCY_P90 -> "p90 ms";
            case LATENCY_P99 -> "p99 ms";
            case LATENCY_P999 -> "p99.9 ms";
        };
    }

    /** The mean of {@code metric} in {@code summary}, and its ± when there is an interval. */
    public static String value(ReplicatedSummary summary, SummaryMetric metric) {
        Estimate estimate = summary.estimate(metric);
        String mean = number(metric, estimate.mean(), false) + (metric == SummaryMetric.SUCCESS_RATE ? "%" : "");
        return estimate.hasInterval() ? mean + " ±" + number(metric, estimate.halfWidth(), false) : mean;
    }

    /** The mean of {@code metric} in {@code summary}, without its interval. */
    public static String mean(ReplicatedSummary summary, SummaryMetric metric) {
        return number(metric, summary.mean(metric::of), false) + (metric == SummaryMetric.SUCCESS_RATE ? "%" : "");
    }

    /** A mean difference to the baseline, signed, and its ± when there is an interval. */
    public static String difference(SummaryMetric metric, Estimate difference) {
        String mean = number(metric, difference.mean(), true) + (metric == SummaryMetric.SUCCESS_RATE ? " pp" : "");
        return difference.hasInterval() ? mean + " ±" + number(metric, difference.halfWidth(), false) : mean;
    }

    private static String number(SummaryMetric metric, double value, boolean signed) {
        double scaled = metric == SummaryMetric.SUCCESS_RATE ? 100 * value : value;
        int decimals = switch (metric) {
            case REQUESTS, ATTEMPTS, SUCCESSES -> 0;
            case AMPLIFICATION -> 2;
            default -> 1;
        };
        String text = String.format(Locale.ROOT, "%" + (signed ? "+" : "") + "." + decimals + "f", scaled);
        // a difference that rounds to zero reads better without a sign or a minus
        return text.matches("[+-]?0(\\.0+)?") ? text.replaceFirst("^[+-]", "") : text;
    }
}
