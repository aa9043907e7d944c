package dev.retrylab.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IntervalPercentilesTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long MILLI = 1_000_000L;

    @Test
    void percentiles_ofEachInterval_comeFromTheLatenciesThatEndedInIt() {
        IntervalSeries series = new IntervalSeries(Duration.ofSeconds(1), Duration.ofSeconds(3));
        IntervalPercentiles latency = new IntervalPercentiles(series, Duration.ofSeconds(3), "latency", 50, 99);
        // interval 0: 1..100 ms, so p50 = 50 ms and p99 = 99 ms (nearest rank); interval 2: one 7 ms latency
        for (int ms = 1; ms <= 100; ms++) {
            latency.record(ms * MILLI, ms * MILLI);
        }
        latency.record(7 * MILLI, 2 * SECOND + 5 * MILLI);
        latency.finish();
        series.finish(3 * SECOND);

        int p50 = series.column("latency_p50_ms");
        int p99 = series.column("latency_p99_ms");
        assertThat(series.kind(p50)).isEqualTo(ColumnKind.STATISTIC);
        // two significant digits: within 1%
        assertThat(series.value(p50, 0)).isCloseTo(50.0, within(0.5));
        assertThat(series.value(p99, 0)).isCloseTo(99.0, within(1.0));
        assertThat(series.value(p50, 1)).as("nothing ended in interval 1").isNaN();
        assertThat(series.value(p99, 2)).isCloseTo(7.0, within(0.07));
    }

    @Test
    void record_atTheVeryEndOfTheRun_countsInTheLastInterval() {
        IntervalSeries series = new IntervalSeries(Duration.ofSeconds(1), Duration.ofSeconds(2));
        IntervalPercentiles latency = new IntervalPercentiles(series, Duration.ofSeconds(2), "latency", 50);
        series.increment(IntervalSeries.SUCCESSES, 2 * SECOND);
        latency.record(40 * MILLI, 2 * SECOND);
        latency.finish();
        series.finish(2 * SECOND);

        assertThat(series.intervalCount()).isEqualTo(2);
        assertThat(series.value(series.column("latency_p50_ms"), 1)).isCloseTo(40.0, within(0.4));
    }

    @Test
    void record_goingBackInTime_isRefused() {
        IntervalSeries series = new IntervalSeries();
        IntervalPercentiles latency = new IntervalPercentiles(series, Duration.ofSeconds(5), "latency", 99);
        latency.record(MILLI, 3 * SECOND);

        assertThatThrownBy(() -> latency.record(MILLI, SECOND)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("backwards");
        assertThatThrownBy(() -> new IntervalPercentiles(new IntervalSeries(), Duration.ofSeconds(1), "x", 0))
                .hasMessageContaining("above 0");
    }

    @Test
    void columnName_ofAFractionalPercentile_keepsItsDecimals() {
        assertThat(IntervalPercentiles.columnName("latency", 99)).isEqualTo("latency_p99_ms");
        assertThat(IntervalPercentiles.columnName("latency", 99.9)).isEqualTo("latency_p99.9_ms");
    }

    @Test
    void csv_intervalWithoutLatencies_hasAnEmptyCell() throws IOException {
        IntervalSeries series = new IntervalSeries(Duration.ofSeconds(1), Duration.ofSeconds(2));
        IntervalPercentiles latency = new IntervalPercentiles(series, Duration.ofSeconds(2), "latency", 50);
        latency.record(12 * MILLI, SECOND + 1);
        latency.finish();
        series.finish(2 * SECOND);
        StringWriter csv = new StringWriter();
        IntervalCsv.write(csv, Map.of("s", series));

        String[] lines = csv.toString().split("\n");
        assertThat(lines[0]).endsWith(",latency_p50_ms");
        assertThat(lines[1]).startsWith("s,0.000,").endsWith(",");
        // 12 ms within 1%, with 3 decimals
        assertThat(lines[2]).matches("s,1\\.000,.*,12\\.\\d{3}");
    }
}
