package dev.retrylab.chart;

import dev.retrylab.metrics.Estimate;
import dev.retrylab.metrics.ReplicatedSummary;
import dev.retrylab.metrics.SummaryMetric;
import dev.retrylab.model.ScenarioResult;
import java.awt.Color;
import java.awt.Paint;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;

/**
 * The comparison: each {@linkplain SummaryMetric#HEADLINE headline metric} in a panel of its own
 * (each with its unit), a bar per strategy in its colour at the mean over the replications, and a
 * whisker across the 95% interval of the mean (none with one replication). Stateless.
 */
final class ComparisonChart {

    /** The row key of the one series each panel has. */
    static final String MEAN = "mean";

    private ComparisonChart() {
    }

    static JFreeChart of(ScenarioResult result) {
        List<String> strategies = result.strategyNames();
        CategoryAxis axis = new CategoryAxis("strategy");
        axis.setLabelFont(ChartParts.LABEL_FONT);
        axis.setTickLabelFont(ChartParts.LABEL_FONT);
        CombinedDomainCategoryPlot plot = new CombinedDomainCategoryPlot(axis);
        plot.setGap(12);
        for (SummaryMetric metric : SummaryMetric.HEADLINE) {
            DefaultStatisticalCategoryDataset dataset = new DefaultStatisticalCategoryDataset();
            for (ReplicatedSummary strategy : result.strategies()) {
                Estimate estimate = strategy.estimate(metric);
                double scale = metric == SummaryMetric.SUCCESS_RATE ? 100 : 1;
                Double halfWidth = estimate.hasInterval() ? estimate.halfWidth() * scale : null;
                dataset.add((Double) (estimate.mean() * scale), halfWidth, MEAN, strategy.name());
            }
            CategoryPlot panel = new CategoryPlot(dataset, null, ChartParts.axis(axisLabel(metric)),
                    new StrategyBars());
            panel.setBackgroundPaint(Color.WHITE);
            panel.setRangeGridlinePaint(new Color(0xDDDDDD));
            plot.add(panel, 1);
        }
        plot.setFixedLegendItems(ChartParts.strategyLegend(strategies));
        String subtitle = result.replications() == 1
                ? "one replication: no confidence intervals"
                : "means over " + result.replications() + " replications; whiskers: 95% confidence intervals";
        return ChartParts.chart(result.scenario().name() + ": " + ChartKind.COMPARISON.title(), subtitle, plot, true);
    }

    /** The axis label of a headline metric, with its unit. */
    static String axisLabel(SummaryMetric metric) {
        return switch (metric) {
            case SUCCESS_RATE -> "success rate (%)";
            case GOODPUT_PER_S -> "goodput (successes/s)";
            case AMPLIFICATION -> "amplification (attempts per request)";
            case LATENCY_P99 -> "p99 latency (ms)";
            case LATENCY_MEAN -> "mean latency (ms)";
            case LATENCY_P50 -> "p50 latency (ms)";
            case LATENCY_P90 -> "p90 latency (ms)";
            case LATENCY_P999 -> "p99.9 latency (ms)";
            case REQUESTS -> "requests";
            case ATTEMPTS -> "attempts";
            case SUCCESSES -> "successes";
        };
    }

    /** Bars coloured by strategy: column i of the dataset is the strategy at index i. */
    static final class StrategyBars extends StatisticalBarRenderer {

        private static final long serialVersionUID = 1L;

        StrategyBars() {
            setBarPainter(new StandardBarPainter());
            setShadowVisible(false);
            setDrawBarOutline(false);
            setErrorIndicatorPaint(Color.DARK_GRAY);
            setItemMargin(0);
        }

        /** The colour of the strategy at {@code column}. */
        @Override
        public Paint getItemPaint(int row, int column) {
            return StrategyPalette.colour(column);
        }
    }
}
