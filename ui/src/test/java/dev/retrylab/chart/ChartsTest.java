package dev.retrylab.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retrylab.metrics.Estimate;
import dev.retrylab.metrics.IntervalSeries;
import dev.retrylab.metrics.SummaryMetric;
import dev.retrylab.model.ScenarioResult;
import java.awt.Paint;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.data.statistics.StatisticalCategoryDataset;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

class ChartsTest {

    private static final ScenarioResult RESULT = SmallStorm.result();

    /** The XY panels of a chart: the subplots of a stacked chart, or its one plot. */
    private static List<XYPlot> panels(JFreeChart chart) {
        if (chart.getPlot() instanceof CombinedDomainXYPlot combined) {
            return combined.getSubplots();
        }
        return List.of(chart.getXYPlot());
    }

    private static List<String> seriesNames(XYDataset dataset) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < dataset.getSeriesCount(); i++) {
            names.add((String) dataset.getSeriesKey(i));
        }
        return names;
    }

    private static List<IntervalMarker> bands(XYPlot plot) {
        Collection<?> markers = plot.getDomainMarkers(Layer.BACKGROUND);
        List<IntervalMarker> bands = new ArrayList<>();
        if (markers != null) {
            markers.stream().filter(IntervalMarker.class::isInstance).map(IntervalMarker.class::cast)
                    .forEach(bands::add);
        }
        return bands;
    }

    /** The colour a chart gives {@code strategy}: of its line, or of its bar. */
    private static Paint colourOf(JFreeChart chart, String strategy) {
        if (chart.getPlot() instanceof CombinedDomainCategoryPlot combined) {
            CategoryPlot panel = (CategoryPlot) combined.getSubplots().get(0);
            return panel.getRenderer().getItemPaint(0, panel.getDataset().getColumnIndex(strategy));
        }
        XYPlot panel = panels(chart).get(0);
        return panel.getRenderer().getSeriesPaint(panel.getDataset().indexOf(strategy));
    }

    @Test
    void all_givesEveryKindInOrder_withAServiceChartPerService() {
        List<NamedChart> charts = Charts.all(RESULT);

        assertThat(charts).extracting(NamedChart::name)
                .containsExactly("load", "amplification", "service-api", "latency", "herd", "comparison");
        assertThat(charts).extracting(NamedChart::kind).containsExactlyElementsOf(ChartKind.RUN);
        for (NamedChart chart : charts) {
            assertThat(chart.chart().getTitle().getText()).as(chart.name()).startsWith("small-storm: ");
        }
    }

    @Test
    void timeCharts_haveALinePerStrategyInEveryPanel_andABandPerFault() {
        for (JFreeChart chart : List.of(Charts.loadOverTime(RESULT), Charts.amplification(RESULT),
                Charts.serviceState(RESULT, "api"), Charts.latency(RESULT), Charts.herd(RESULT))) {
            String title = chart.getTitle().getText();
            for (XYPlot panel : panels(chart)) {
                assertThat(seriesNames(panel.getDataset())).as(title).containsExactlyElementsOf(SmallStorm.STRATEGIES);
                assertThat(bands(panel)).as(title).hasSize(RESULT.scenario().faults().size());
            }
        }
        List<XYPlot> load = panels(Charts.loadOverTime(RESULT));
        assertThat(load).hasSize(3);
        assertThat(bands(load.get(0))).extracting(Marker::getLabel).containsExactly("outage api", "brownout api");
        assertThat(bands(load.get(0)).get(0).getStartValue()).isEqualTo(10.0);
        assertThat(bands(load.get(0)).get(0).getEndValue()).isEqualTo(13.0);
        assertThat(bands(load.get(1))).extracting(Marker::getLabel).as("labels in the top panel only")
                .containsOnlyNulls();
    }

    @Test
    void axes_carryTheirUnits() {
        List<String> labels = new ArrayList<>();
        for (NamedChart chart : Charts.all(RESULT)) {
            if (chart.chart().getPlot() instanceof CombinedDomainCategoryPlot combined) {
                for (Object panel : combined.getSubplots()) {
                    labels.add(((CategoryPlot) panel).getRangeAxis().getLabel());
                }
            } else {
                labels.add(chart.chart().getXYPlot().getDomainAxis().getLabel());
                for (XYPlot panel : panels(chart.chart())) {
                    labels.add(panel.getRangeAxis().getLabel());
                }
            }
        }
        assertThat(labels).isNotEmpty().allSatisfy(label -> assertThat(label).matches(".+ \\(.+\\)"));
        assertThat(labels).contains("time (s)", "new requests (/s)", "goodput (successes/s)", "p99 latency (ms)",
                "wasted work (worker-s/s)", "attempts (per 10ms)", "success rate (%)");
    }

    @Test
    void strategyColours_areTheSameInEveryChart_andDifferBetweenStrategies() {
        List<JFreeChart> charts = List.of(Charts.loadOverTime(RESULT), Charts.herd(RESULT), Charts.latency(RESULT),
                Charts.comparison(RESULT));
        for (int s = 0; s < SmallStorm.STRATEGIES.size(); s++) {
            String strategy = SmallStorm.STRATEGIES.get(s);
            for (JFreeChart chart : charts) {
                assertThat(colourOf(chart, strategy)).as("%s in %s", strategy, chart.getTitle().getText())
                        .isEqualTo(StrategyPalette.colour(s));
            }
        }
        assertThat(StrategyPalette.COLOURS).doesNotHaveDuplicates();
        List<LegendItem> legend = new ArrayList<>();
        LegendItemCollection items = Charts.comparison(RESULT).getPlot().getLegendItems();
        for (int i = 0; i < items.getItemCount(); i++) {
            legend.add(items.get(i));
        }
        assertThat(legend).extracting(LegendItem::getLabel).containsExactlyElementsOf(SmallStorm.STRATEGIES);
        assertThat(legend).extracting(LegendItem::getFillPaint)
                .containsExactly(StrategyPalette.colour(0), StrategyPalette.colour(1), StrategyPalette.colour(2));
    }

    @Test
    void loadOverTime_showsTheCountsOfTheSeries_perSecond() {
        XYPlot attempts = panels(Charts.loadOverTime(RESULT)).get(1);
        int immediate = attempts.getDataset().indexOf("immediate");
        IntervalSeries series = RESULT.series().get("immediate");
        // 30 intervals of 1 s: drawn at their middles, not decimated
        assertThat(attempts.getDataset().getItemCount(immediate)).isEqualTo(30);
        assertThat(attempts.getDataset().getXValue(immediate, 11)).isEqualTo(11.5);
        assertThat(attempts.getDataset().getYValue(immediate, 11))
                .isEqualTo((double) series.count(IntervalSeries.ATTEMPTS, 11));
    }

    @Test
    void comparison_hasAPanelPerHeadlineMetric_withWhiskersFromTheIntervals() {
        CombinedDomainCategoryPlot plot = (CombinedDomainCategoryPlot) Charts.comparison(RESULT).getPlot();
        List<?> panels = plot.getSubplots();

        assertThat(panels).hasSize(SummaryMetric.HEADLINE.size());
        StatisticalCategoryDataset dataset = (StatisticalCategoryDataset) ((CategoryPlot) panels.get(2)).getDataset();
        assertThat(dataset.getColumnKeys()).containsExactlyElementsOf(SmallStorm.STRATEGIES);
        Estimate amplification = RESULT.strategy("immediate").estimate(SummaryMetric.AMPLIFICATION);
        assertThat(dataset.getMeanValue(0, 1).doubleValue()).isEqualTo(amplification.mean());
        assertThat(dataset.getStdDevValue(0, 1).doubleValue()).as("the whisker: half the 95% interval")
                .isEqualTo(amplification.halfWidth());
    }

    @Test
    void herd_coversTheWindowInTenMillisecondBuckets() {
        XYPlot plot = panels(Charts.herd(RESULT)).get(0);
        ValueAxis time = plot.getDomainAxis();

        // the default window: 1 s before the end of the first fault (13 s) to 5 s after
        assertThat(time.getLowerBound()).isEqualTo(12.0);
        assertThat(time.getUpperBound()).isEqualTo(18.0);
        assertThat(plot.getDataset().getItemCount(0)).isEqualTo(600);
    }

    @Test
    void sweepKind_cannotChartARun() {
        assertThatThrownBy(() -> ChartKind.SWEEP.charts(RESULT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SweepCharts");
        assertThatThrownBy(() -> Charts.serviceState(RESULT, "db")).hasMessageContaining("no service named 'db'");
    }
}
