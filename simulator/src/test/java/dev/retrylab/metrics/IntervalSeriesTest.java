package dev.retrylab.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IntervalSeriesTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long MILLI = 1_000_000L;

    @Test
    void columns_newSeries_startWithTheCoreColumnsInOrder() {
        IntervalSeries series = new IntervalSeries();
        int hedges = series.addCounter(ColumnNames.HEDGES);
        int queue = series.addGauge(ColumnNames.queue("checkout"));

        assertThat(series.columnNames()).containsExactly("requests", "attempts", "retries", "successes", "failures",
                "goodput", "inflight", "hedges", "checkout.queue");
        assertThat(series.column("goodput")).isEqualTo(IntervalSeries.GOODPUT);
        assertThat(hedges).isEqualTo(7);
        assertThat(queue).isEqualTo(8);
        assertThat(series.kind(IntervalSeries.GOODPUT)).isEqualTo(ColumnKind.RATE);
        assertThat(series.kind(IntervalSeries.INFLIGHT)).isEqualTo(ColumnKind.GAUGE);
        assertThat(series.interval()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void bucketing_eventsAroundOneSecond_fallOnEachSideOfTheBoundary() {
        IntervalSeries series = new IntervalSeries();
        series.increment(IntervalSeries.REQUESTS, 0);
        series.increment(IntervalSeries.REQUESTS, SECOND - 1);
        series.increment(IntervalSeries.REQUESTS, SECOND);
        series.increment(IntervalSeries.REQUESTS, 2 * SECOND - 1);
        series.increment(IntervalSeries.REQUESTS, 2 * SECOND);
        series.finish(3 * SECOND);

        assertThat(series.intervalCount()).isEqualTo(3);
        assertThat(series.count(IntervalSeries.REQUESTS, 0)).isEqualTo(2);
        assertThat(series.count(IntervalSeries.REQUESTS, 1)).isEqualTo(2);
        assertThat(series.count(IntervalSeries.REQUESTS, 2)).isEqualTo(1);
    }

    @Test
    void bucketing_eventAtAnEndOnABoundary_countsInTheLastInterval() {
        IntervalSeries series = new IntervalSeries();
        series.increment(IntervalSeries.SUCCESSES, SECOND);
        series.increment(IntervalSeries.SUCCESSES, 2 * SECOND);
        series.finish(2 * SECOND);

        assertThat(series.intervalCount()).isEqualTo(2);
        assertThat(series.count(IntervalSeries.SUCCESSES, 1)).isEqualTo(2);
        assertThat(series.value("goodput", 1)).isEqualTo(2.0);
    }

    @Test
    void bucketing_endJustPastABoundary_addsAShortLastIntervalWithRatesOverItsLength() {
        IntervalSeries series = new IntervalSeries();
        series.increment(IntervalSeries.SUCCESSES, 2 * SECOND);
        series.finish(2 * SECOND + 250 * MILLI);

        assertThat(series.intervalCount()).isEqualTo(3);
        assertThat(series.goodput()).containsExactly(0.0, 0.0, 4.0);
    }

    @Test
    void bucketing_shorterInterval_usesIt() {
        IntervalSeries series = new IntervalSeries(Duration.ofMillis(100));
        series.increment(IntervalSeries.ATTEMPTS, 99 * MILLI);
        series.increment(IntervalSeries.ATTEMPTS, 100 * MILLI);
        series.increment(IntervalSeries.ATTEMPTS, 250 * MILLI);
        series.finish(300 * MILLI);

        assertThat(series.values("attempts")).containsExactly(1.0, 1.0, 1.0);
        assertThat(series.intervalStartNanos(2)).isEqualTo(200 * MILLI);
    }

    @Test
    void growth_tenThousandIntervals_keepsEveryCount() {
        IntervalSeries series = new IntervalSeries();
        int hedges = series.addCounter("hedges");
        int intervals = 10_000;
        for (int i = 0; i < intervals; i++) {
            series.add(IntervalSeries.REQUESTS, i % 7, i * SECOND + 1);
            series.add(hedges, i, i * SECOND + 2);
        }
        series.finish(intervals * SECOND);

        assertThat(series.intervalCount()).isEqualTo(intervals);
        for (int i = 0; i < intervals; i++) {
            assertThat(series.count(IntervalSeries.REQUESTS, i)).as("interval %d", i).isEqualTo(i % 7);
            assertThat(series.value("hedges", i)).as("interval %d", i).isEqualTo(i);
        }
        assertThat(series.total(hedges)).isEqualTo((long) intervals * (intervals - 1) / 2);
    }

    @Test
    void growth_quietStretchBeforeTheEnd_addsEmptyIntervals() {
        IntervalSeries series = new IntervalSeries();
        series.increment(IntervalSeries.REQUESTS, 0);
        series.finish(500 * SECOND);

        assertThat(series.intervalCount()).isEqualTo(500);
        assertThat(series.count(IntervalSeries.REQUESTS, 499)).isZero();
    }

    @Test
    void gauge_levelsAcrossSeveralIntervals_areAveragedOverTime() {
        // By hand: level 3 from 0.5 s, level 1 from 2.25 s, run ends at 4 s.
        // Interval 0: 3 * 0.5 = 1.5; 1: 3; 2: 3 * 0.25 + 1 * 0.75 = 1.5; 3: 1.
        IntervalSeries series = new IntervalSeries();
        int queue = series.addGauge("queue");
        series.setGauge(queue, 3, 500 * MILLI);
        series.setGauge(queue, 1, 2250 * MILLI);
        series.finish(4 * SECOND);

        assertThat(series.values(queue)).containsExactly(new double[] {1.5, 3.0, 1.5, 1.0}, within(1e-12));
        assertThat(series.level(queue)).isEqualTo(1);
    }

    @Test
    void gauge_adjustedUpAndDownInOneInterval_averagesTheSteps() {
        // By hand: 0 until 0.2 s, 1 until 0.4 s, 2 until 0.7 s, 1 until 1 s: 0.2 + 0.6 + 0.3 = 1.1.
        // Then 1 over the short last interval [1 s, 1.5 s).
        IntervalSeries series = new IntervalSeries();
        series.adjustGauge(IntervalSeries.INFLIGHT, 1, 200 * MILLI);
        series.adjustGauge(IntervalSeries.INFLIGHT, 1, 400 * MILLI);
        series.adjustGauge(IntervalSeries.INFLIGHT, -1, 700 * MILLI);
        series.finish(1500 * MILLI);

        assertThat(series.value("inflight", 0)).isCloseTo(1.1, within(1e-12));
        assertThat(series.value("inflight", 1)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void gauge_randomSteps_matchAPiecewiseIntegral() {
        for (long seed = 1; seed <= 200; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            long interval = (1 + random.nextInt(1000)) * MILLI;
            IntervalSeries series = new IntervalSeries(Duration.ofNanos(interval));
            int gauge = series.addGauge("g");
            List<long[]> steps = new ArrayList<>();
            long now = 0;
            long level = 0;
            long requests = 0;
            for (int step = 0; step < 100; step++) {
                now += random.nextLong(3 * interval);
                level = random.nextInt(50);
                series.setGauge(gauge, level, now);
                steps.add(new long[] {now, level});
                if (random.nextBoolean()) {
                    series.increment(IntervalSeries.REQUESTS, now);
                    requests++;
                }
            }
            long end = now + 1 + random.nextLong(2 * interval);
            series.finish(end);

            int count = (int) ((end + interval - 1) / interval);
            assertThat(series.intervalCount()).as("seed %d", seed).isEqualTo(count);
            assertThat(series.total(IntervalSeries.REQUESTS)).as("seed %d", seed).isEqualTo(requests);
            for (int i = 0; i < count; i++) {
                long from = i * interval;
                long to = Math.min(end, from + interval);
                double area = 0;
                for (int s = 0; s < steps.size(); s++) {
                    long stepStart = steps.get(s)[0];
                    long stepEnd = s + 1 < steps.size() ? steps.get(s + 1)[0] : end;
                    long overlap = Math.min(to, stepEnd) - Math.max(from, stepStart);
                    if (overlap > 0) {
                        area += (double) steps.get(s)[1] * overlap;
                    }
                }
                assertThat(series.value(gauge, i)).as("seed %d interval %d", seed, i)
                        .isCloseTo(area / (to - from), within(1e-9));
            }
        }
    }

    @Test
    void register_afterTheFirstRecording_throws() {
        IntervalSeries series = new IntervalSeries();
        series.increment(IntervalSeries.REQUESTS, 0);

        assertThatThrownBy(() -> series.addCounter("late")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'late' must be registered before the run starts");
    }

    @Test
    void register_takenReservedOrUnsafeName_throws() {
        IntervalSeries series = new IntervalSeries();

        assertThatThrownBy(() -> series.addCounter("requests")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> series.addGauge("t_s")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> series.addGauge("a,b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> series.addGauge("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void record_timeGoingBackwards_throwsAndKeepsTheCounts() {
        IntervalSeries series = new IntervalSeries();
        series.increment(IntervalSeries.REQUESTS, 5 * SECOND);

        assertThatThrownBy(() -> series.increment(IntervalSeries.REQUESTS, 4 * SECOND))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("backwards");
        assertThatThrownBy(() -> series.increment(IntervalSeries.REQUESTS, -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(series.total(IntervalSeries.REQUESTS)).isEqualTo(1);
    }

    @Test
    void record_wrongKindOfColumn_throws() {
        IntervalSeries series = new IntervalSeries();

        assertThatThrownBy(() -> series.increment(IntervalSeries.INFLIGHT, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> series.increment(IntervalSeries.GOODPUT, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> series.setGauge(IntervalSeries.REQUESTS, 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> series.increment(99, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> series.add(IntervalSeries.REQUESTS, -1, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void read_beforeFinish_throwsButTotalsAndLevelsWork() {
        IntervalSeries series = new IntervalSeries();
        series.increment(IntervalSeries.REQUESTS, 0);
        series.adjustGauge(IntervalSeries.INFLIGHT, 1, 0);

        assertThatThrownBy(() -> series.value("requests", 0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("finish");
        assertThat(series.total(IntervalSeries.REQUESTS)).isEqualTo(1);
        assertThat(series.level(IntervalSeries.INFLIGHT)).isEqualTo(1);
    }

    @Test
    void read_unknownColumnOrInterval_throws() {
        IntervalSeries series = new IntervalSeries();
        series.finish(SECOND);

        assertThatThrownBy(() -> series.value("nope", 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nope");
        assertThatThrownBy(() -> series.value("requests", 1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void finish_twiceOrAtTimeZero_throws() {
        IntervalSeries once = new IntervalSeries();
        once.finish(SECOND);

        assertThatThrownBy(() -> once.finish(2 * SECOND)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> once.increment(IntervalSeries.REQUESTS, 2 * SECOND))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new IntervalSeries().finish(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void checkConservation_balancedRun_passesAndLostRequest_throws() {
        IntervalSeries series = new IntervalSeries();
        series.increment(IntervalSeries.REQUESTS, 0);
        series.adjustGauge(IntervalSeries.INFLIGHT, 1, 0);
        series.increment(IntervalSeries.REQUESTS, 1);
        series.adjustGauge(IntervalSeries.INFLIGHT, 1, 1);
        series.increment(IntervalSeries.SUCCESSES, 2);
        series.adjustGauge(IntervalSeries.INFLIGHT, -1, 2);
        series.checkConservation();

        series.adjustGauge(IntervalSeries.INFLIGHT, -1, 3);

        assertThatThrownBy(series::checkConservation).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("requests 2 != successes 1 + failures 0 + in flight 0");
    }
}
