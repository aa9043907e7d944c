package dev.retrylab.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntervalCsvTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long MILLI = 1_000_000L;

    /**
     * Three requests over 2.5 s. Interval 0: a request succeeds at 0.5 s (in flight half the
     * interval). Interval 1: a request with a hedge and a retry fails at 1.5 s; the queue holds 2
     * from 1 s to 1.333333333 s (average 0.666666666). Interval 2 is 0.5 s long: a request
     * succeeds at 2.25 s, so goodput is 1 / 0.5 s and in flight averages 0.25 / 0.5.
     */
    private static IntervalSeries tinySeries() {
        IntervalSeries series = new IntervalSeries();
        int hedges = series.addCounter("hedges");
        int queue = series.addGauge("a.queue");
        series.increment(IntervalSeries.REQUESTS, 0);
        series.increment(IntervalSeries.ATTEMPTS, 0);
        series.adjustGauge(IntervalSeries.INFLIGHT, 1, 0);
        series.increment(IntervalSeries.SUCCESSES, 500 * MILLI);
        series.adjustGauge(IntervalSeries.INFLIGHT, -1, 500 * MILLI);
        series.increment(IntervalSeries.REQUESTS, SECOND);
        series.increment(IntervalSeries.ATTEMPTS, SECOND);
        series.adjustGauge(IntervalSeries.INFLIGHT, 1, SECOND);
        series.setGauge(queue, 2, SECOND);
        series.add(IntervalSeries.ATTEMPTS, 2, 1250 * MILLI);
        series.increment(IntervalSeries.RETRIES, 1250 * MILLI);
        series.increment(hedges, 1250 * MILLI);
        series.setGauge(queue, 0, 1_333_333_333L);
        series.increment(IntervalSeries.FAILURES, 1500 * MILLI);
        series.adjustGauge(IntervalSeries.INFLIGHT, -1, 1500 * MILLI);
        series.increment(IntervalSeries.REQUESTS, 2 * SECOND);
        series.increment(IntervalSeries.ATTEMPTS, 2 * SECOND);
        series.adjustGauge(IntervalSeries.INFLIGHT, 1, 2 * SECOND);
        series.increment(IntervalSeries.SUCCESSES, 2250 * MILLI);
        series.adjustGauge(IntervalSeries.INFLIGHT, -1, 2250 * MILLI);
        series.finish(2500 * MILLI);
        return series;
    }

    @Test
    void write_tinyHandMadeSeries_givesExactlyThisText() throws IOException {
        StringBuilder out = new StringBuilder();
        IntervalCsv.write(out, "fixed", tinySeries());

        assertThat(out.toString()).isEqualTo(""
                + "strategy,t_s,requests,attempts,retries,successes,failures,goodput,inflight,hedges,a.queue\n"
                + "fixed,0.000,1,1,0,1,0,1.000,0.500,0,0.000\n"
                + "fixed,1.000,1,3,1,0,1,0.000,0.500,1,0.667\n"
                + "fixed,2.000,1,1,0,1,0,2.000,0.500,0,0.000\n");
    }

    @Test
    void write_twoStrategies_writesOneHeaderAndRowsInMapOrder() throws IOException {
        Map<String, IntervalSeries> byStrategy = new LinkedHashMap<>();
        byStrategy.put("b", oneRequest());
        byStrategy.put("a,\"x\"", oneRequest());
        StringBuilder out = new StringBuilder();
        IntervalCsv.write(out, byStrategy);

        assertThat(out.toString()).isEqualTo(""
                + "strategy,t_s,requests,attempts,retries,successes,failures,goodput,inflight\n"
                + "b,0.000,1,0,0,0,0,0.000,0.000\n"
                + "\"a,\"\"x\"\"\",0.000,1,0,0,0,0,0.000,0.000\n");
    }

    @Test
    void write_intervalNotWholeMilliseconds_printsNineDecimalsOfSeconds() throws IOException {
        IntervalSeries series = new IntervalSeries(Duration.ofNanos(1500));
        series.finish(3000);
        StringBuilder out = new StringBuilder();
        IntervalCsv.write(out, "s", series);

        assertThat(out.toString()).contains("\ns,0.000000000,").contains("\ns,0.000001500,");
    }

    @Test
    void write_differentColumnsOrUnfinishedSeries_throws() {
        IntervalSeries other = new IntervalSeries();
        other.addCounter("hedges");
        other.finish(SECOND);
        Map<String, IntervalSeries> mixed = new LinkedHashMap<>();
        mixed.put("a", oneRequest());
        mixed.put("b", other);

        assertThatThrownBy(() -> IntervalCsv.write(new StringBuilder(), mixed))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'b' has columns");
        assertThatThrownBy(() -> IntervalCsv.write(new StringBuilder(), "a", new IntervalSeries()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not finished");
    }

    @Test
    void write_sameRunTwiceUnderDifferentLocales_isByteIdentical() throws IOException {
        Locale saved = Locale.getDefault();
        String first;
        String second;
        try {
            Locale.setDefault(Locale.GERMANY);
            first = csvOfRandomRun(42);
            Locale.setDefault(Locale.US);
            second = csvOfRandomRun(42);
        } finally {
            Locale.setDefault(saved);
        }

        assertThat(second).isEqualTo(first);
        assertThat(first).doesNotContain("E").contains(".");
        assertThat(csvOfRandomRun(43)).isNotEqualTo(first);
    }

    @Test
    void writeFile_sameRunTwice_givesByteIdenticalFiles(@TempDir Path directory) throws IOException {
        Path first = directory.resolve("first.csv");
        Path second = directory.resolve("second.csv");
        IntervalCsv.write(first, Map.of("random", randomRun(7)));
        IntervalCsv.write(second, Map.of("random", randomRun(7)));

        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
        try (var files = Files.list(directory)) {
            assertThat(files).hasSize(2);
        }
    }

    @Test
    void decimal_roundsHalfEvenWithThreeDecimals() {
        assertThat(IntervalCsv.decimal(0.0005)).isEqualTo("0.001"); // 0.0005 is stored a little above
        assertThat(IntervalCsv.decimal(0.125)).isEqualTo("0.125");
        assertThat(IntervalCsv.decimal(2.0625)).isEqualTo("2.062"); // exact binary tie, rounds to even
        assertThat(IntervalCsv.decimal(-0.0)).isEqualTo("0.000");
        assertThat(IntervalCsv.decimal(1e9 / 3)).isEqualTo("333333333.333");
    }

    private static IntervalSeries oneRequest() {
        IntervalSeries series = new IntervalSeries();
        series.increment(IntervalSeries.REQUESTS, 0);
        series.finish(SECOND);
        return series;
    }

    private static String csvOfRandomRun(long seed) throws IOException {
        StringBuilder out = new StringBuilder();
        IntervalCsv.write(out, "random", randomRun(seed));
        return out.toString();
    }

    /** Requests arrive at random, take a random time and succeed or fail; queue and hedges vary. */
    private static IntervalSeries randomRun(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        IntervalSeries series = new IntervalSeries(Duration.ofMillis(250));
        int queue = series.addGauge("svc.queue");
        int hedges = series.addCounter("hedges");
        long now = 0;
        for (int i = 0; i < 5_000; i++) {
            now += random.nextLong(2 * MILLI);
            series.increment(IntervalSeries.REQUESTS, now);
            series.add(IntervalSeries.ATTEMPTS, 1 + random.nextInt(3), now);
            series.setGauge(queue, random.nextInt(17), now);
            if (random.nextInt(10) == 0) {
                series.increment(hedges, now);
            }
            series.increment(random.nextInt(5) == 0 ? IntervalSeries.FAILURES : IntervalSeries.SUCCESSES, now);
        }
        series.finish(now + 1);
        return series;
    }
}
