package dev.retrylab.chart;

import dev.retrylab.metrics.BucketCounts;
import dev.retrylab.model.HerdWindow;
import dev.retrylab.model.ScenarioResult;
import dev.retrylab.time.DurationText;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The herd view: attempts per short bucket (10 ms by default) in the scenario's herd window, a
 * line per strategy, with the fault windows shaded. Clients that retry in step show as tall
 * narrow spikes at the same instants; jitter spreads them into a low, wide hump. Stateless.
 */
final class HerdChart {

    private HerdChart() {
    }

    /** A round step (1, 2 or 5 times a power of ten) that gives at most about 12 ticks over {@code span}. */
    static double step(double span) {
        double step = Math.pow(10, Math.floor(Math.log10(span / 12)));
        for (double factor : new double[] {1, 2, 5, 10}) {
            if (span / (step * factor) <= 12) {
                return step * factor;
            }
        }
        return 10 * step;
    }

    static JFreeChart of(ScenarioResult result) {
        List<String> strategies = result.strategyNames();
        HerdWindow window = result.scenario().herd();
        String bucket = DurationText.format(Duration.ofNanos(window.bucketNanos()));
        XYSeriesCollection dataset = new XYSeriesCollection();
        BucketCounts first = null;
        for (String strategy : strategies) {
            BucketCounts counts = result.herd().get(strategy);
            first = first == null ? counts : first;
            double[] x = new double[counts.size()];
            double[] y = new double[counts.size()];
            for (int b = 0; b < x.length; b++) {
                x[b] = (counts.bucketStartNanos(b) + counts.bucketNanos() / 2.0) / 1e9;
                y[b] = counts.count(b);
            }
            dataset.addSeries(ChartParts.series(strategy, new Decimation.Points(x, y)));
        }
        XYPlot plot = ChartParts.linePlot(dataset, "attempts (per " + bucket + ")", strategies);
        NumberAxis time = ChartParts.timeAxis();
        long start = first.startNanos();
        long end = start + (long) first.size() * first.bucketNanos();
        if (end > start) {
            time.setRange(start / 1e9, end / 1e9);
            NumberFormat seconds = NumberFormat.getNumberInstance(Locale.ROOT);
            time.setTickUnit(new NumberTickUnit(step((end - start) / 1e9), seconds));
        }
        plot.setDomainAxis(time);
        ChartParts.faultBands(plot, result.scenario().faults(), true);
        plot.setFixedLegendItems(ChartParts.strategyLegend(strategies));
        String subtitle = String.format(Locale.ROOT, "attempts per %s bucket from %s to %s, around %s; %s", bucket,
                DurationText.format(Duration.ofNanos(start)), DurationText.format(Duration.ofNanos(end)),
                DurationText.format(Duration.ofNanos(window.atNanos())), TimeCharts.subtitle(result));
        return ChartParts.chart(result.scenario().name() + ": " + ChartKind.HERD.title(), subtitle, plot, true);
    }
}
