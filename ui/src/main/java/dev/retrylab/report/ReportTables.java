package dev.retrylab.report;

import dev.retrylab.chart.ReportTable;
import dev.retrylab.metrics.PairedComparison;
import dev.retrylab.metrics.ReplicatedSummary;
import dev.retrylab.metrics.SummaryMetric;
import dev.retrylab.model.ScenarioResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The tables of {@code report.pdf}: the summary of every strategy and each strategy against the
 * baseline with its verdicts, from the same cells as the terminal table and {@code summary.md}.
 * Stateless. The workbench shows the same tables.
 */
public final class ReportTables {

    private ReportTables() {
    }

    /** The summary table, and when there are several strategies the one against {@code baseline}. */
    public static List<ReportTable> of(ScenarioResult result, String baseline) {
        List<ReportTable> tables = new ArrayList<>();
        List<String> header = new ArrayList<>();
        header.add("strategy");
        header.addAll(SummaryRows.metricTitles());
        header.add(SummaryRows.RECOVERY);
        List<List<String>> rows = new ArrayList<>();
        for (ReplicatedSummary summary : result.strategies()) {
            List<String> row = new ArrayList<>();
            row.add(summary.name());
            row.addAll(SummaryRows.metricCells(summary));
            row.add(SummaryRows.recovery(summary));
            rows.add(row);
        }
        String note = result.replications() == 1 ? "One replication per strategy: no confidence intervals."
                : result.replications() + " replications per strategy. Every number is the mean over the "
                        + "replications; ± is half the width of its 95% confidence interval (Student t).";
        tables.add(new ReportTable("Summary", note, header, rows));
        if (result.strategies().size() > 1) {
            tables.add(versus(result, baseline));
        }
        return tables;
    }

    private static ReportTable versus(ScenarioResult result, String baseline) {
        List<String> header = new ArrayList<>();
        header.add("strategy");
        SummaryMetric.HEADLINE.forEach(metric -> header.add(MetricText.title(metric)));
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, List<PairedComparison>> entry : result.versus(baseline).entrySet()) {
            List<String> row = new ArrayList<>();
            row.add(entry.getKey());
            for (PairedComparison comparison : entry.getValue()) {
                String difference = MetricText.difference(comparison.metric(), comparison.difference());
                row.add(comparison.verdict() == null ? difference : difference + ", " + comparison.verdict().label());
            }
            rows.add(row);
        }
        String note = result.replications() == 1
                ? "Difference to " + baseline + " in the one replication; more replications give intervals and "
                        + "verdicts."
                : "Mean difference to " + baseline + ", paired by replication, ± half the width of its 95% "
                        + "confidence interval, and the verdict: better or worse when the interval excludes zero.";
        return new ReportTable("Against " + baseline, note, header, rows);
    }
}
