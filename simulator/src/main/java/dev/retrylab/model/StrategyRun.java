package dev.retrylab.model;

import dev.retrylab.metrics.IntervalSeries;
import dev.retrylab.metrics.RunSummary;

/**
 * One strategy's run of a scenario: its summary and its time series.
 *
 * @param eventsProcessed how many events the engine processed, for throughput figures
 */
public record StrategyRun(RunSummary summary, IntervalSeries series, long eventsProcessed) {
}
