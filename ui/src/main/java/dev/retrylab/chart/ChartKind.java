package dev.retrylab.chart;

import dev.retrylab.model.ScenarioResult;
import dev.retrylab.model.ServiceConfig;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;

/**
 * The kinds of chart, in the order a report or a row of tabs shows them. The kinds of {@link
 * #RUN} chart a run's result: each makes one chart, except {@link #SERVICE_STATE}, which makes one
 * per service. {@link #SWEEP} charts come from {@link SweepCharts}.
 */
public enum ChartKind {
    /** New requests, attempts and goodput per strategy over time, fault windows shaded: the retry-storm chart. */
    LOAD_OVER_TIME("load", "load over time"),
    /** Attempts per new request per strategy over time. */
    AMPLIFICATION("amplification", "amplification over time"),
    /** Queue length, busy workers and wasted work of one service, per strategy over time. */
    SERVICE_STATE("service", "service state"),
    /** p50 and p99 latency of the requests that ended in each interval, per strategy. */
    LATENCY("latency", "latency percentiles over time"),
    /** Attempts per short bucket around an instant: clients in step, and jitter spreading them. */
    HERD("herd", "herd view"),
    /** The headline metrics per strategy as bars with 95% interval whiskers. */
    COMPARISON("comparison", "comparison of the strategies"),
    /** A metric against one or two swept parameters: lines with 95% whiskers, or heatmaps. */
    SWEEP("sweep", "sweep");

    /** The kinds that chart a run's result, in order: all but {@link #SWEEP}. */
    public static final List<ChartKind> RUN = List.of(LOAD_OVER_TIME, AMPLIFICATION, SERVICE_STATE, LATENCY, HERD,
            COMPARISON);

    private final String fileName;
    private final String title;

    ChartKind(String fileName, String title) {
        this.fileName = fileName;
        this.title = title;
    }

    /** The file name without extension; a service's chart adds {@code -<service>}. */
    public String fileName() {
        return fileName;
    }

    /** What the chart shows, in a few words; chart titles start with the scenario's name. */
    public String title() {
        return title;
    }

    /**
     * This kind's charts of {@code result}, which must hold the time series (a run's result, not
     * a sweep point's).
     *
     * @throws IllegalArgumentException for {@link #SWEEP}, or a result without time series
     */
    public List<NamedChart> charts(ScenarioResult result) {
        if (result.series().isEmpty()) {
            throw new IllegalArgumentException("the result holds no time series to chart");
        }
        return switch (this) {
            case LOAD_OVER_TIME -> one(TimeCharts.loadOverTime(result));
            case AMPLIFICATION -> one(TimeCharts.amplification(result));
            case SERVICE_STATE -> perService(result);
            case LATENCY -> one(TimeCharts.latency(result));
            case HERD -> one(HerdChart.of(result));
            case COMPARISON -> one(ComparisonChart.of(result));
            case SWEEP -> throw new IllegalArgumentException("sweep charts need a sweep: see SweepCharts");
        };
    }

    private List<NamedChart> one(JFreeChart chart) {
        return List.of(new NamedChart(this, fileName, title, chart));
    }

    private List<NamedChart> perService(ScenarioResult result) {
        List<NamedChart> charts = new ArrayList<>();
        for (ServiceConfig service : result.scenario().services()) {
            charts.add(new NamedChart(this, fileName + "-" + service.name(), title + " of " + service.name(),
                    TimeCharts.serviceState(result, service.name())));
        }
        return charts;
    }
}
