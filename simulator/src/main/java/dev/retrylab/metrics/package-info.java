/**
 * Measurement of simulated runs: per-interval time series ({@link dev.retrylab.metrics.IntervalSeries})
 * and their CSV, latency histograms, the request-conservation check, recovery after faults, run
 * summaries, and statistics over replications: means with confidence intervals ({@link
 * dev.retrylab.metrics.ReplicatedSummary}) and paired comparisons against a baseline ({@link
 * dev.retrylab.metrics.PairedComparison}) on the metrics {@link dev.retrylab.metrics.SummaryMetric}
 * names.
 *
 * <p>The package receives numbers: it imports nothing from the engine, the model or the user
 * interfaces, only the JDK, {@code dev.retrylab.time}, HdrHistogram and Commons Math.
 * Recording on the hot path ({@link dev.retrylab.metrics.IntervalSeries#increment},
 * {@link dev.retrylab.metrics.LatencyHistogram#record}) allocates nothing.
 */
package dev.retrylab.metrics;
