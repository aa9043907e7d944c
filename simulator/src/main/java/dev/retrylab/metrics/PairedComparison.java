package dev.retrylab.metrics;

import java.util.List;
import java.util.Objects;

/**
 * A strategy against the baseline on one metric, paired by replication: replication r of both
 * met the same arrivals, service times and faults (common random numbers), so the differences
 * {@code d_r = strategy_r - baseline_r} cancel most of the noise both share. The mean difference
 * gets a 95% Student-t interval over the {@code d_r} (the paired t-test's interval), and the
 * verdict says on which side of zero it lies.
 *
 * <p>With one replication there is no interval and no verdict: {@code verdict} is {@code null}.
 * Immutable.
 *
 * @param metric     the metric compared; one with a better direction
 * @param difference the mean of {@code strategy - baseline} and its 95% interval
 * @param verdict    better or worse when the interval excludes zero, else no significant
 *                   difference; {@code null} without an interval
 */
public record PairedComparison(SummaryMetric metric, Estimate difference, Verdict verdict) {

    /** Validates that the verdict follows from the difference. */
    public PairedComparison {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(difference, "difference");
        if (verdict != verdictOf(metric, difference)) {
            throw new IllegalArgumentException("the verdict for " + metric.key() + " must be "
                    + verdictOf(metric, difference) + ", was " + verdict);
        }
    }

    /**
     * Compares {@code strategy} with {@code baseline} on {@code metric}; element r of each list is
     * replication r.
     */
    public static PairedComparison of(SummaryMetric metric, List<RunSummary> strategy, List<RunSummary> baseline) {
        if (strategy.size() != baseline.size() || strategy.isEmpty()) {
            throw new IllegalArgumentException("need the same number of replications, at least one, on both sides: "
                    + strategy.size() + " and " + baseline.size());
        }
        double[] differences = new double[strategy.size()];
        for (int r = 0; r < differences.length; r++) {
            differences[r] = metric.of(strategy.get(r)) - metric.of(baseline.get(r));
        }
        Estimate difference = Estimate.of(differences);
        return new PairedComparison(metric, difference, verdictOf(metric, difference));
    }

    private static Verdict verdictOf(SummaryMetric metric, Estimate difference) {
        if (metric.better() == SummaryMetric.Better.NEITHER) {
            throw new IllegalArgumentException(metric.key() + " has no better direction to judge");
        }
        if (!difference.hasInterval()) {
            return null;
        }
        if (!difference.excludes(0)) {
            return Verdict.NO_SIGNIFICANT_DIFFERENCE;
        }
        boolean higher = difference.mean() > 0;
        return higher == (metric.better() == SummaryMetric.Better.HIGHER) ? Verdict.BETTER : Verdict.WORSE;
    }
}
