package dev.retrylab.chart;

import dev.retrylab.metrics.ColumnNames;
import dev.retrylab.metrics.IntervalSeries;
import dev.retrylab.model.ScenarioResult;
import dev.retrylab.time.DurationText;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The charts over the time of a run (replication 0): panels stacked on one time axis, each with a
 * line per strategy, and every fault as a shaded band (labelled in the top panel). Values are
 * drawn at the middle of their interval. Stateless.
 */
final class TimeCharts {

    /** One panel: its axis label with the unit, and the value per interval of a strategy's series. */
    record Panel(String axisLabel, Function<IntervalSeries, double[]> values) {
    }

    private TimeCharts() {
    }

    static JFreeChart loadOverTime(ScenarioResult result) {
        return stacked(result, ChartKind.LOAD_OVER_TIME.title(), List.of(
                new Panel("new requests (/s)", series -> perSecond(series, IntervalSeries.REQUESTS)),
                new Panel("attempts (/s)", series -> perSecond(series, IntervalSeries.ATTEMPTS)),
                new Panel("goodput (successes/s)", IntervalSeries::goodput)));
    }

    static JFreeChart amplification(ScenarioResult result) {
        return stacked(result, ChartKind.AMPLIFICATION.title(), List.of(
                new Panel("amplification (attempts per new request)", TimeCharts::amplification)));
    }

    static JFreeChart serviceState(ScenarioResult result, String service) {
        return stacked(result, ChartKind.SERVICE_STATE.title() + " of " + service, List.of(
                new Panel("queue length (attempts)", series -> series.values(ColumnNames.queue(service))),
                new Panel("busy workers (workers)", series -> series.values(ColumnNames.busy(service))),
                new Panel("wasted work (worker-s/s)", series -> wastedWork(series, service))));
    }

    static JFreeChart latency(ScenarioResult result) {
        return stacked(result, ChartKind.LATENCY.title(), List.of(
                new Panel("p50 latency (ms)", series -> series.values(ColumnNames.LATENCY_P50)),
                new Panel("p99 latency (ms)", series -> series.values(ColumnNames.LATENCY_P99))));
    }

    /** Counter {@code column} per second of each interval. */
    static double[] perSecond(IntervalSeries series, int column) {
        double seconds = series.intervalNanos() / 1e9;
        double[] values = series.values(column);
        for (int i = 0; i < values.length; i++) {
            values[i] /= Math.min(seconds, (series.endNanos() - series.intervalStartNanos(i)) / 1e9);
        }
        return values;
    }

    /** Attempts per new request in each interval; NaN where no request started. */
    static double[] amplification(IntervalSeries series) {
        double[] values = new double[series.intervalCount()];
        for (int i = 0; i < values.length; i++) {
            long requests = series.count(IntervalSeries.REQUESTS, i);
            values[i] = requests == 0 ? Double.NaN : (double) series.count(IntervalSeries.ATTEMPTS, i) / requests;
        }
        return values;
    }

    /** Worker-seconds wasted per second of each interval: how many workers, on average, worked for nobody. */
    static double[] wastedWork(IntervalSeries series, String service) {
        double[] values = series.values(ColumnNames.wasted(service));
        for (int i = 0; i < values.length; i++) {
            values[i] /= Math.min(series.intervalNanos(), series.endNanos() - series.intervalStartNanos(i));
        }
        return values;
    }

    private static JFreeChart stacked(ScenarioResult result, String what, List<Panel> panels) {
        List<String> strategies = result.strategyNames();
        CombinedDomainXYPlot plot = ChartParts.styled(new CombinedDomainXYPlot(ChartParts.timeAxis()));
        plot.setGap(12);
        for (int p = 0; p < panels.size(); p++) {
            XYSeriesCollection dataset = new XYSeriesCollection();
            for (String strategy : strategies) {
                IntervalSeries series = result.series().get(strategy);
                dataset.addSeries(ChartParts.series(strategy, points(series, panels.get(p).values().apply(series))));
            }
            XYPlot panel = ChartParts.linePlot(dataset, panels.get(p).axisLabel(), strategies);
            ChartParts.faultBands(panel, result.scenario().faults(), p == 0);
            plot.add(panel, 1);
        }
        plot.setFixedLegendItems(ChartParts.strategyLegend(strategies));
        return ChartParts.chart(result.scenario().name() + ": " + what, subtitle(result), plot, true);
    }

    /** The values of a series at the middle of their intervals, in seconds. */
    private static Decimation.Points points(IntervalSeries series, double[] values) {
        double[] x = new double[values.length];
        for (int i = 0; i < x.length; i++) {
            long start = series.intervalStartNanos(i);
            long end = Math.min(start + series.intervalNanos(), series.endNanos());
            x[i] = (start + end) / 2e9;
        }
        return new Decimation.Points(x, values);
    }

    /** Which run the chart shows. */
    static String subtitle(ScenarioResult result) {
        String run = result.replications() == 1 ? "one run" : "replication 0 of " + result.replications();
        return String.format(Locale.ROOT, "seed %d, %s, %s intervals", result.scenario().seed(), run,
                DurationText.format(Duration.ofNanos(result.scenario().intervalNanos())));
    }
}
