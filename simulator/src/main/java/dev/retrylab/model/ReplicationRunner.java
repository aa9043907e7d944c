package dev.retrylab.model;

import dev.retrylab.metrics.BucketCounts;
import dev.retrylab.metrics.IntervalSeries;
import dev.retrylab.metrics.ReplicatedSummary;
import dev.retrylab.metrics.RunSummary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;

/**
 * Runs every strategy of a scenario over R replications, 0 to R-1: replication r of every
 * strategy is built from the scenario seed and r, so all strategies meet the same arrivals,
 * service times and faults in it (common random numbers) while the replications are independent.
 *
 * <p>Every (strategy, replication) run is an independent single-threaded simulation; the runs go
 * on a pool of threads in any order and are put back in a fixed order (strategy, then
 * replication), so the result does not depend on the number of threads. Stateless; each call
 * makes its own pool and shuts it down.
 *
 * <p><b>Cancelling.</b> Interrupt the thread that called: the runs under way stop at their next
 * check, a few milliseconds away (see {@link SlicedRun}), no new one starts, and the call throws a
 * {@link CancellationException} instead of a result, with the thread's interrupt status still set.
 * Whether it returns or throws, the call ends only once every run it started has stopped.
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
     *
     * @throws CancellationException if the calling thread is interrupted before the runs end
     */
    public static ScenarioResult run(Scenario scenario, int replications, int threads, RunProgress progress) {
        checkReplications(replications);
        return runAll(List.of(scenario), List.of(replications), threads, true, progress, ScenarioRunner::run).get(0);
    }

    /**
     * Runs several scenarios, such as the points of a sweep, each with its own number of
     * replications, all on one pool of up to {@code threads} threads; {@code progress} hears of
     * every finished run of them all. The results come in the order of {@code scenarios}; they
     * hold the time series of replication 0 only when {@code keepSeries} is true, since a sweep of
     * many points would otherwise keep one series per point and strategy.
     *
     * @throws CancellationException if the calling thread is interrupted before the runs end
     */
    public static List<ScenarioResult> runAll(List<Scenario> scenarios, int threads, boolean keepSeries,
            RunProgress progress) {
        return runAll(scenarios, threads, keepSeries, progress, ScenarioRunner::run);
    }

    /** {@link #runAll(List, int, boolean, RunProgress)} with each run made by {@code runner}. */
    static List<ScenarioResult> runAll(List<Scenario> scenarios, int threads, boolean keepSeries,
            RunProgress progress, StrategyRunner runner) {
        if (scenarios.isEmpty()) {
            throw new IllegalArgumentException("no scenarios to run");
        }
        List<Integer> replications = scenarios.stream().map(Scenario::replications).toList();
        replications.forEach(ReplicationRunner::checkReplications);
        return runAll(scenarios, replications, threads, keepSeries, progress, runner);
    }

    private static List<ScenarioResult> runAll(List<Scenario> scenarios, List<Integer> replications, int threads,
            boolean keepSeries, RunProgress progress, StrategyRunner runner) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be 1 or more, was " + threads);
        }
        List<Job> jobs = new ArrayList<>();
        List<Slots> slots = new ArrayList<>();
        for (int i = 0; i < scenarios.size(); i++) {
            Scenario scenario = scenarios.get(i);
            List<String> names = new ArrayList<>(scenario.strategies().keySet());
            slots.add(new Slots(names, replications.get(i), keepSeries));
            // replication-major, so that the first results cover every strategy
            for (int r = 0; r < replications.get(i); r++) {
                for (int s = 0; s < names.size(); s++) {
                    jobs.add(new Job(i, s, r));
                }
            }
        }
        Progress counted = new Progress(progress, jobs.size());
        if (threads == 1 || jobs.size() == 1) {
            for (Job job : jobs) {
                slots.get(job.scenario).put(job, job.run(scenarios, slots, runner));
                counted.one();
            }
        } else {
            runOnPool(scenarios, jobs, Math.min(threads, jobs.size()), runner, slots, counted);
        }
        List<ScenarioResult> results = new ArrayList<>();
        for (int i = 0; i < scenarios.size(); i++) {
            results.add(slots.get(i).result(scenarios.get(i)));
        }
        return results;
    }

    private static void checkReplications(int replications) {
        if (replications < 1 || replications > Scenario.MAX_REPLICATIONS) {
            throw new IllegalArgumentException("replications must be from 1 to " + Scenario.MAX_REPLICATIONS
                    + ", was " + replications);
        }
    }

    private static void runOnPool(List<Scenario> scenarios, List<Job> jobs, int threads, StrategyRunner runner,
            List<Slots> slots, Progress progress) {
        ExecutorService pool = RunPools.open(threads);
        try {
            CompletionService<Finished> done = new ExecutorCompletionService<>(pool);
            for (Job job : jobs) {
                done.submit(() -> new Finished(job, job.run(scenarios, slots, runner)));
            }
            for (int i = 0; i < jobs.size(); i++) {
                Finished finished = done.take().get();
                slots.get(finished.job.scenario).put(finished.job, finished.run);
                progress.one();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("the runs were interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            RunPools.close(pool);
        }
    }

    /** Makes one run: {@link ScenarioRunner#run}, or a test's watcher around it. */
    @FunctionalInterface
    interface StrategyRunner {
        StrategyRun run(Scenario scenario, String strategy, long replication);
    }

    /** One run: strategy {@code strategy} of scenario {@code scenario}, replication {@code replication}. */
    private record Job(int scenario, int strategy, int replication) {
        StrategyRun run(List<Scenario> scenarios, List<Slots> slots, StrategyRunner runner) {
            return runner.run(scenarios.get(scenario), slots.get(scenario).names.get(strategy), replication);
        }
    }

    private record Finished(Job job, StrategyRun run) {
    }

    /** Counts finished runs for the caller's progress; only the calling thread touches it. */
    private static final class Progress {
        final RunProgress listener;
        final int total;
        int finished;

        Progress(RunProgress listener, int total) {
            this.listener = listener;
            this.total = total;
        }

        void one() {
            listener.runFinished(++finished, total);
        }
    }

    /** The results of one scenario by strategy and replication; only the calling thread touches it. */
    private static final class Slots {
        final List<String> names;
        final RunSummary[][] summaries;
        final IntervalSeries[] firstSeries;
        final BucketCounts[] firstHerd;
        final boolean keepSeries;
        long events;

        Slots(List<String> names, int replications, boolean keepSeries) {
            this.names = names;
            this.keepSeries = keepSeries;
            summaries = new RunSummary[names.size()][replications];
            firstSeries = new IntervalSeries[names.size()];
            firstHerd = new BucketCounts[names.size()];
        }

        void put(Job job, StrategyRun run) {
            summaries[job.strategy][job.replication] = run.summary();
            if (job.replication == 0 && keepSeries) {
                firstSeries[job.strategy] = run.series();
                firstHerd[job.strategy] = run.herd();
            }
            events += run.eventsProcessed();
        }

        ScenarioResult result(Scenario scenario) {
            List<ReplicatedSummary> strategies = new ArrayList<>();
            Map<String, IntervalSeries> series = new LinkedHashMap<>();
            Map<String, BucketCounts> herd = new LinkedHashMap<>();
            for (int s = 0; s < names.size(); s++) {
                strategies.add(new ReplicatedSummary(names.get(s), Arrays.asList(summaries[s])));
                if (keepSeries) {
                    series.put(names.get(s), firstSeries[s]);
                    herd.put(names.get(s), firstHerd[s]);
                }
            }
            return new ScenarioResult(scenario, strategies, series, herd, events);
        }
    }
}
