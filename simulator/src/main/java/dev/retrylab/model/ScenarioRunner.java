package dev.retrylab.model;

import dev.retrylab.fault.Fault;
import dev.retrylab.metrics.Conservation;
import dev.retrylab.metrics.IntervalSeries;
import dev.retrylab.metrics.Recovery;
import dev.retrylab.metrics.RecoveryResult;
import dev.retrylab.metrics.RunSummary;
import dev.retrylab.metrics.ServiceSummary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Runs a scenario's strategies. Each run is single-threaded and deterministic; several
 * strategies run in parallel on separate threads, and the results come back in the scenario's
 * order, so the output does not depend on the number of threads. Every run checks conservation:
 * requests = successes + failures + in flight. Requests answered from a cache after they failed
 * are counted (fallbacks) when a strategy of the scenario has a fallback; they stay failures.
 *
 * <p>A run stops soon after its thread is interrupted and throws a {@link CancellationException}
 * (see {@link SlicedRun}); {@link #runAll} then interrupts its other runs and returns only once
 * they have stopped.
 */
public final class ScenarioRunner {

    private ScenarioRunner() {
    }

    /**
     * Runs one strategy of {@code scenario}, replication {@code replication}.
     *
     * @throws CancellationException if the thread is interrupted before the run ends; its interrupt
     *                               status stays set
     */
    public static StrategyRun run(Scenario scenario, String strategy, long replication) {
        return run(scenario, strategy, replication, SlicedRun.DEFAULT);
    }

    /** {@link #run(Scenario, String, long)} in the given slices. */
    static StrategyRun run(Scenario scenario, String strategy, long replication, SlicedRun slices) {
        StrategyFactory factory = scenario.strategies().get(strategy);
        if (factory == null) {
            throw new IllegalArgumentException("no strategy named '" + strategy + "' in scenario " + scenario.name());
        }
        List<String> serviceNames = scenario.services().stream().map(ServiceConfig::name).toList();
        Duration interval = Duration.ofNanos(scenario.intervalNanos());
        boolean countFallbacks = hasFallback(scenario);
        MetricsRecorder recorder = new MetricsRecorder(interval, Duration.ofNanos(scenario.durationNanos()),
                serviceNames, countFallbacks, scenario.herd());
        SimulatedSystem.Builder builder = SimulatedSystem.builder(scenario.seed(), replication).recorder(recorder)
                .faults(scenario.faults());
        scenario.services().forEach(builder::service);
        scenario.calls().forEach(builder::call);
        for (ClientConfig clients : scenario.clients()) {
            builder.clients(clients, factory);
        }
        SimulatedSystem system = builder.build();
        slices.runUntil(system, scenario.durationNanos(), "strategy '" + strategy + "' of " + scenario.name());
        recorder.finish(scenario.durationNanos());
        IntervalSeries series = recorder.series();
        long requests = series.total(IntervalSeries.REQUESTS);
        long successes = series.total(IntervalSeries.SUCCESSES);
        Conservation.check(requests, successes, series.total(IntervalSeries.FAILURES), system.inFlight());
        double seconds = scenario.durationNanos() / 1e9;
        long completion = system.completionNanos();
        RunSummary summary = RunSummary.of(strategy, requests, series.total(IntervalSeries.ATTEMPTS), successes,
                successes / seconds, recorder.requestLatency().stats(), completion < 0 ? null : completion / 1e9,
                recorder.failureCounts(),
                services(system, scenario.durationNanos()), recovery(scenario, series, interval));
        if (countFallbacks) {
            summary = summary.withFallbacks(recorder.fallbacks());
        }
        return new StrategyRun(summary, series, recorder.herd(), system.simulation().eventsProcessed());
    }

    /**
     * Whether some strategy of {@code scenario} falls back to a cache for some service a client
     * group calls: then every run of the scenario counts fallbacks, so its strategies can be
     * compared, and other scenarios' results keep their form.
     */
    static boolean hasFallback(Scenario scenario) {
        for (StrategyFactory factory : scenario.strategies().values()) {
            for (ClientConfig clients : scenario.clients()) {
                for (String target : clients.targets().keySet()) {
                    if (factory.forTarget(target).create(() -> 0L).cacheTtlNanos() > 0) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Runs every strategy on up to {@code threads} threads; results in the scenario's order.
     *
     * @throws CancellationException if the calling thread is interrupted before the runs end; its
     *                               interrupt status stays set
     */
    public static List<StrategyRun> runAll(Scenario scenario, long replication, int threads) {
        List<String> names = new ArrayList<>(scenario.strategies().keySet());
        if (threads <= 1 || names.size() == 1) {
            List<StrategyRun> runs = new ArrayList<>();
            for (String name : names) {
                runs.add(run(scenario, name, replication));
            }
            return runs;
        }
        ExecutorService pool = RunPools.open(Math.min(threads, names.size()));
        try {
            List<Future<StrategyRun>> futures = new ArrayList<>();
            for (String name : names) {
                futures.add(pool.submit(() -> run(scenario, name, replication)));
            }
            List<StrategyRun> runs = new ArrayList<>();
            for (Future<StrategyRun> future : futures) {
                runs.add(future.get());
            }
            return runs;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("the runs of " + scenario.name() + " were interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            RunPools.close(pool);
        }
    }

    private static Map<String, ServiceSummary> services(SimulatedSystem system, long durationNanos) {
        Map<String, ServiceSummary> services = new LinkedHashMap<>();
        for (Map.Entry<String, ServiceModel> entry : system.services().entrySet()) {
            ServiceModel service = entry.getValue();
            double utilization = Math.min(1.0, service.busyArea() / ((double) service.capacity() * durationNanos));
            services.put(entry.getKey(), new ServiceSummary(service.arrived(), service.served(), service.rejected(),
                    service.wastedNanos() / 1e9, utilization));
        }
        return services;
    }

    private static List<RecoveryResult> recovery(Scenario scenario, IntervalSeries series, Duration interval) {
        List<RecoveryResult> results = new ArrayList<>();
        if (scenario.faults().isEmpty()) {
            return results;
        }
        long firstStart = Long.MAX_VALUE;
        for (Fault fault : scenario.faults()) {
            firstStart = Math.min(firstStart, fault.startNanos());
        }
        double[] goodput = series.goodput();
        for (Fault fault : scenario.faults()) {
            results.add(Recovery.assess(fault.label(), goodput, interval, Duration.ofNanos(firstStart),
                    Duration.ofNanos(fault.endNanos())));
        }
        return results;
    }
}
