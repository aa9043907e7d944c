package dev.retrylab.ui.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.retrylab.chart.Charts;
import dev.retrylab.model.ReplicationRunner;
import dev.retrylab.model.RunProgress;
import dev.retrylab.model.ScenarioResult;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ChartReadingTest {

    private static ScenarioResult result;

    @BeforeAll
    static void run() {
        result = ReplicationRunner.run(RunSettingsTest.parse(TinyScenario.TEXT), 1, RunProgress.NONE);
    }

    @Test
    void at_bottomLeftCornerOfTheSecondPanel_axisLowerBoundsAndThatPanelsLabel() {
        JFreeChart chart = Charts.loadOverTime(result);
        ChartRenderingInfo info = draw(chart);
        Rectangle2D area = info.getPlotInfo().getSubplotInfo(1).getDataArea();
        XYPlot second = ((CombinedDomainXYPlot) chart.getPlot()).getSubplots().get(1);

        ChartReading reading = ChartReading.at(chart, info, area.getMinX() + 0.01, area.getMaxY() - 0.01).orElseThrow();

        assertThat(reading.x()).isCloseTo(chart.getXYPlot().getDomainAxis().getLowerBound(), within(0.01));
        assertThat(reading.y()).isCloseTo(second.getRangeAxis().getLowerBound(), within(0.01 * second.getRangeAxis()
                .getRange().getLength()));
        assertThat(reading.yLabel()).isEqualTo(second.getRangeAxis().getLabel());
        assertThat(reading.text()).startsWith(reading.xLabel() + " ");
    }

    @Test
    void at_outsideThePlot_empty() {
        JFreeChart chart = Charts.loadOverTime(result);

        assertThat(ChartReading.at(chart, draw(chart), 1, 1)).isEmpty();
    }

    @Test
    void at_barChart_empty() {
        JFreeChart chart = Charts.comparison(result);
        ChartRenderingInfo info = draw(chart);
        Rectangle2D area = info.getPlotInfo().getDataArea();

        assertThat(ChartReading.at(chart, info, area.getCenterX(), area.getCenterY())).isEmpty();
    }

    private static ChartRenderingInfo draw(JFreeChart chart) {
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage image = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        chart.draw(graphics, new Rectangle2D.Double(0, 0, 800, 600), info);
        graphics.dispose();
        return info;
    }
}
