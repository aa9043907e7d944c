package dev.retrylab.ui;

import dev.retrylab.chart.NamedChart;
import dev.retrylab.ui.model.ChartReading;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.BorderPane;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.ChartMouseEventFX;
import org.jfree.chart.fx.interaction.ChartMouseListenerFX;
import org.jfree.chart.fx.overlay.CrosshairOverlayFX;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.Crosshair;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.Range;

/**
 * One chart in a {@link ChartViewer}: drag or scroll to zoom, Alt-drag to pan, double-click or the
 * context menu to restore the axes, the context menu to export through the workbench; a vertical
 * crosshair follows the mouse and the line under the chart reads the values under it.
 */
final class ChartView extends BorderPane {

    private final NamedChart chart;
    private final ChartViewer viewer;
    private final Label reading = new Label(" ");
    private final Crosshair crosshair = new Crosshair(Double.NaN, Color.DARK_GRAY, new BasicStroke(0.8f));
    private final List<Runnable> restoreAxes = new ArrayList<>();

    ChartView(NamedChart chart) {
        this.chart = chart;
        makePannable(chart);
        rememberAxes(chart);
        viewer = new ChartViewer(chart.chart());
        if (chart.chart().getPlot() instanceof XYPlot) {
            CrosshairOverlayFX overlay = new CrosshairOverlayFX();
            overlay.addDomainCrosshair(crosshair);
            viewer.getCanvas().addOverlay(overlay);
        }
        viewer.addChartMouseListener(new ChartMouseListenerFX() {
            @Override
            public void chartMouseClicked(ChartMouseEventFX event) {
                if (event.getTrigger().getClickCount() == 2) {
                    restoreAxes.forEach(Runnable::run);
                }
            }

            @Override
            public void chartMouseMoved(ChartMouseEventFX event) {
                read(event.getTrigger().getX(), event.getTrigger().getY());
            }
        });
        MenuItem restore = new MenuItem("Restore the axes");
        restore.setOnAction(event -> restoreAxes.forEach(Runnable::run));
        // the viewer's own menu exports without the workbench's formats, sizes and last folder
        viewer.getContextMenu().getItems().setAll(restore);
        reading.getStyleClass().add("chart-reading");
        setCenter(viewer);
        setBottom(reading);
    }

    /** Adds "Export this chart…" to the context menu, handing the chart to {@code export}. */
    ChartView exportWith(Consumer<NamedChart> export) {
        MenuItem item = new MenuItem("Export this chart…");
        item.setOnAction(event -> export.accept(chart));
        viewer.getContextMenu().getItems().add(0, item);
        return this;
    }

    NamedChart chart() {
        return chart;
    }

    /** The text the crosshair reads now. */
    String reading() {
        return reading.getText();
    }

    /** Reads the chart at a point of the canvas, as the mouse does. */
    void read(double x, double y) {
        ChartReading.at(chart.chart(), viewer.getCanvas().getRenderingInfo(), x, y).ifPresentOrElse(found -> {
            crosshair.setValue(found.x());
            reading.setText(found.text());
        }, () -> {
            crosshair.setValue(Double.NaN);
            reading.setText(" ");
        });
    }

    /** Keeps each value axis' range as first shown, auto or fixed, to restore after zooming and panning. */
    private void rememberAxes(NamedChart chart) {
        List<ValueAxis> axes = new ArrayList<>();
        if (chart.chart().getPlot() instanceof XYPlot plot) {
            axes.add(plot.getDomainAxis());
            axes.add(plot.getRangeAxis());
            if (plot instanceof CombinedDomainXYPlot combined) {
                combined.getSubplots().forEach(panel -> axes.add(panel.getRangeAxis()));
            }
        } else if (chart.chart().getPlot() instanceof CategoryPlot plot) {
            axes.add(plot.getRangeAxis());
            if (plot instanceof CombinedDomainCategoryPlot combined) {
                for (Object panel : combined.getSubplots()) {
                    axes.add(((CategoryPlot) panel).getRangeAxis());
                }
            }
        }
        for (ValueAxis axis : axes) {
            if (axis == null) {
                continue;
            }
            boolean auto = axis.isAutoRange();
            Range range = axis.getRange();
            restoreAxes.add(() -> {
                if (auto) {
                    axis.setAutoRange(true);
                } else {
                    axis.setRange(range);
                }
            });
        }
    }

    private static void makePannable(NamedChart chart) {
        if (chart.chart().getPlot() instanceof XYPlot plot) {
            plot.setDomainPannable(true);
            plot.setRangePannable(true);
            if (plot instanceof CombinedDomainXYPlot combined) {
                for (XYPlot panel : combined.getSubplots()) {
                    panel.setDomainPannable(true);
                    panel.setRangePannable(true);
                }
            }
        }
    }
}
