package dev.retrylab.chart;

import dev.retrylab.model.ReplicationRunner;
import dev.retrylab.model.RunProgress;
import dev.retrylab.model.ScenarioResult;
import dev.retrylab.scenario.ScenarioException;
import dev.retrylab.scenario.ScenarioLoader;
import java.util.List;

/**
 * A small retry storm for chart tests: 30 s, two faults, three strategies, two replications (so
 * the comparison has intervals). Runs in well under a second.
 */
final class SmallStorm {

    static final String TEXT = String.join("\n",
            "name: small-storm",
            "seed: 5",
            "duration: 30s",
            "replications: 2",
            "services:",
            "  api:",
            "    workers: 10",
            "    serviceTime: {exponential: 10ms}",
            "    networkDelay: 1ms",
            "clients:",
            "  agents:",
            "    count: 200",
            "    target: api",
            "    workload: {open: 700/s}",
            "    timeout: 200ms",
            "faults:",
            "  - {type: outage, service: api, start: 10s, end: 13s, mode: hang}",
            "  - {type: brownout, service: api, start: 20s, end: 22s, probability: 50%}",
            "strategies:",
            "  no-retry: {maxAttempts: 1}",
            "  immediate: {maxAttempts: 5, backoff: none}",
            "  jittered: {maxAttempts: 5, backoff: {type: exponential, base: 50ms, jitter: full}}",
            "");

    static final List<String> STRATEGIES = List.of("no-retry", "immediate", "jittered");

    private static ScenarioResult result;

    private SmallStorm() {
    }

    /** The result, run once and shared (it is immutable once run; charts are built afresh from it). */
    static synchronized ScenarioResult result() {
        if (result == null) {
            result = run();
        }
        return result;
    }

    /** A fresh run of the scenario. */
    static ScenarioResult run() {
        try {
            return ReplicationRunner.run(ScenarioLoader.parse("small-storm.yaml", TEXT), 2, RunProgress.NONE);
        } catch (ScenarioException e) {
            throw new IllegalStateException(e);
        }
    }
}
