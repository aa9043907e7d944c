package dev.retrylab.ui.model;

import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;

/**
 * What the crosshair reads at a point of a drawn chart: the x value, and the y value on the axis
 * of the panel under the point, with that axis' label. Only for charts with an x axis (line
 * charts, stacked or not); empty elsewhere, and outside the plotted area.
 *
 * @param x          the value on the x axis
 * @param xLabel     the x axis' label
 * @param y          the value on the y axis of the panel under the point
 * @param yLabel     that axis' label
 */
public record ChartReading(double x, String xLabel, double y, String yLabel) {

    /** The reading at {@code (px, py)} of {@code chart} as last drawn, described by {@code info}. */
    public static Optional<ChartReading> at(JFreeChart chart, ChartRenderingInfo info, double px, double py) {
        if (!(chart.getPlot() instanceof XYPlot plot) || info == null) {
            return Optional.empty();
        }
        Point2D point = new Point2D.Double(px, py);
        PlotRenderingInfo plotInfo = info.getPlotInfo();
        XYPlot panel = plot;
        Rectangle2D area = plotInfo.getDataArea();
        if (plot instanceof CombinedDomainXYPlot combined) {
            int index = plotInfo.getSubplotIndex(point);
            List<XYPlot> panels = combined.getSubplots();
            if (index < 0 || index >= panels.size()) {
                return Optional.empty();
            }
            panel = panels.get(index);
            area = plotInfo.getSubplotInfo(index).getDataArea();
        }
        if (area == null || !area.contains(point) || panel.getRangeAxis() == null) {
            return Optional.empty();
        }
        double x = plot.getDomainAxis().java2DToValue(px, area, RectangleEdge.BOTTOM);
        double y = panel.getRangeAxis().java2DToValue(py, area, RectangleEdge.LEFT);
        return Optional.of(new ChartReading(x, label(plot.getDomainAxis().getLabel()), y,
                label(panel.getRangeAxis().getLabel())));
    }

    private static String label(String label) {
        return label == null || label.isBlank() ? "value" : label;
    }

    /** {@code time (s) 12.34, attempts (/s) 456.7}. */
    public String text() {
        return String.format(Locale.ROOT, "%s %s, %s %s", xLabel, number(x), yLabel, number(y));
    }

    private static String number(double value) {
        return Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%.1f", value)
                : String.format(Locale.ROOT, "%.3g", value);
    }
}
