package dev.retrylab.chart;

import dev.retrylab.model.ScenarioResult;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;

/**
 * The charts of a run's results, built with JFreeChart, without JavaFX: they draw headless (to
 * PNG, SVG or PDF through {@link ChartExport}) and in a JavaFX {@code ChartViewer} alike. Every
 * chart's title starts with the scenario's name, its axes carry units, each strategy keeps its
 * {@linkplain StrategyPalette colour} from chart to chart, fault windows are labelled shaded
 * bands, and long series are {@linkplain Decimation decimated} without losing their peaks. The
 * time charts show replication 0; the comparison, every replication.
 *
 * <p>Each call builds a new chart from the result; a chart is not thread-safe once built (draw it
 * on one thread at a time). The result must hold time series: a run's, not a sweep point's.
 */
public final class Charts {

    private Charts() {
    }

    /** Every chart of {@code result}, in the order of {@link ChartKind#RUN}. */
    public static List<NamedChart> all(ScenarioResult result) {
        List<NamedChart> charts = new ArrayList<>();
        for (ChartKind kind : ChartKind.RUN) {
            charts.addAll(kind.charts(result));
        }
        return charts;
    }

    /** New requests, attempts and goodput per strategy over time, with every fault window shaded. */
    public static JFreeChart loadOverTime(ScenarioResult result) {
        return ChartKind.LOAD_OVER_TIME.charts(result).get(0).chart();
    }

    /** Attempts per new request per strategy over time. */
    public static JFreeChart amplification(ScenarioResult result) {
        return ChartKind.AMPLIFICATION.charts(result).get(0).chart();
    }

    /** Queue length, busy workers and wasted work of {@code service} per strategy over time. */
    public static JFreeChart serviceState(ScenarioResult result, String service) {
        String name = ChartKind.SERVICE_STATE.fileName() + "-" + service;
        return ChartKind.SERVICE_STATE.charts(result).stream().filter(chart -> chart.name().equals(name))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no service named '" + service + "'"))
                .chart();
    }

    /** p50 and p99 latency of the requests that ended in each interval, per strategy. */
    public static JFreeChart latency(ScenarioResult result) {
        return ChartKind.LATENCY.charts(result).get(0).chart();
    }

    /** Attempts per short bucket in the scenario's herd window, per strategy. */
    public static JFreeChart herd(ScenarioResult result) {
        return ChartKind.HERD.charts(result).get(0).chart();
    }

    /** The headline metrics per strategy as bars with 95% interval whiskers. */
    public static JFreeChart comparison(ScenarioResult result) {
        return ChartKind.COMPARISON.charts(result).get(0).chart();
    }
}
