package dev.retrylab.chart;

import java.util.Objects;
import org.jfree.chart.JFreeChart;

/**
 * A chart with what a file or a tab needs to name it.
 *
 * @param kind  what it shows
 * @param name  a file name without extension, such as {@code load} or {@code service-api}
 * @param title its title, for a tab: {@code load over time}, {@code service state of api}
 * @param chart the chart, ready to draw (headless, or in a JavaFX {@code ChartViewer})
 */
public record NamedChart(ChartKind kind, String name, String title, JFreeChart chart) {

    /** Checks that nothing is missing. */
    public NamedChart {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(chart, "chart");
    }
}
