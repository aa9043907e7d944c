package dev.retrylab.ui;

import dev.retrylab.chart.NamedChart;
import dev.retrylab.chart.SweepCharts;
import dev.retrylab.chart.SweepResults;
import dev.retrylab.metrics.SummaryMetric;
import dev.retrylab.report.MetricText;
import java.util.List;
import java.util.function.Consumer;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.util.StringConverter;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The sweep view: one or two keys of the scenario and their values, as {@code retrylab sweep
 * --param} takes them, and a headline metric charted over them. For one key, a line per strategy
 * against its values with 95% whiskers; for two, a heatmap of the strategy chosen, the first key
 * across and the second up. The workbench runs the sweep; this view asks for it and shows it.
 */
final class SweepView extends BorderPane {

    private final TextField parameter = new TextField();
    private final TextField secondParameter = new TextField();
    final Button run = new Button("Run sweep");
    private final ComboBox<SummaryMetric> metric = new ComboBox<>();
    private final Label strategyLabel = new Label("Strategy");
    private final ComboBox<String> strategy = new ComboBox<>();
    private final Consumer<NamedChart> export;
    private SweepResults results;
    private ChartView chart;

    /** @param export what the chart's context menu hands its chart to for export */
    SweepView(Consumer<NamedChart> export) {
        this.export = export;
        parameter.setId("sweepParameter");
        parameter.setPromptText("strategies.retries.maxAttempts=1..6");
        secondParameter.setId("sweepSecondParameter");
        secondParameter.setPromptText("optional: clients.agents.count=1000,10000");
        HBox.setHgrow(parameter, Priority.ALWAYS);
        HBox.setHgrow(secondParameter, Priority.ALWAYS);
        metric.setId("sweepMetric");
        metric.getItems().setAll(SummaryMetric.HEADLINE);
        metric.setConverter(new StringConverter<>() {
            @Override
            public String toString(SummaryMetric shown) {
                return shown == null ? "" : MetricText.title(shown);
            }

            @Override
            public SummaryMetric fromString(String text) {
                throw new UnsupportedOperationException("the metric is chosen, not typed");
            }
        });
        metric.getSelectionModel().select(0);
        metric.valueProperty().addListener((property, before, after) -> redraw());
        strategy.setId("sweepStrategy");
        strategy.valueProperty().addListener((property, before, after) -> redraw());
        showStrategyChooser(false);
        run.setId("runSweep");
        HBox keys = new HBox(8, new Label("Sweep"), parameter, new Label("and"), secondParameter, run);
        HBox choosers = new HBox(8, new Label("Metric"), metric, strategyLabel, strategy);
        keys.setAlignment(Pos.CENTER_LEFT);
        choosers.setAlignment(Pos.CENTER_LEFT);
        VBox controls = new VBox(6, keys, choosers);
        controls.setPadding(new Insets(6));
        setTop(controls);
        setCenter(new Label("Give a key and its values, and a second key if you like, then run the sweep."));
    }

    /** The texts of the key fields, the first key's first; the second may be blank. */
    List<String> parameters() {
        return List.of(parameter.getText(), secondParameter.getText());
    }

    /** Shows {@code sweep}, keeping the metric and, when it is still there, the strategy chosen. */
    void show(SweepResults sweep) {
        results = null; // no redraw while the strategy list changes
        List<String> strategies = sweep.parameters().size() == 2 ? sweep.results().get(0).strategyNames()
                : List.of();
        String before = strategy.getValue();
        String chosen = before != null && strategies.contains(before) ? before
                : strategies.stream().findFirst().orElse(null);
        strategy.getItems().setAll(strategies);
        strategy.setValue(chosen);
        showStrategyChooser(!strategies.isEmpty());
        results = sweep;
        redraw();
    }

    /** The chart shown now, if a sweep has run. */
    Optional<NamedChart> chart() {
        return Optional.ofNullable(chart).map(ChartView::chart);
    }

    private void showStrategyChooser(boolean shown) {
        for (Node node : List.of(strategyLabel, strategy)) {
            node.setVisible(shown);
            node.setManaged(shown);
        }
    }

    /** The line chart for one key; for two, the heatmap of the strategy chosen. */
    private void redraw() {
        if (results == null) {
            return;
        }
        List<NamedChart> charts = SweepCharts.of(results, metric.getValue());
        int shown = results.parameters().size() == 1 ? 0
                : results.results().get(0).strategyNames().indexOf(strategy.getValue());
        chart = new ChartView(charts.get(shown)).exportWith(export);
        setCenter(chart);
    }
}
