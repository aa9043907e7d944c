package dev.retrylab.cli;

import dev.retrylab.metrics.PairedComparison;
import dev.retrylab.metrics.ReplicatedSummary;
import dev.retrylab.metrics.SummaryMetric;
import dev.retrylab.model.Scenario;
import dev.retrylab.model.ScenarioResult;
import dev.retrylab.report.MetricText;
import dev.retrylab.report.SummaryRows;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code summary.md}: the scenario's name and description, a table of the strategies, and each
 * strategy against the baseline with its verdict in words, ready to paste into a design review.
 * Stateless.
 */
final class SummaryMarkdown {

    private SummaryMarkdown() {
    }

    static String write(ScenarioResult result, String baseline) {
        Scenario scenario = result.scenario();
        int replications = result.replications();
        StringBuilder md = new StringBuilder();
        md.append("# ").append(scenario.name()).append("\n\n");
        if (!scenario.description().isBlank()) {
            md.append(scenario.description().strip()).append("\n\n");
        }
        md.append(String.format(Locale.ROOT, "Seed %d, %.0f s of simulated time, ", scenario.seed(),
                scenario.durationNanos() / 1e9));
        md.append(replications == 1 ? "one replication per strategy (no confidence intervals).\n\n"
                : replications + " replications per strategy. Every number is the mean over the replications; "
                        + "± is half the width of its 95% confidence interval (Student t).\n\n");
        List<String> header = new ArrayList<>();
        header.add("strategy");
        header.addAll(SummaryRows.metricTitles());
        header.add(SummaryRows.RECOVERY);
        table(md, header, "---:");
        for (ReplicatedSummary summary : result.strategies()) {
            List<String> row = new ArrayList<>();
            row.add(summary.name());
            row.addAll(SummaryRows.metricCells(summary));
            row.add(SummaryRows.recovery(summary));
            row(md, row);
        }
        if (result.strategies().size() > 1) {
            comparison(md, result, baseline);
        }
        return md.toString();
    }

    private static void comparison(StringBuilder md, ScenarioResult result, String baseline) {
        md.append("\n## Against ").append(baseline).append("\n\n");
        md.append(result.replications() == 1
                ? "Difference to " + baseline + " in the one replication; more replications give intervals and "
                        + "verdicts.\n\n"
                : "Mean difference to " + baseline + ", paired by replication (replication r of every strategy met "
                        + "the same arrivals, service times and faults), ± half the width of its 95% confidence "
                        + "interval, and the verdict: better or worse when the interval excludes zero.\n\n");
        List<String> header = new ArrayList<>();
        header.add("strategy");
        SummaryMetric.HEADLINE.forEach(metric -> header.add(MetricText.title(metric)));
        table(md, header, "---:");
        for (Map.Entry<String, List<PairedComparison>> entry : result.versus(baseline).entrySet()) {
            List<String> row = new ArrayList<>();
            row.add(entry.getKey());
            for (PairedComparison comparison : entry.getValue()) {
                String difference = MetricText.difference(comparison.metric(), comparison.difference());
                row.add(comparison.verdict() == null ? difference
                        : difference + ", " + comparison.verdict().label());
            }
            row(md, row);
        }
    }

    /** The header row and the alignment row: the first column left, the others {@code alignment}. */
    private static void table(StringBuilder md, List<String> header, String alignment) {
        row(md, header);
        List<String> rule = new ArrayList<>();
        rule.add(":---");
        for (int i = 1; i < header.size(); i++) {
            rule.add(alignment);
        }
        row(md, rule);
    }

    private static void row(StringBuilder md, List<String> cells) {
        md.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }
}
