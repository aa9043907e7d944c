package dev.retrylab.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retrylab.metrics.SummaryMetric;
import dev.retrylab.model.ScenarioResult;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.IntervalXYDataset;
import org.jfree.data.xy.XYZDataset;
import org.junit.jupiter.api.Test;

/** Sweep charts over stand-in points: the same small result at each, which is all the charts read. */
class SweepChartsTest {

    private static final ScenarioResult RESULT = SmallStorm.result();

    @Test
    void oneParameter_aLinePerStrategyWithItsInterval() {
        SweepResults sweep = new SweepResults(List.of("clients.agents.count"),
                List.of(List.of("100"), List.of("1000"), List.of("10000")), List.of(RESULT, RESULT, RESULT));

        List<NamedChart> charts = SweepCharts.of(sweep, SummaryMetric.AMPLIFICATION);

        assertThat(charts).singleElement().extracting(NamedChart::name).isEqualTo("sweep-amplification");
        JFreeChart chart = charts.get(0).chart();
        XYPlot plot = chart.getXYPlot();
        IntervalXYDataset dataset = (IntervalXYDataset) plot.getDataset();
        assertThat(dataset.getSeriesCount()).isEqualTo(3);
        assertThat(dataset.getSeriesKey(1)).isEqualTo("immediate");
        assertThat(dataset.getItemCount(1)).isEqualTo(3);
        var estimate = RESULT.strategy("immediate").estimate(SummaryMetric.AMPLIFICATION);
        assertThat(dataset.getYValue(1, 2)).isEqualTo(estimate.mean());
        assertThat(dataset.getStartYValue(1, 2)).isEqualTo(estimate.low());
        assertThat(dataset.getEndYValue(1, 2)).isEqualTo(estimate.high());
        assertThat(((SymbolAxis) plot.getDomainAxis()).getSymbols()).containsExactly("100", "1000", "10000");
        assertThat(plot.getDomainAxis().getLabel()).isEqualTo("clients.agents.count");
        assertThat(plot.getRangeAxis().getLabel()).isEqualTo("amplification (attempts per request)");
        assertThat(plot.getRenderer().getSeriesPaint(1)).isEqualTo(StrategyPalette.colour(1));
    }

    @Test
    void twoParameters_aHeatmapPerStrategy() {
        SweepResults sweep = new SweepResults(List.of("a", "b"),
                List.of(List.of("1", "x"), List.of("1", "y"), List.of("2", "x"), List.of("2", "y")),
                List.of(RESULT, RESULT, RESULT, RESULT));

        List<NamedChart> charts = SweepCharts.of(sweep, SummaryMetric.SUCCESS_RATE);

        assertThat(charts).extracting(NamedChart::name).containsExactly("sweep-successRate-no-retry",
                "sweep-successRate-immediate", "sweep-successRate-jittered");
        XYZDataset grid = (XYZDataset) charts.get(0).chart().getXYPlot().getDataset();
        assertThat(grid.getItemCount(0)).isEqualTo(4);
        assertThat(grid.getXValue(0, 3)).isEqualTo(1.0);
        assertThat(grid.getYValue(0, 3)).isEqualTo(1.0);
        assertThat(grid.getZValue(0, 3)).as("success rate in %")
                .isEqualTo(100 * RESULT.strategy("no-retry").estimate(SummaryMetric.SUCCESS_RATE).mean());
    }

    @Test
    void threeParameters_areRefused() {
        SweepResults sweep = new SweepResults(List.of("a", "b", "c"), List.of(List.of("1", "2", "3")),
                List.of(RESULT));

        assertThatThrownBy(() -> SweepCharts.of(sweep, SummaryMetric.GOODPUT_PER_S))
                .hasMessageContaining("one or two swept parameters");
    }
}
