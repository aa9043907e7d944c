package dev.retrylab.cli;

import dev.retrylab.metrics.IntervalSeries;
import dev.retrylab.metrics.PairedComparison;
import dev.retrylab.metrics.ReplicatedSummary;
import dev.retrylab.metrics.SummaryMetric;
import dev.retrylab.metrics.Verdict;
import dev.retrylab.model.Scenario;
import dev.retrylab.model.ScenarioResult;
import dev.retrylab.report.MetricText;
import dev.retrylab.report.SummaryRows;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The terminal table of {@code retrylab run}: one row per strategy with a sparkline of its
 * attempts per second (replication 0, every strategy on one scale), then each strategy against
 * the baseline with the verdict's marker. Colour, when asked for, marks better and worse results
 * and failures to recover; without it the text is the same, minus the escape codes.
 */
final class SummaryTable {

    /** The most characters of a sparkline. */
    static final int SPARKLINE_WIDTH = 40;

    private static final String GREEN = "\u001B[32m";
    private static final String RED = "\u001B[31m";
    private static final String BOLD = "\u001B[1m";
    private static final String RESET = "\u001B[0m";

    private final boolean colour;

    SummaryTable(boolean colour) {
        this.colour = colour;
    }

    void print(PrintWriter out, ScenarioResult result, String baseline) {
        Scenario scenario = result.scenario();
        int replications = result.replications();
        out.println(String.format(Locale.ROOT, "%s: %d strategies, %.0f s, seed %d, %s", scenario.name(),
                result.strategies().size(), scenario.durationNanos() / 1e9, scenario.seed(),
                replications == 1 ? "1 replication"
                        : replications + " replications (means, ± half the 95% interval)"));
        double top = 0;
        for (IntervalSeries series : result.series().values()) {
            top = Math.max(top, Arrays.stream(attemptsPerSecond(series)).max().orElse(0));
        }
        boolean[] right = new boolean[SummaryRows.COLUMNS.size() + 3];
        Arrays.fill(right, 1, right.length - 2, true);
        TextTable table = new TextTable(right);
        List<String> header = new ArrayList<>();
        header.add("strategy");
        header.addAll(SummaryRows.metricTitles());
        header.add(String.format(Locale.ROOT, "attempts/s 0-%.0f%s", top, replications == 1 ? "" : " (repl. 0)"));
        header.add(SummaryRows.RECOVERY);
        table.add(header.stream().map(this::bold).toList());
        for (ReplicatedSummary summary : result.strategies()) {
            List<String> row = new ArrayList<>();
            row.add(summary.name());
            row.addAll(SummaryRows.metricCells(summary));
            row.add(Sparkline.of(attemptsPerSecond(result.series().get(summary.name())), top, SPARKLINE_WIDTH));
            row.add(recovery(SummaryRows.recovery(summary)));
            table.add(row);
        }
        table.print(out);
        if (result.strategies().size() > 1) {
            printComparison(out, result, baseline);
        }
    }

    private void printComparison(PrintWriter out, ScenarioResult result, String baseline) {
        out.println();
        out.println(result.replications() == 1
                ? "against " + baseline + " (one replication: no intervals, no verdicts; use --replications 2 or more)"
                : "against " + baseline + ", mean difference paired by replication: "
                        + mark(Verdict.BETTER) + " better, " + mark(Verdict.WORSE) + " worse, "
                        + mark(Verdict.NO_SIGNIFICANT_DIFFERENCE) + " no significant difference");
        boolean[] right = new boolean[SummaryMetric.HEADLINE.size() + 1];
        Arrays.fill(right, 1, right.length, true);
        TextTable table = new TextTable(right);
        List<String> header = new ArrayList<>();
        header.add("strategy");
        SummaryMetric.HEADLINE.forEach(metric -> header.add(MetricText.title(metric)));
        table.add(header.stream().map(this::bold).toList());
        for (Map.Entry<String, List<PairedComparison>> entry : result.versus(baseline).entrySet()) {
            List<String> row = new ArrayList<>();
            row.add(entry.getKey());
            for (PairedComparison comparison : entry.getValue()) {
                String difference = MetricText.difference(comparison.metric(), comparison.difference());
                row.add(comparison.verdict() == null ? difference : difference + " " + mark(comparison.verdict()));
            }
            table.add(row);
        }
        table.print(out);
    }

    /** The attempts of each interval per second of it (the last interval may be shorter). */
    static double[] attemptsPerSecond(IntervalSeries series) {
        double[] rates = new double[series.intervalCount()];
        for (int i = 0; i < rates.length; i++) {
            long covered = Math.min(series.intervalNanos(), series.endNanos() - series.intervalStartNanos(i));
            rates[i] = series.count(IntervalSeries.ATTEMPTS, i) / (covered / 1e9);
        }
        return rates;
    }

    private String mark(Verdict verdict) {
        return switch (verdict) {
            case BETTER -> coloured(GREEN, "▲");
            case WORSE -> coloured(RED, "▼");
            case NO_SIGNIFICANT_DIFFERENCE -> "=";
        };
    }

    private String recovery(String text) {
        return text.contains("never") ? coloured(RED, text) : text;
    }

    private String bold(String text) {
        return coloured(BOLD, text);
    }

    private String coloured(String code, String text) {
        return colour ? code + text + RESET : text;
    }
}
