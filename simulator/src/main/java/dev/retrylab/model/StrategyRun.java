package dev.retrylab.model;

import dev.retrylab.metrics.BucketCounts;
import dev.retrylab.metrics.IntervalSeries;
import dev.retrylab.metrics.RunSummary;

/**
 * One strategy's run of a scenario: its summary, its time series and its attempts per bucket of
 * the scenario's {@linkplain Scenario#herd() herd window}.
 *
 * @param eventsProcessed how many events the engine processed, for throughput figures
 */
public record StrategyRun(RunSummary summary, IntervalSeries series, BucketCounts herd, long eventsProcessed) {
}
