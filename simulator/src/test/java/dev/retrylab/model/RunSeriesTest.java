package dev.retrylab.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retrylab.metrics.ColumnNames;
import dev.retrylab.metrics.IntervalSeries;
import dev.retrylab.metrics.RunSummary;
import org.junit.jupiter.api.Test;

/** The time series and the summary of a run tell the same story, interval by interval. */
class RunSeriesTest {

    @Test
    void failureColumns_addUpToFailuresInEveryIntervalAndMatchTheSummary() {
        StrategyRun run = ScenarioRunner.run(MetastabilityTest.retryStorm(), "budget", 0L);
        IntervalSeries series = run.series();
        RunSummary summary = run.summary();
        long[] categoryTotals = new long[MetricsRecorder.FAILURE_CATEGORIES.size()];
        for (int i = 0; i < series.intervalCount(); i++) {
            long sum = 0;
            for (int c = 0; c < categoryTotals.length; c++) {
                long count = series.count(series.column(ColumnNames.failures(MetricsRecorder.FAILURE_CATEGORIES.get(c))), i);
                categoryTotals[c] += count;
                sum += count;
            }
            assertThat(sum).as("interval %d", i).isEqualTo(series.count(IntervalSeries.FAILURES, i));
        }
        assertThat(categoryTotals[0]).isEqualTo(summary.failures().timeout());
        assertThat(categoryTotals[5]).isEqualTo(summary.failures().budgetExhausted())
                .isEqualTo(series.total(series.column(ColumnNames.BUDGET_REFUSALS)));
        assertThat(summary.requests()).isEqualTo(summary.successes() + summary.failures().timeout()
                + summary.failures().error() + summary.failures().rateLimited() + summary.failures().rejected()
                + summary.failures().circuitOpen() + summary.failures().budgetExhausted() + summary.failures().conflict()
                + series.level(IntervalSeries.INFLIGHT));
        assertThat(series.total(IntervalSeries.ATTEMPTS)).isEqualTo(summary.attempts());
        // the stall queues attempts: the queue column is positive during the outage (20 s to 25 s)
        assertThat(series.value(series.column(ColumnNames.queue("api")), 22)).isGreaterThan(100.0);
    }
}
