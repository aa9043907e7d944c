package dev.retrylab.model;

import dev.retrylab.metrics.ColumnNames;
import dev.retrylab.metrics.FailureCounts;
import dev.retrylab.metrics.IntervalSeries;
import dev.retrylab.metrics.LatencyHistogram;
import dev.retrylab.strategy.FailureKind;
import dev.retrylab.strategy.GiveUpReason;
import java.time.Duration;
import java.util.List;

/**
 * Feeds a run's {@link IntervalSeries} and latency histograms from the model's reports, and
 * sorts failed requests into the summary's failure counts: by why they stopped (budget, breaker,
 * throttle) first, then by the kind of their last failure. Not thread-safe; allocation-free.
 */
final class MetricsRecorder implements RunRecorder {

    private final IntervalSeries series;
    private final LatencyHistogram requestLatency = new LatencyHistogram();
    private final LatencyHistogram attemptLatency = new LatencyHistogram();
    private final int budgetRefusals;
    private final int[] queueColumns;
    private final int[] busyColumns;
    private final int[] lastQueued;
    private final int[] lastBusy;
    private long timeout;
    private long error;
    private long rateLimited;
    private long rejected;
    private long circuitOpen;
    private long budgetExhausted;
    private long conflict;

    MetricsRecorder(Duration interval, Duration length, List<String> services) {
        this.series = new IntervalSeries(interval, length);
        this.budgetRefusals = series.addCounter(ColumnNames.BUDGET_REFUSALS);
        this.queueColumns = new int[services.size()];
        this.busyColumns = new int[services.size()];
        for (int i = 0; i < services.size(); i++) {
            queueColumns[i] = series.addGauge(ColumnNames.queue(services.get(i)));
            busyColumns[i] = series.addGauge(ColumnNames.busy(services.get(i)));
        }
        this.lastQueued = new int[services.size()];
        this.lastBusy = new int[services.size()];
    }

    IntervalSeries series() {
        return series;
    }

    LatencyHistogram requestLatency() {
        return requestLatency;
    }

    LatencyHistogram attemptLatency() {
        return attemptLatency;
    }

    FailureCounts failureCounts() {
        return new FailureCounts(timeout, error, rateLimited, rejected, circuitOpen, budgetExhausted, conflict);
    }

    @Override
    public void requestStarted(long nowNanos) {
        series.increment(IntervalSeries.REQUESTS, nowNanos);
        series.adjustGauge(IntervalSeries.INFLIGHT, 1, nowNanos);
    }

    @Override
    public void attemptStarted(long nowNanos, boolean retry) {
        series.increment(IntervalSeries.ATTEMPTS, nowNanos);
        if (retry) {
            series.increment(IntervalSeries.RETRIES, nowNanos);
        }
    }

    @Override
    public void attemptFailed(long nowNanos, FailureKind kind, long latencyNanos) {
        attemptLatency.record(latencyNanos);
    }

    @Override
    public void attemptSucceeded(long nowNanos, long latencyNanos) {
        attemptLatency.record(latencyNanos);
    }

    @Override
    public void requestSucceeded(long nowNanos, long latencyNanos, int attempts) {
        series.increment(IntervalSeries.SUCCESSES, nowNanos);
        series.adjustGauge(IntervalSeries.INFLIGHT, -1, nowNanos);
        requestLatency.record(latencyNanos);
    }

    @Override
    public void requestFailed(long nowNanos, long latencyNanos, int attempts, FailureKind lastKind,
                              GiveUpReason reason) {
        series.increment(IntervalSeries.FAILURES, nowNanos);
        series.adjustGauge(IntervalSeries.INFLIGHT, -1, nowNanos);
        requestLatency.record(latencyNanos);
        switch (reason) {
            case BUDGET_EXHAUSTED -> {
                budgetExhausted++;
                series.increment(budgetRefusals, nowNanos);
            }
            case CIRCUIT_OPEN -> circuitOpen++;
            case THROTTLED, REJECTED -> rejected++;
            default -> countByKind(lastKind);
        }
    }

    private void countByKind(FailureKind kind) {
        switch (kind) {
            case TIMEOUT -> timeout++;
            case RATE_LIMITED -> rateLimited++;
            case CONFLICT -> conflict++;
            default -> error++;
        }
    }

    @Override
    public void serviceLoad(int service, int queued, int busy, long nowNanos) {
        if (queued != lastQueued[service]) {
            series.setGauge(queueColumns[service], queued, nowNanos);
            lastQueued[service] = queued;
        }
        if (busy != lastBusy[service]) {
            series.setGauge(busyColumns[service], busy, nowNanos);
            lastBusy[service] = busy;
        }
    }
}
