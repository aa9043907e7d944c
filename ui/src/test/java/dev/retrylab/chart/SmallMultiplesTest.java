package dev.retrylab.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;

class SmallMultiplesTest {

    @Test
    void of_threeStrategies_oneChartEachShowingOnlyItsOwnLines() {
        List<NamedChart> charts = SmallMultiples.of(SmallStorm.result());

        assertThat(charts).extracting(NamedChart::title).containsExactlyElementsOf(SmallStorm.STRATEGIES);
        for (int s = 0; s < charts.size(); s++) {
            for (XYPlot panel : panels(charts.get(s))) {
                for (int i = 0; i < panel.getDataset().getSeriesCount(); i++) {
                    assertThat(panel.getRenderer().isSeriesVisible(i)).as("chart %d series %d", s, i)
                            .isEqualTo(i == s);
                }
            }
        }
    }

    @Test
    void of_threeStrategies_everyPanelOnTheSameRangeAcrossCharts() {
        List<NamedChart> charts = SmallMultiples.of(SmallStorm.result());

        for (int p = 0; p < panels(charts.get(0)).size(); p++) {
            XYPlot first = panels(charts.get(0)).get(p);
            double highest = 0;
            for (int i = 0; i < first.getDataset().getSeriesCount(); i++) {
                for (int j = 0; j < first.getDataset().getItemCount(i); j++) {
                    highest = Math.max(highest, first.getDataset().getYValue(i, j));
                }
            }
            for (NamedChart chart : charts) {
                XYPlot panel = panels(chart).get(p);
                assertThat(panel.getRangeAxis().getLowerBound()).isEqualTo(0);
                assertThat(panel.getRangeAxis().getUpperBound()).isEqualTo(highest);
            }
        }
    }

    private static List<XYPlot> panels(NamedChart chart) {
        return ((CombinedDomainXYPlot) chart.chart().getPlot()).getSubplots();
    }
}
