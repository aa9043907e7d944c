package dev.retrylab.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The headline numbers of one strategy over one run: what a report compares side by side.
 * Immutable; every field is validated, and the derived ones must match their definition.
 *
 * @param name            the strategy's name
 * @param requests        logical requests started
 * @param attempts        attempts sent (first tries, retries and hedges)
 * @param amplification   {@code attempts / requests}, or 0 when there were no requests
 * @param successes       logical requests that succeeded
 * @param successRate     {@code successes / requests}, or 0 when there were no requests
 * @param goodputPerS     successes per second of run time
 * @param latencyMs       logical-request latency (first attempt to final outcome) in milliseconds
 * @param completionTimeS seconds until the last logical request ended, or {@code null} when some
 *                        were still in flight when the run stopped
 * @param failures        failed logical requests by kind; with the successes at most the requests
 *                        (the rest were in flight)
 * @param services        per service name, in the order given (the map keeps it)
 * @param recovery        one result per fault, in the order given
 * @param fallbacks       failed logical requests answered from a client's cache (still counted
 *                        as failures), at most the failures; null when the scenario has no
 *                        fallback to count
 */
public record RunSummary(String name, long requests, long attempts, double amplification, long successes,
        double successRate, double goodputPerS, LatencyStats latencyMs, Double completionTimeS, FailureCounts failures,
        Map<String, ServiceSummary> services, List<RecoveryResult> recovery, Long fallbacks) {

    /** A summary without fallbacks to count. */
    public RunSummary(String name, long requests, long attempts, double amplification, long successes,
            double successRate, double goodputPerS, LatencyStats latencyMs, Double completionTimeS,
            FailureCounts failures, Map<String, ServiceSummary> services, List<RecoveryResult> recovery) {
        this(name, requests, attempts, amplification, successes, successRate, goodputPerS, latencyMs,
                completionTimeS, failures, services, recovery, null);
    }

    /** Validates every field and copies the collections. */
    public RunSummary {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("strategy name must not be blank");
        }
        FailureCounts.requireCount("requests", requests);
        FailureCounts.requireCount("attempts", attempts);
        FailureCounts.requireCount("successes", successes);
        Objects.requireNonNull(latencyMs, "latencyMs");
        Objects.requireNonNull(failures, "failures");
        if (successes > requests - failures.total()) {
            throw new IllegalArgumentException("successes " + successes + " + failures " + failures.total()
                    + " exceed the requests " + requests);
        }
        if (Double.compare(amplification, ratio(attempts, requests)) != 0) {
            throw new IllegalArgumentException("amplification must be attempts / requests = "
                    + ratio(attempts, requests) + ", was " + amplification);
        }
        if (Double.compare(successRate, ratio(successes, requests)) != 0) {
            throw new IllegalArgumentException("successRate must be successes / requests = "
                    + ratio(successes, requests) + ", was " + successRate);
        }
        if (!(goodputPerS >= 0) || Double.isInfinite(goodputPerS)) {
            throw new IllegalArgumentException("goodputPerS must be finite and >= 0, was " + goodputPerS);
        }
        if (completionTimeS != null && (!(completionTimeS >= 0) || completionTimeS.isInfinite())) {
            throw new IllegalArgumentException("completionTimeS must be null or finite and >= 0, was "
                    + completionTimeS);
        }
        Map<String, ServiceSummary> copy = new LinkedHashMap<>();
        for (Map.Entry<String, ServiceSummary> entry : services.entrySet()) {
            Objects.requireNonNull(entry.getKey(), "service name");
            if (entry.getKey().isBlank()) {
                throw new IllegalArgumentException("service name must not be blank");
            }
            copy.put(entry.getKey(), Objects.requireNonNull(entry.getValue(), entry.getKey()));
        }
        services = Collections.unmodifiableMap(copy);
        recovery = List.copyOf(recovery);
        if (fallbacks != null && (fallbacks < 0 || fallbacks > failures.total())) {
            throw new IllegalArgumentException("fallbacks must be 0 to the failures " + failures.total() + ", was "
                    + fallbacks);
        }
    }

    /** The same summary with {@code count} failed requests answered from a cache. */
    public RunSummary withFallbacks(long count) {
        return new RunSummary(name, requests, attempts, amplification, successes, successRate, goodputPerS,
                latencyMs, completionTimeS, failures, services, recovery, count);
    }

    /**
     * A summary whose amplification and success rate are computed from the counts.
     */
    public static RunSummary of(String name, long requests, long attempts, long successes, double goodputPerS,
            LatencyStats latencyMs, Double completionTimeS, FailureCounts failures,
            Map<String, ServiceSummary> services, List<RecoveryResult> recovery) {
        return new RunSummary(name, requests, attempts, ratio(attempts, requests), successes,
                ratio(successes, requests), goodputPerS, latencyMs, completionTimeS, failures, services, recovery);
    }

    /** {@code part / whole}, or 0 when {@code whole} is 0. */
    private static double ratio(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
