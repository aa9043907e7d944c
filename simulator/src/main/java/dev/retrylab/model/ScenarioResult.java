package dev.retrylab.model;

import dev.retrylab.metrics.BucketCounts;
import dev.retrylab.metrics.IntervalSeries;
import dev.retrylab.metrics.PairedComparison;
import dev.retrylab.metrics.ReplicatedSummary;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every strategy of a scenario over its replications, in the scenario's order: the summaries of
 * every run, and the time series of replication 0 (the run a single replication gives; keeping
 * one series per run would cost memory in proportion to the replications). Immutable.
 *
 * @param scenario        the scenario run
 * @param strategies      one per strategy, in the scenario's order
 * @param series          each strategy's time series in replication 0, by strategy name, in order;
 *                        empty when the runner was told not to keep them (a sweep)
 * @param herd            each strategy's attempts per bucket of the {@linkplain Scenario#herd()
 *                        herd window} in replication 0, like {@code series}
 * @param eventsProcessed events the engine processed over all runs
 */
public record ScenarioResult(Scenario scenario, List<ReplicatedSummary> strategies,
        Map<String, IntervalSeries> series, Map<String, BucketCounts> herd, long eventsProcessed) {

    /**
     * Validates that every strategy has the same number of replications, and a series and herd
     * counts unless none are kept.
     */
    public ScenarioResult {
        Objects.requireNonNull(scenario, "scenario");
        strategies = List.copyOf(strategies);
        series = Collections.unmodifiableMap(new LinkedHashMap<>(series));
        herd = Collections.unmodifiableMap(new LinkedHashMap<>(herd));
        if (strategies.isEmpty()) {
            throw new IllegalArgumentException("no strategies");
        }
        for (ReplicatedSummary strategy : strategies) {
            if (strategy.replications() != strategies.get(0).replications()) {
                throw new IllegalArgumentException("every strategy needs the same number of replications");
            }
            if (!series.isEmpty() && !series.containsKey(strategy.name())) {
                throw new IllegalArgumentException("no series for " + strategy.name());
            }
            if (herd.isEmpty() != series.isEmpty() || (!herd.isEmpty() && !herd.containsKey(strategy.name()))) {
                throw new IllegalArgumentException("no herd counts for " + strategy.name());
            }
        }
    }

    /** Replications per strategy. */
    public int replications() {
        return strategies.get(0).replications();
    }

    /** The strategy named {@code name}. */
    public ReplicatedSummary strategy(String name) {
        for (ReplicatedSummary strategy : strategies) {
            if (strategy.name().equals(name)) {
                return strategy;
            }
        }
        throw new IllegalArgumentException("no strategy named '" + name + "'; the strategies are "
                + String.join(", ", strategyNames()));
    }

    /** The strategies' names, in order. */
    public List<String> strategyNames() {
        return strategies.stream().map(ReplicatedSummary::name).toList();
    }

    /**
     * Every other strategy against {@code baseline} on the headline metrics, paired by
     * replication, in the scenario's order.
     */
    public Map<String, List<PairedComparison>> versus(String baseline) {
        ReplicatedSummary base = strategy(baseline);
        Map<String, List<PairedComparison>> comparisons = new LinkedHashMap<>();
        for (ReplicatedSummary strategy : strategies) {
            if (strategy != base) {
                comparisons.put(strategy.name(), strategy.versus(base));
            }
        }
        return Collections.unmodifiableMap(comparisons);
    }
}
