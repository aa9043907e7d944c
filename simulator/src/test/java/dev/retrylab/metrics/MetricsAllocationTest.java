package dev.retrylab.metrics;

import static dev.retrylab.testing.AllocationMeter.bytesAllocatedBy;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Recording allocates nothing once the arrays exist. Each measured run records 100,000 events,
 * so one boxed number or object per event (16 bytes or more) would show as well over the 1 byte
 * per event allowed here.
 */
class MetricsAllocationTest {

    private static final int EVENTS = 100_000;
    private static final long MICRO = 1_000L;

    @Test
    void intervalSeries_recordingWithinTheExpectedLength_allocatesNothing() {
        // 6 runs (5 warm-up, 1 measured) of 100,000 events 10 microseconds apart: 6 s in all.
        IntervalSeries series = new IntervalSeries(Duration.ofSeconds(1), Duration.ofSeconds(10));
        int queue = series.addGauge("svc.queue");
        int hedges = series.addCounter("hedges");
        long[] now = {0};

        long bytes = bytesAllocatedBy(() -> {
            for (int i = 0; i < EVENTS; i++) {
                long t = now[0] += 10 * MICRO;
                series.increment(IntervalSeries.REQUESTS, t);
                series.adjustGauge(IntervalSeries.INFLIGHT, 1, t);
                series.add(IntervalSeries.ATTEMPTS, 2, t);
                series.setGauge(queue, i & 15, t);
                series.increment(hedges, t);
                series.increment(IntervalSeries.SUCCESSES, t);
                series.adjustGauge(IntervalSeries.INFLIGHT, -1, t);
            }
        });

        assertThat(bytes).isLessThan(EVENTS);
        assertThat(series.total(IntervalSeries.REQUESTS)).isEqualTo(6L * EVENTS);
    }

    @Test
    void intervalSeries_growingPastTheExpectedLength_allocatesOnlyWhenDoubling() {
        // Each measured run covers 1,000 intervals; doubling copies arrays a few times, far less
        // than one object per event.
        IntervalSeries series = new IntervalSeries();
        long[] now = {0};

        long bytes = bytesAllocatedBy(() -> {
            for (int i = 0; i < EVENTS; i++) {
                series.increment(IntervalSeries.REQUESTS, now[0] += 10_000 * MICRO);
            }
        });

        assertThat(bytes).isLessThan(16L * EVENTS);
    }

    @Test
    void latencyHistogram_recording_allocatesNothing() {
        LatencyHistogram histogram = new LatencyHistogram();

        long bytes = bytesAllocatedBy(() -> {
            for (int i = 0; i < EVENTS; i++) {
                histogram.record(1_000L + 7_919L * i);
            }
        });

        assertThat(bytes).isLessThan(EVENTS);
        assertThat(histogram.count()).isEqualTo(6L * EVENTS);
    }

    @Test
    void intervalPercentiles_recordingAcrossIntervals_allocatesNothing() {
        // 100,000 latencies 100 microseconds apart per run: every run crosses 10 intervals, so each
        // writes percentiles into the series and clears the histogram ten times
        IntervalSeries series = new IntervalSeries(Duration.ofSeconds(1), Duration.ofSeconds(70));
        IntervalPercentiles latency = new IntervalPercentiles(series, Duration.ofSeconds(70), "latency", 50, 99);
        long[] now = {0};

        long bytes = bytesAllocatedBy(() -> {
            for (int i = 0; i < EVENTS; i++) {
                long t = now[0] += 100 * MICRO;
                series.increment(IntervalSeries.SUCCESSES, t);
                latency.record(1_000L + 7_919L * i, t);
            }
        });

        assertThat(bytes).isLessThan(EVENTS);
        assertThat(series.total(IntervalSeries.SUCCESSES)).isEqualTo(6L * EVENTS);
    }

    @Test
    void bucketCounts_recording_allocatesNothing() {
        BucketCounts counts = new BucketCounts(0, 10 * MICRO * 1_000, 1_000);

        long bytes = bytesAllocatedBy(() -> {
            for (int i = 0; i < EVENTS; i++) {
                counts.record(7_919L * MICRO * i % (20L * 1_000_000_000));
            }
        });

        assertThat(bytes).isLessThan(EVENTS);
    }
}
