package dev.retrylab.report;

import dev.retrylab.metrics.ReplicatedSummary;
import dev.retrylab.metrics.SummaryMetric;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The cells the terminal table, the markdown and the report's tables share: one row per strategy
 * with the means (and ± for the headline metrics), and how each fault's recovery went over the
 * replications. Stateless.
 */
public final class SummaryRows {

    /** The metrics of the summary table, in column order. */
    public static final List<SummaryMetric> COLUMNS = List.of(SummaryMetric.REQUESTS, SummaryMetric.ATTEMPTS,
            SummaryMetric.AMPLIFICATION, SummaryMetric.SUCCESS_RATE, SummaryMetric.GOODPUT_PER_S,
            SummaryMetric.LATENCY_P50, SummaryMetric.LATENCY_P99);

    public static final String RECOVERY = "recovered after";

    private SummaryRows() {
    }

    /** The metrics' titles, after the strategy's. */
    public static List<String> metricTitles() {
        return COLUMNS.stream().map(MetricText::title).toList();
    }

    /** The metric cells of one strategy: headline metrics with their ±, the others as means. */
    public static List<String> metricCells(ReplicatedSummary summary) {
        List<String> cells = new ArrayList<>();
        for (SummaryMetric metric : COLUMNS) {
            cells.add(SummaryMetric.HEADLINE.contains(metric) ? MetricText.value(summary, metric)
                    : MetricText.mean(summary, metric));
        }
        return cells;
    }

    /**
     * Per fault: the mean recovery time when every replication recovered, {@code never} when none
     * did, and {@code never in k of R} when some did not (a mean over the others would hide them);
     * {@code -} without faults.
     */
    public static String recovery(ReplicatedSummary summary) {
        int faults = summary.first().recovery().size();
        if (faults == 0) {
            return "-";
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < faults; i++) {
            int fault = i;
            int recovered = summary.count(run -> run.recovery().get(fault).recovered());
            if (recovered == summary.replications()) {
                parts.add(String.format(Locale.ROOT, "%.0f s",
                        summary.mean(run -> run.recovery().get(fault).recoveredAfterS())));
            } else if (recovered == 0) {
                parts.add("never");
            } else {
                parts.add("never in " + (summary.replications() - recovered) + " of " + summary.replications());
            }
        }
        return String.join(", ", parts);
    }
}
