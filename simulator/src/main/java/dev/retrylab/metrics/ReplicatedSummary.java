package dev.retrylab.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * One strategy over R independent replications: the R run summaries, in replication order, and
 * what reports make of them. Every number a report prints is the mean over the replications of
 * that number in each run (so the amplification is the mean of the R amplifications, not the mean
 * attempts over the mean requests), with a 95% Student-t interval where one is asked for.
 *
 * <p><b>Numbers that may be missing.</b> A recovery time is missing in a replication that never
 * recovered, a completion time in one that ended with requests in flight. Averaging only the
 * replications that have one would hide a metastable failure behind a good mean, so {@link
 * #meanOrNull} and {@link #estimateOrNull} give {@code null} as soon as one replication lacks the
 * number, and {@link #count} says in how many it is present.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the strategy's name
 * @param runs one summary per replication, replication 0 first; at least one
 */
public record ReplicatedSummary(String name, List<RunSummary> runs) {

    /** Validates that there is at least one run and that every run is of this strategy. */
    public ReplicatedSummary {
        Objects.requireNonNull(name, "name");
        runs = List.copyOf(runs);
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("need at least one replication of " + name);
        }
        for (RunSummary run : runs) {
            if (!run.name().equals(name)) {
                throw new IllegalArgumentException("a run of '" + run.name() + "' among the runs of '" + name + "'");
            }
        }
    }

    /** How many replications there are. */
    public int replications() {
        return runs.size();
    }

    /** The first replication's summary: for what does not vary, such as service and fault names. */
    public RunSummary first() {
        return runs.get(0);
    }

    /** The mean of {@code metric} over the replications. */
    public double mean(ToDoubleFunction<RunSummary> metric) {
        return ReplicationStatistics.mean(values(metric));
    }

    /** The mean and 95% interval of {@code metric}; no interval with one replication. */
    public Estimate estimate(SummaryMetric metric) {
        return Estimate.of(values(metric::of));
    }

    /** The mean of {@code metric}, or {@code null} when it is null in any replication. */
    public Double meanOrNull(Function<RunSummary, Double> metric) {
        Estimate estimate = estimateOrNull(metric);
        return estimate == null ? null : estimate.mean();
    }

    /** The mean and 95% interval of {@code metric}, or {@code null} when it is null in any replication. */
    public Estimate estimateOrNull(Function<RunSummary, Double> metric) {
        double[] values = new double[runs.size()];
        for (int r = 0; r < values.length; r++) {
            Double value = metric.apply(runs.get(r));
            if (value == null) {
                return null;
            }
            values[r] = value;
        }
        return Estimate.of(values);
    }

    /** In how many replications {@code condition} holds. */
    public int count(Predicate<RunSummary> condition) {
        int count = 0;
        for (RunSummary run : runs) {
            if (condition.test(run)) {
                count++;
            }
        }
        return count;
    }

    /**
     * This strategy against {@code baseline} on every {@linkplain SummaryMetric#HEADLINE headline
     * metric}, paired by replication.
     */
    public List<PairedComparison> versus(ReplicatedSummary baseline) {
        if (baseline.replications() != replications()) {
            throw new IllegalArgumentException(name + " has " + replications() + " replications, the baseline "
                    + baseline.name() + " " + baseline.replications());
        }
        List<PairedComparison> comparisons = new ArrayList<>();
        for (SummaryMetric metric : SummaryMetric.HEADLINE) {
            comparisons.add(PairedComparison.of(metric, runs, baseline.runs()));
        }
        return comparisons;
    }

    private double[] values(ToDoubleFunction<RunSummary> metric) {
        double[] values = new double[runs.size()];
        for (int r = 0; r < values.length; r++) {
            values[r] = metric.applyAsDouble(runs.get(r));
        }
        return values;
    }
}
