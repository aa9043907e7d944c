package dev.retrylab.ui;

import dev.retrylab.chart.NamedChart;
import dev.retrylab.chart.SweepCharts;
import dev.retrylab.chart.SweepResults;
import dev.retrylab.metrics.SummaryMetric;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The sweep view: one key of the scenario and its values, as {@code retrylab sweep --param}
 * takes them, and a headline metric charted against the values, one line per strategy with 95%
 * whiskers. The workbench runs the sweep; this view asks for it and shows it.
 */
final class SweepView extends BorderPane {

    final TextField parameter = new TextField();
    final Button run = new Button("Run sweep");
    private final ComboBox<SummaryMetric> metric = new ComboBox<>();
    private SweepResults results;
    private ChartView chart;

    SweepView() {
        parameter.setId("sweepParameter");
        parameter.setPromptText("strategies.retries.maxAttempts=1..6 or clients.agents.count=1000,10000");
        HBox.setHgrow(parameter, Priority.ALWAYS);
        metric.getItems().setAll(SummaryMetric.HEADLINE);
        metric.getSelectionModel().select(0);
        metric.valueProperty().addListener((property, before, after) -> redraw());
        run.setId("runSweep");
        HBox controls = new HBox(8, new Label("Sweep"), parameter, new Label("Metric"), metric, run);
        controls.setPadding(new Insets(6));
        setTop(controls);
        setCenter(new Label("Give a key and its values, then run the sweep."));
    }

    void show(SweepResults sweep) {
        results = sweep;
        redraw();
    }

    /** The chart shown now, if a sweep has run. */
    Optional<NamedChart> chart() {
        return Optional.ofNullable(chart).map(ChartView::chart);
    }

    private void redraw() {
        if (results == null) {
            return;
        }
        chart = new ChartView(SweepCharts.of(results, metric.getValue()).get(0));
        setCenter(chart);
    }
}
