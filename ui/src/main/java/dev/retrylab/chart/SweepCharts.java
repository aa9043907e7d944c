package dev.retrylab.chart;

import dev.retrylab.metrics.Estimate;
import dev.retrylab.metrics.ReplicatedSummary;
import dev.retrylab.metrics.SummaryMetric;
import dev.retrylab.model.ScenarioResult;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The charts of a sweep. With one swept parameter: a metric against the parameter's values
 * (equally spaced, as written), a line per strategy in its colour, with whiskers across the 95%
 * interval of each mean. With two: a heatmap per strategy of the metric's mean over the grid, the
 * first parameter across, the second up. Stateless.
 */
public final class SweepCharts {

    private SweepCharts() {
    }

    /**
     * The charts of {@code metric} over {@code sweep}: one line chart for one parameter, one
     * heatmap per strategy for two.
     *
     * @throws IllegalArgumentException for more than two parameters
     */
    public static List<NamedChart> of(SweepResults sweep, SummaryMetric metric) {
        return switch (sweep.parameters().size()) {
            case 1 -> List.of(new NamedChart(ChartKind.SWEEP, "sweep-" + fileName(metric),
                    ComparisonChart.axisLabel(metric) + " against " + sweep.parameters().get(0), line(sweep, metric)));
            case 2 -> heatmaps(sweep, metric);
            default -> throw new IllegalArgumentException("sweep charts need one or two swept parameters, not "
                    + sweep.parameters().size());
        };
    }

    /** A metric's key as a file name: {@code latencyMs.p99} becomes {@code latencyMs-p99}. */
    static String fileName(SummaryMetric metric) {
        return metric.key().replace('.', '-');
    }

    /** One swept parameter: the metric against its values, a line per strategy, with 95% whiskers. */
    public static JFreeChart line(SweepResults sweep, SummaryMetric metric) {
        List<String> strategies = sweep.results().get(0).strategyNames();
        List<String> values = sweep.distinctValues(0);
        YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
        double scale = metric == SummaryMetric.SUCCESS_RATE ? 100 : 1;
        for (String strategy : strategies) {
            YIntervalSeries series = new YIntervalSeries(strategy);
            for (int point = 0; point < sweep.results().size(); point++) {
                Estimate estimate = sweep.results().get(point).strategy(strategy).estimate(metric);
                double x = values.indexOf(sweep.values().get(point).get(0));
                double mean = estimate.mean() * scale;
                series.add(x, mean, estimate.hasInterval() ? estimate.low() * scale : mean,
                        estimate.hasInterval() ? estimate.high() * scale : mean);
            }
            dataset.addSeries(series);
        }
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawXError(false);
        for (int i = 0; i < strategies.size(); i++) {
            renderer.setSeriesPaint(i, StrategyPalette.colour(i));
            renderer.setSeriesStroke(i, new BasicStroke(1.6f));
            renderer.setSeriesLinesVisible(i, true);
        }
        renderer.setErrorPaint(null);
        SymbolAxis domain = new SymbolAxis(sweep.parameters().get(0), values.toArray(new String[0]));
        domain.setLabelFont(ChartParts.LABEL_FONT);
        domain.setTickLabelFont(ChartParts.TICK_FONT);
        XYPlot plot = ChartParts.styled(new XYPlot(dataset, domain, ChartParts.axis(ComparisonChart.axisLabel(metric)),
                renderer));
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        plot.setFixedLegendItems(ChartParts.strategyLegend(strategies));
        return ChartParts.chart(title(sweep, metric), subtitle(sweep) + whiskers(sweep), plot, true);
    }

    private static List<NamedChart> heatmaps(SweepResults sweep, SummaryMetric metric) {
        List<NamedChart> charts = new ArrayList<>();
        for (String strategy : sweep.results().get(0).strategyNames()) {
            charts.add(new NamedChart(ChartKind.SWEEP, "sweep-" + fileName(metric) + "-" + strategy,
                    ComparisonChart.axisLabel(metric) + " of " + strategy, heatmap(sweep, metric, strategy)));
        }
        return charts;
    }

    /** Two swept parameters: the metric's mean for {@code strategy} over the grid, as colours. */
    public static JFreeChart heatmap(SweepResults sweep, SummaryMetric metric, String strategy) {
        List<String> across = sweep.distinctValues(0);
        List<String> up = sweep.distinctValues(1);
        int n = sweep.results().size();
        double[][] xyz = new double[3][n];
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        double scale = metric == SummaryMetric.SUCCESS_RATE ? 100 : 1;
        for (int point = 0; point < n; point++) {
            ReplicatedSummary summary = sweep.results().get(point).strategy(strategy);
            xyz[0][point] = across.indexOf(sweep.values().get(point).get(0));
            xyz[1][point] = up.indexOf(sweep.values().get(point).get(1));
            xyz[2][point] = summary.estimate(metric).mean() * scale;
            low = Math.min(low, xyz[2][point]);
            high = Math.max(high, xyz[2][point]);
        }
        DefaultXYZDataset dataset = new DefaultXYZDataset();
        dataset.addSeries(strategy, xyz);
        Viridis scale01 = new Viridis(low, high == low ? low + 1 : high);
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(scale01);
        SymbolAxis x = new SymbolAxis(sweep.parameters().get(0), across.toArray(new String[0]));
        SymbolAxis y = new SymbolAxis(sweep.parameters().get(1), up.toArray(new String[0]));
        for (SymbolAxis axis : List.of(x, y)) {
            axis.setLabelFont(ChartParts.LABEL_FONT);
            axis.setTickLabelFont(ChartParts.TICK_FONT);
            axis.setGridBandsVisible(false);
        }
        XYPlot plot = ChartParts.styled(new XYPlot(dataset, x, y, renderer));
        x.setRange(-0.5, across.size() - 0.5);
        y.setRange(-0.5, up.size() - 0.5);
        JFreeChart chart = ChartParts.chart(title(sweep, metric) + " (" + strategy + ")", subtitle(sweep), plot, false);
        NumberAxis legendAxis = ChartParts.axis(ComparisonChart.axisLabel(metric));
        legendAxis.setRange(scale01.getLowerBound(), scale01.getUpperBound());
        PaintScaleLegend legend = new PaintScaleLegend(scale01, legendAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setStripWidth(16);
        legend.setMargin(8, 8, 8, 8);
        chart.addSubtitle(legend);
        return chart;
    }

    private static String title(SweepResults sweep, SummaryMetric metric) {
        ScenarioResult first = sweep.results().get(0);
        return first.scenario().name() + ": " + ComparisonChart.axisLabel(metric) + " by "
                + String.join(" and ", sweep.parameters());
    }

    private static String subtitle(SweepResults sweep) {
        int replications = sweep.results().get(0).replications();
        return replications == 1 ? "one replication per point" : "means over " + replications
                + " replications per point";
    }

    private static String whiskers(SweepResults sweep) {
        return sweep.results().get(0).replications() == 1 ? "" : "; whiskers: 95% confidence intervals";
    }

    /**
     * A sequential colour scale for heatmaps, from dark purple (low) to yellow (high), after
     * matplotlib's viridis
     * (<a href="https://bids.github.io/colormap/">bids.github.io/colormap</a>), which is legible
     * in grey and to readers with colour-blindness. Five anchor colours, interpolated linearly.
     */
    static final class Viridis implements PaintScale {

        private static final Color[] ANCHORS = {new Color(0x440154), new Color(0x3B528B), new Color(0x21918C),
            new Color(0x5EC962), new Color(0xFDE725)};
        private final double lower;
        private final double upper;

        Viridis(double lower, double upper) {
            this.lower = lower;
            this.upper = upper;
        }

        @Override
        public double getLowerBound() {
            return lower;
        }

        @Override
        public double getUpperBound() {
            return upper;
        }

        @Override
        public Paint getPaint(double value) {
            if (Double.isNaN(value)) {
                return Color.LIGHT_GRAY;
            }
            double t = Math.max(0, Math.min(1, (value - lower) / (upper - lower))) * (ANCHORS.length - 1);
            int i = Math.min((int) t, ANCHORS.length - 2);
            double f = t - i;
            Color a = ANCHORS[i];
            Color b = ANCHORS[i + 1];
            return new Color((int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
                    (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
                    (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
        }
    }
}
