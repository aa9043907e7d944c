package dev.retrylab.model;

import dev.retrylab.metrics.BucketCounts;
import dev.retrylab.metrics.ColumnNames;
import dev.retrylab.metrics.FailureCounts;
import dev.retrylab.metrics.IntervalPercentiles;
import dev.retrylab.metrics.IntervalSeries;
import dev.retrylab.metrics.LatencyHistogram;
import dev.retrylab.strategy.FailureKind;
import dev.retrylab.strategy.GiveUpReason;
import java.time.Duration;
import java.util.List;

/**
 * Feeds a run's {@link IntervalSeries} and latency histograms from the model's reports, and
 * sorts failed requests into the summary's failure counts: by why they stopped (budget, breaker,
 * throttle) first, then by the kind of their last failure. The series also gets, after the
 * columns it always had, each service's wasted work and the latency percentiles of each
 * interval; attempts in the herd window are counted in short buckets. Call {@link #finish} at the
 * end of the run. Not thread-safe; allocation-free.
 */
final class MetricsRecorder implements RunRecorder {

    private final IntervalSeries series;
    private final LatencyHistogram requestLatency = new LatencyHistogram();
    private final LatencyHistogram attemptLatency = new LatencyHistogram();
    private final int budgetRefusals;
    private final int hedges;
    private final int openBreakers;
    private final int[] failureColumns;
    private final int[] rejectionColumns;
    private final int[] queueColumns;
    private final int[] busyColumns;
    private final int[] lastQueued;
    private final int[] lastBusy;
    private final int fallbackColumn;
    private final int[] wastedColumns;
    private final IntervalPercentiles intervalLatency;
    private final BucketCounts herd;
    private long fallbacks;
    private long timeout;
    private long error;
    private long rateLimited;
    private long rejected;
    private long circuitOpen;
    private long budgetExhausted;
    private long conflict;

    /**
     * @param countFallbacks whether to count requests answered from a cache, in a column after
     *                       the others
     * @param herd           where to count attempts in short buckets
     */
    MetricsRecorder(Duration interval, Duration length, List<String> services, boolean countFallbacks,
                    HerdWindow herd) {
        this.series = new IntervalSeries(interval, length);
        this.hedges = series.addCounter(ColumnNames.HEDGES);
        this.budgetRefusals = series.addCounter(ColumnNames.BUDGET_REFUSALS);
        this.openBreakers = series.addGauge(ColumnNames.OPEN_BREAKERS);
        this.failureColumns = new int[FAILURE_CATEGORIES.size()];
        for (int i = 0; i < failureColumns.length; i++) {
            failureColumns[i] = series.addCounter(ColumnNames.failures(FAILURE_CATEGORIES.get(i)));
        }
        this.rejectionColumns = new int[services.size()];
        this.queueColumns = new int[services.size()];
        this.busyColumns = new int[services.size()];
        for (int i = 0; i < services.size(); i++) {
            queueColumns[i] = series.addGauge(ColumnNames.queue(services.get(i)));
            busyColumns[i] = series.addGauge(ColumnNames.busy(services.get(i)));
            rejectionColumns[i] = series.addCounter(ColumnNames.rejections(services.get(i)));
        }
        this.lastQueued = new int[services.size()];
        this.lastBusy = new int[services.size()];
        this.fallbackColumn = countFallbacks ? series.addCounter(ColumnNames.FALLBACKS) : -1;
        this.wastedColumns = new int[services.size()];
        for (int i = 0; i < services.size(); i++) {
            wastedColumns[i] = series.addCounter(ColumnNames.wasted(services.get(i)));
        }
        this.intervalLatency = new IntervalPercentiles(series, length, ColumnNames.LATENCY, 50, 99);
        this.herd = herd.counter(length.toNanos());
    }

    /** Ends the run at {@code endNanos}: the last interval's percentiles, then the series. */
    void finish(long endNanos) {
        intervalLatency.finish();
        series.finish(endNanos);
    }

    /** Attempts per bucket of the herd window. */
    BucketCounts herd() {
        return herd;
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

    /** Failed requests answered from a cache. */
    long fallbacks() {
        return fallbacks;
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
        herd.record(nowNanos);
        if (retry) {
            series.increment(IntervalSeries.RETRIES, nowNanos);
        }
    }

    @Override
    public void hedgeStarted(long nowNanos) {
        series.increment(hedges, nowNanos);
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
        intervalLatency.record(latencyNanos, nowNanos);
    }

    @Override
    public void requestFailed(long nowNanos, long latencyNanos, int attempts, FailureKind lastKind,
                              GiveUpReason reason) {
        series.increment(IntervalSeries.FAILURES, nowNanos);
        series.adjustGauge(IntervalSeries.INFLIGHT, -1, nowNanos);
        requestLatency.record(latencyNanos);
        intervalLatency.record(latencyNanos, nowNanos);
        int category = category(lastKind, reason);
        series.increment(failureColumns[category], nowNanos);
        switch (category) {
            case TIMEOUT -> timeout++;
            case RATE_LIMITED -> rateLimited++;
            case REJECTED -> rejected++;
            case CIRCUIT_OPEN -> circuitOpen++;
            case BUDGET_EXHAUSTED -> {
                budgetExhausted++;
                series.increment(budgetRefusals, nowNanos);
            }
            case CONFLICT -> conflict++;
            default -> error++;
        }
    }

    /** The summary's failure categories, in the order of {@link #FAILURE_CATEGORIES}. */
    private static final int TIMEOUT = 0;
    private static final int ERROR = 1;
    private static final int RATE_LIMITED = 2;
    private static final int REJECTED = 3;
    private static final int CIRCUIT_OPEN = 4;
    private static final int BUDGET_EXHAUSTED = 5;
    private static final int CONFLICT = 6;
    static final List<String> FAILURE_CATEGORIES = List.of("timeout", "error", "rate_limited", "rejected",
            "circuit_open", "budget_exhausted", "conflict");

    /** Why a request failed: why it stopped retrying first (budget, breaker, throttle), then its last failure. */
    private static int category(FailureKind lastKind, GiveUpReason reason) {
        switch (reason) {
            case BUDGET_EXHAUSTED:
                return BUDGET_EXHAUSTED;
            case CIRCUIT_OPEN:
                return CIRCUIT_OPEN;
            case THROTTLED:
            case REJECTED:
                return REJECTED;
            default:
                break;
        }
        switch (lastKind) {
            case TIMEOUT:
                return TIMEOUT;
            case RATE_LIMITED:
                return RATE_LIMITED;
            case CONFLICT:
                return CONFLICT;
            default:
                return ERROR;
        }
    }

    @Override
    public void servedFromCache(long nowNanos) {
        fallbacks++;
        if (fallbackColumn >= 0) {
            series.increment(fallbackColumn, nowNanos);
        }
    }

    @Override
    public void workWasted(int service, long workNanos, long nowNanos) {
        series.add(wastedColumns[service], workNanos, nowNanos);
    }

    @Override
    public void serviceRejected(int service, long nowNanos) {
        series.increment(rejectionColumns[service], nowNanos);
    }

    @Override
    public void openBreakers(int clients, long nowNanos) {
        series.adjustGauge(openBreakers, clients, nowNanos);
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
