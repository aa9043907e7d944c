package dev.retrylab.ui;

import dev.retrylab.chart.NamedChart;
import dev.retrylab.ui.model.ChartReading;
import java.awt.BasicStroke;
import java.awt.Color;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.ChartMouseEventFX;
import org.jfree.chart.fx.interaction.ChartMouseListenerFX;
import org.jfree.chart.fx.overlay.CrosshairOverlayFX;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.Crosshair;
import org.jfree.chart.plot.XYPlot;

/**
 * One chart in a {@link ChartViewer}: drag to zoom, scroll to zoom, Alt-drag to pan, the context
 * menu to reset the zoom or export; a vertical crosshair follows the mouse and the line under the
 * chart reads the values under it.
 */
final class ChartView extends BorderPane {

    private final NamedChart chart;
    private final ChartViewer viewer;
    private final Label reading = new Label(" ");
    private final Crosshair crosshair = new Crosshair(Double.NaN, Color.DARK_GRAY, new BasicStroke(0.8f));

    ChartView(NamedChart chart) {
        this.chart = chart;
        makePannable(chart);
        viewer = new ChartViewer(chart.chart());
        if (chart.chart().getPlot() instanceof XYPlot) {
            CrosshairOverlayFX overlay = new CrosshairOverlayFX();
            overlay.addDomainCrosshair(crosshair);
            viewer.getCanvas().addOverlay(overlay);
        }
        viewer.addChartMouseListener(new ChartMouseListenerFX() {
            @Override
            public void chartMouseClicked(ChartMouseEventFX event) {
            }

            @Override
            public void chartMouseMoved(ChartMouseEventFX event) {
                read(event.getTrigger().getX(), event.getTrigger().getY());
            }
        });
        reading.getStyleClass().add("chart-reading");
        setCenter(viewer);
        setBottom(reading);
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
