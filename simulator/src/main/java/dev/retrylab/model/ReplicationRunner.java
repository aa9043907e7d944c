package dev.retrylab.model;

import dev.retrylab.metrics.IntervalSeries;
import dev.retrylab.metrics.ReplicatedSummary;
import dev.retrylab.metrics.RunSummary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs every strategy of a scenario over R replications, 0 to R-1: replication r of every
 * strategy is built from the scenario seed and r, so all strategies meet the same arrivals,
 * service times and faults in it (common random numbers) while the replications are independent.
 *
 * <p>Every (strategy, replication) run is an independent single-threaded simulation; the runs go
 * on a pool of threads in any order and are put back in a fixed order (strategy, then
 * replication), so the result does not depend on the number of threads. Stateless; each call
 * makes its own pool and shuts it down.
 */
public final class ReplicationRunner {

    private ReplicationRunner() {
    }

    /** Runs the scenario's own number of replications. */
    public static ScenarioResult run(Scenario scenario, int threads, RunProgress progress) {
        return run(scenario, scenario.replications(), threads, progress);
    }

    /**
     * Runs {@code replications} replications of every strategy on up to {@code threads} threads,
     * telling {@code progress} of each finished run.
     */
    public static ScenarioResult run(Scenario scenario, int replications, int threads, RunProgress progress) {
        if (replications < 1 || replications > Scenario.MAX_REPLICATIONS) {
            throw new IllegalArgumentException("replications must be from 1 to " + Scenario.MAX_REPLICATIONS
                    + ", was " + replications);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be 1 or more, was " + threads);
        }
        List<String> names = new ArrayList<>(scenario.strategies().keySet());
        int total = names.size() * replications;
        Slots slots = new Slots(names.size(), replications);
        if (threads == 1) {
            for (int r = 0; r < replications; r++) {
                for (int s = 0; s < names.size(); s++) {
                    slots.put(s, r, ScenarioRunner.run(scenario, names.get(s), r));
                    progress.runFinished(slots.filled, total);
                }
            }
        } else {
            runOnPool(scenario, names, replications, Math.min(threads, total), slots, progress);
        }
        List<ReplicatedSummary> strategies = new ArrayList<>();
        Map<String, IntervalSeries> series = new LinkedHashMap<>();
        for (int s = 0; s < names.size(); s++) {
            strategies.add(new ReplicatedSummary(names.get(s), Arrays.asList(slots.summaries[s])));
            series.put(names.get(s), slots.firstSeries[s]);
        }
        return new ScenarioResult(scenario, strategies, series, slots.events);
    }

    private static void runOnPool(Scenario scenario, List<String> names, int replications, int threads, Slots slots,
            RunProgress progress) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CompletionService<Finished> done = new ExecutorCompletionService<>(pool);
            // replication-major, so that the first results cover every strategy
            for (int r = 0; r < replications; r++) {
                for (int s = 0; s < names.size(); s++) {
                    int strategy = s;
                    int replication = r;
                    done.submit(() -> new Finished(strategy, replication,
                            ScenarioRunner.run(scenario, names.get(strategy), replication)));
                }
            }
            int total = names.size() * replications;
            for (int i = 0; i < total; i++) {
                Finished finished = done.take().get();
                slots.put(finished.strategy, finished.replication, finished.run);
                progress.runFinished(slots.filled, total);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + scenario.name(), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private record Finished(int strategy, int replication, StrategyRun run) {
    }

    /** The results by strategy and replication; only the calling thread touches it. */
    private static final class Slots {
        final RunSummary[][] summaries;
        final IntervalSeries[] firstSeries;
        int filled;
        long events;

        Slots(int strategies, int replications) {
            summaries = new RunSummary[strategies][replications];
            firstSeries = new IntervalSeries[strategies];
        }

        void put(int strategy, int replication, StrategyRun run) {
            summaries[strategy][replication] = run.summary();
            if (replication == 0) {
                firstSeries[strategy] = run.series();
            }
            filled++;
            events += run.eventsProcessed();
        }
    }
}
