package dev.retrylab.chart;

import dev.retrylab.model.ScenarioResult;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.Range;
import org.jfree.data.general.DatasetUtils;

/**
 * The load-over-time chart once per strategy, side by side: each shows one strategy's lines, in
 * its colour, on the same axes as the others (every panel's range is that of all the strategies),
 * so that heights compare across the small charts.
 */
public final class SmallMultiples {

    private SmallMultiples() {
    }

    /** One chart per strategy of {@code result}, in its order, named {@code load-<strategy>}. */
    public static List<NamedChart> of(ScenarioResult result) {
        List<String> strategies = result.strategyNames();
        List<NamedChart> charts = new ArrayList<>();
        for (int s = 0; s < strategies.size(); s++) {
            JFreeChart chart = TimeCharts.loadOverTime(result);
            CombinedDomainXYPlot plot = (CombinedDomainXYPlot) chart.getPlot();
            for (XYPlot panel : plot.getSubplots()) {
                Range all = DatasetUtils.findRangeBounds(panel.getDataset(), false);
                if (all != null) {
                    panel.getRangeAxis().setRange(Range.expandToInclude(all, 0));
                }
                for (int i = 0; i < panel.getDataset().getSeriesCount(); i++) {
                    panel.getRenderer().setSeriesVisible(i, i == s);
                }
            }
            chart.removeLegend();
            chart.clearSubtitles();
            chart.setTitle(new TextTitle(strategies.get(s), chart.getTitle().getFont()));
            charts.add(new NamedChart(ChartKind.LOAD_OVER_TIME, ChartKind.LOAD_OVER_TIME.fileName() + "-"
                    + strategies.get(s), strategies.get(s), chart));
        }
        return charts;
    }
}
