package dev.retrylab.chart;

import dev.retrylab.fault.Fault;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The look every chart shares: fonts, a white background, axes whose tick labels do not depend
 * on the locale, a line per strategy in its {@linkplain StrategyPalette colour}, fault windows as
 * labelled grey bands, and long series {@linkplain Decimation decimated} for drawing. Stateless.
 */
final class ChartParts {

    /** Columns a series is thinned to: enough for a chart 2000 pixels wide. */
    static final int DRAWING_COLUMNS = 2000;

    static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 20);
    static final Font SUBTITLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final Color GRID = new Color(0xDDDDDD);
    /** A translucent grey: the label of a band is drawn opaque, only the band is see-through. */
    private static final Color BAND = new Color(0x99, 0x99, 0x99, 64);
    private static final Color LABEL_BACKGROUND = new Color(255, 255, 255, 200);

    private ChartParts() {
    }

    /** A chart with its title and a subtitle under it, on white, with a legend if asked. */
    static JFreeChart chart(String title, String subtitle, Plot plot, boolean legend) {
        JFreeChart chart = new JFreeChart(title, TITLE_FONT, plot, legend);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        if (subtitle != null && !subtitle.isBlank()) {
            chart.addSubtitle(0, new TextTitle(subtitle, SUBTITLE_FONT));
        }
        if (legend) {
            chart.getLegend().setItemFont(LABEL_FONT);
            chart.getLegend().setFrame(new BlockBorder(Color.WHITE));
        }
        return chart;
    }

    /** A value axis labelled with its quantity and unit, its ticks printed the same in every locale. */
    static NumberAxis axis(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setLabelFont(LABEL_FONT);
        axis.setTickLabelFont(TICK_FONT);
        axis.setStandardTickUnits(NumberAxis.createStandardTickUnits(Locale.ROOT));
        return axis;
    }

    /** The time axis of the charts over a run. */
    static NumberAxis timeAxis() {
        NumberAxis axis = axis("time (s)");
        axis.setAutoRangeIncludesZero(false);
        return axis;
    }

    /** Styles a plot: white background, light grid lines. */
    static <P extends XYPlot> P styled(P plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        return plot;
    }

    /**
     * A plot of one line per strategy: series {@code i} of {@code dataset} must be the strategy at
     * index {@code i} of {@code strategies}, and gets that strategy's colour.
     */
    static XYPlot linePlot(XYSeriesCollection dataset, String rangeLabel, List<String> strategies) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < dataset.getSeriesCount(); i++) {
            int strategy = strategies.indexOf((String) dataset.getSeriesKey(i));
            renderer.setSeriesPaint(i, StrategyPalette.colour(strategy));
            renderer.setSeriesStroke(i, new BasicStroke(1.6f));
        }
        NumberAxis range = axis(rangeLabel);
        return styled(new XYPlot(dataset, null, range, renderer));
    }

    /** A series named {@code key} of the points, thinned for drawing. */
    static XYSeries series(String key, Decimation.Points points) {
        Decimation.Points drawn = Decimation.minMax(points, DRAWING_COLUMNS);
        XYSeries series = new XYSeries(key, false, true);
        for (int i = 0; i < drawn.size(); i++) {
            series.add(drawn.x()[i], drawn.y()[i], false);
        }
        return series;
    }

    /** One legend entry per strategy, in its colour. */
    static LegendItemCollection strategyLegend(List<String> strategies) {
        LegendItemCollection items = new LegendItemCollection();
        for (int i = 0; i < strategies.size(); i++) {
            LegendItem item = new LegendItem(strategies.get(i), StrategyPalette.colour(i));
            item.setLabelFont(LABEL_FONT);
            items.add(item);
        }
        return items;
    }

    /**
     * Draws every fault as a grey band behind the data (one outside the axis' range is not seen),
     * labelled with the fault (for example "outage api") when {@code labelled}.
     */
    static void faultBands(XYPlot plot, List<Fault> faults, boolean labelled) {
        for (Fault fault : faults) {
            IntervalMarker band = new IntervalMarker(fault.startNanos() / 1e9, fault.endNanos() / 1e9, BAND,
                    new BasicStroke(1f), null, null, 1f);
            if (labelled) {
                band.setLabel(fault.label());
                band.setLabelFont(LABEL_FONT);
                band.setLabelPaint(Color.BLACK);
                band.setLabelBackgroundColor(LABEL_BACKGROUND);
                band.setLabelAnchor(RectangleAnchor.TOP_LEFT);
                band.setLabelTextAnchor(TextAnchor.TOP_LEFT);
                band.setLabelOffset(new RectangleInsets(4, 4, 4, 4));
            }
            plot.addDomainMarker(band, Layer.BACKGROUND);
        }
    }
}
