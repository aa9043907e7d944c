package dev.retrylab.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retrylab.metrics.BucketCounts;
import dev.retrylab.metrics.ColumnKind;
import dev.retrylab.metrics.ColumnNames;
import dev.retrylab.metrics.IntervalSeries;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The columns and counts the charts draw: wasted work per interval, latency percentiles per
 * interval, attempts in short buckets around the end of the stall; checked against the summary
 * and the per-interval counts, which are recorded independently of them.
 */
class ChartColumnsTest {

    private static final long SECOND = 1_000_000_000L;
    private static List<StrategyRun> runs;

    @BeforeAll
    static void runTheStorm() {
        runs = ScenarioRunner.runAll(MetastabilityTest.retryStorm(), 0L, 2);
    }

    @Test
    void newColumns_comeAfterTheOnesTheSeriesAlwaysHad() {
        List<String> columns = runs.get(0).series().columnNames();

        assertThat(columns.subList(columns.size() - 3, columns.size()))
                .containsExactly(ColumnNames.wasted("api"), "latency_p50_ms", "latency_p99_ms");
        assertThat(columns.indexOf(ColumnNames.rejections("api"))).isEqualTo(columns.size() - 4);
    }

    @Test
    void wastedColumn_addsUpToTheSummarysWastedWork() {
        for (StrategyRun run : runs) {
            IntervalSeries series = run.series();
            long wasted = series.total(series.column(ColumnNames.wasted("api")));

            assertThat(wasted / 1e9).as(run.summary().name())
                    .isEqualTo(run.summary().services().get("api").wastedWorkS());
        }
        IntervalSeries storm = runs.get(1).series();
        assertThat(storm.value(ColumnNames.wasted("api"), 10)).as("no waste before the stall").isZero();
        assertThat(storm.value(ColumnNames.wasted("api"), 60)).as("the storm wastes work").isPositive();
    }

    @Test
    void latencyColumns_haveAValueExactlyWhenRequestsEndedInTheInterval() {
        for (StrategyRun run : runs) {
            IntervalSeries series = run.series();
            int p50 = series.column("latency_p50_ms");
            int p99 = series.column("latency_p99_ms");
            assertThat(series.kind(p99)).isEqualTo(ColumnKind.STATISTIC);
            for (int i = 0; i < series.intervalCount(); i++) {
                long ended = series.count(IntervalSeries.SUCCESSES, i) + series.count(IntervalSeries.FAILURES, i);
                assertThat(Double.isNaN(series.value(p50, i))).as("%s interval %d", run.summary().name(), i)
                        .isEqualTo(ended == 0);
                if (ended > 0) {
                    assertThat(series.value(p50, i)).isLessThanOrEqualTo(series.value(p99, i));
                }
            }
        }
    }

    @Test
    void latencyColumns_showTheTimeoutBoundAndTheStorm() {
        IntervalSeries noRetry = runs.get(0).series();
        IntervalSeries retries = runs.get(1).series();
        int p99 = noRetry.column("latency_p99_ms");
        double worstWithoutRetries = 0;
        double worstWithRetries = 0;
        for (int i = 0; i < noRetry.intervalCount(); i++) {
            worstWithoutRetries = Math.max(worstWithoutRetries, noRetry.value(p99, i));
            worstWithRetries = Math.max(worstWithRetries, retries.value(p99, i));
        }
        // one attempt: its 200 ms timeout bounds every latency (plus the 1% of the histogram)
        assertThat(worstWithoutRetries).isGreaterThan(150.0).isLessThanOrEqualTo(202.0);
        // five attempts that time out one after the other: up to a second
        assertThat(worstWithRetries).isGreaterThan(800.0);
    }

    @Test
    void herdCounts_aroundTheEndOfTheStall_addUpToTheAttemptsOfThoseSeconds() {
        for (StrategyRun run : runs) {
            BucketCounts herd = run.herd();
            // the default window: 1 s before the end of the stall (25 s) to 5 s after, 10 ms buckets
            assertThat(herd.startNanos()).isEqualTo(24 * SECOND);
            assertThat(herd.size()).isEqualTo(600);
            long inBuckets = 0;
            for (int b = 0; b < herd.size(); b++) {
                inBuckets += herd.count(b);
            }
            long inIntervals = 0;
            for (int i = 24; i < 30; i++) {
                inIntervals += run.series().count(IntervalSeries.ATTEMPTS, i);
            }
            assertThat(inBuckets).as(run.summary().name()).isEqualTo(inIntervals).isPositive();
        }
    }
}
