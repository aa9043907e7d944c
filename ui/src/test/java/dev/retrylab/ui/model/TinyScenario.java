package dev.retrylab.ui.model;

/** A small valid scenario for the workbench's tests: 5 s, one outage, three strategies. */
final class TinyScenario {

    static final String TEXT = String.join("\n",
            "name: tiny",
            "seed: 7",
            "duration: 5s",
            "replications: 2",
            "services:",
            "  api:",
            "    workers: 4",
            "    serviceTime: {exponential: 10ms}",
            "clients:",
            "  agents:",
            "    count: 50",
            "    target: api",
            "    workload: {open: 200/s}",
            "    timeout: 200ms",
            "faults:",
            "  - {type: outage, service: api, start: 2s, end: 3s}",
            "strategies:",
            "  no-retry: {maxAttempts: 1}",
            "  immediate: {maxAttempts: 4, backoff: none}",
            "  jittered: {maxAttempts: 4, backoff: {type: exponential, base: 50ms, jitter: full}}",
            "");

    private TinyScenario() {
    }
}
