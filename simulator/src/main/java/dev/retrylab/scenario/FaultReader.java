package dev.retrylab.scenario;

import dev.retrylab.engine.random.DurationDistribution;
import dev.retrylab.fault.Fault;
import dev.retrylab.time.DurationText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the {@code faults} list of a scenario file. Each entry names its {@code type}, the
 * {@code service} (and optionally the {@code replica}), its window {@code start}..{@code end}, and
 * the settings of its type:
 *
 * <pre>
 * outage           mode: refuse | hang | error (default refuse)
 * brownout         probability (required), kind (default unavailable)
 * latency-spike    multiplier (default 1), added: a distribution (none by default); one is needed
 * rate-limit       rate such as 100/s (required), retryAfter (default 1s), perClient (default false:
 *                  one limit for the service; true: the rate for each client, as a quota per key)
 * capacity-loss    fraction above 0% and below 100% (required)
 * partial-failure  clients: the fraction of clients that always fail (required), kind (default unavailable)
 * </pre>
 *
 * Rules, beyond each value's own range: the service must be defined and the replica must exist;
 * the window must lie inside the run ({@code end} at most the duration, after {@code start}); and
 * every fault starts at least one metric interval into the run, so that recovery is measured
 * against a baseline of healthy intervals. Not thread-safe.
 */
final class FaultReader {

    static final List<String> COMMON_KEYS = List.of("type", "service", "replica", "start", "end");
    static final Map<String, List<String>> TYPE_KEYS = new LinkedHashMap<>();
    static final Set<String> OUTAGE_MODES = SpecReader.choices("refuse", "hang", "error");

    static {
        TYPE_KEYS.put("outage", List.of("mode"));
        TYPE_KEYS.put("brownout", List.of("probability", "kind"));
        TYPE_KEYS.put("latency-spike", List.of("multiplier", "added"));
        TYPE_KEYS.put("rate-limit", List.of("rate", "retryAfter", "perClient"));
        TYPE_KEYS.put("capacity-loss", List.of("fraction"));
        TYPE_KEYS.put("partial-failure", List.of("clients", "kind"));
    }

    private static final Map<String, List<String>> TYPE_REQUIRED = Map.of(
            "outage", List.of(), "brownout", List.of("probability"), "latency-spike", List.of(),
            "rate-limit", List.of("rate"), "capacity-loss", List.of("fraction"), "partial-failure", List.of("clients"));
    private static final Set<String> TYPES = new LinkedHashSet<>(TYPE_KEYS.keySet());

    private static final String NEEDS_SPIKE = "a latency spike needs a multiplier above 1 (multiplier: 3) or an "
            + "added delay (added: {exponential: 50ms}), or both";

    private final SpecReader reader;
    private final DistributionReader distributions;

    FaultReader(SpecReader reader, DistributionReader distributions) {
        this.reader = reader;
        this.distributions = distributions;
    }

    /**
     * The faults at {@code node} (null or empty: none). References are checked against
     * {@code replicas} (service name to replica count) unless it is null; the window against
     * {@code duration} and {@code interval} unless they are null.
     */
    List<Fault> read(SourceNode node, Map<String, Integer> replicas, Duration duration, Duration interval) {
        List<Fault> faults = new ArrayList<>();
        if (node == null || node.kind() == SourceNode.Kind.NULL) {
            return faults;
        }
        for (SourceNode item : reader.list(node)) {
            Fault fault = fault(item, replicas, duration, interval);
            if (fault != null) {
                faults.add(fault);
            }
        }
        return faults;
    }

    private Fault fault(SourceNode item, Map<String, Integer> replicas, Duration duration, Duration interval) {
        SourceNode typeNode = item.mapping().get("type");
        String type = typeNode == null ? null : reader.choice(typeNode, TYPES, null);
        List<String> allowed = new ArrayList<>(COMMON_KEYS);
        List<String> required = new ArrayList<>(List.of("type", "service", "start", "end"));
        if (type == null) {
            TYPE_KEYS.values().forEach(allowed::addAll);
        } else {
            allowed.addAll(TYPE_KEYS.get(type));
            required.addAll(TYPE_REQUIRED.get(type));
        }
        Map<String, SourceNode> keys = reader.mapping(item, allowed, required);
        String service = reader.string(keys.get("service"), null);
        int replica = replica(keys.get("replica"), service, replicas);
        if (service != null && replicas != null && !replicas.containsKey(service)) {
            reader.error(keys.get("service"), "names service '" + service + "', which is not defined"
                    + SpecReader.suggestion(service, replicas.keySet()) + "; defined services: "
                    + String.join(", ", replicas.keySet()));
            service = null;
        }
        long[] window = window(keys, duration, interval);
        if (type == null || service == null || window == null) {
            settings(type, keys);
            return null;
        }
        try {
            return switch (type) {
                case "outage" -> new Fault.Outage(service, replica, window[0], window[1],
                        Fault.OutageMode.valueOf(reader.choice(keys.get("mode"), OUTAGE_MODES, "refuse")
                                .toUpperCase(Locale.ROOT)));
                case "brownout" -> new Fault.Brownout(service, replica, window[0], window[1],
                        reader.number(keys.get("probability"), 0.0, 0.0, 1.0), kind(keys.get("kind")));
                case "latency-spike" -> latencySpike(keys, service, replica, window);
                case "rate-limit" -> rateLimit(keys, service, replica, window);
                case "capacity-loss" -> capacityLoss(keys, service, replica, window);
                default -> new Fault.PartialFailure(service, replica, window[0], window[1],
                        reader.number(keys.get("clients"), 0.0, 0.0, 1.0), kind(keys.get("kind")));
            };
        } catch (IllegalArgumentException e) {
            reader.error(item, e.getMessage());
            return null;
        }
    }

    /** Reads a fault's own settings only to report their mistakes, when the fault cannot be built. */
    private void settings(String type, Map<String, SourceNode> keys) {
        if (type == null) {
            return;
        }
        switch (type) {
            case "outage" -> reader.choice(keys.get("mode"), OUTAGE_MODES, "refuse");
            case "brownout" -> {
                reader.number(keys.get("probability"), 0.0, 0.0, 1.0);
                kind(keys.get("kind"));
            }
            case "latency-spike" -> {
                double multiplier = reader.number(keys.get("multiplier"), 1.0, 1.0, 1_000.0);
                if (keys.containsKey("added")) {
                    distributions.read(keys.get("added"));
                } else if (multiplier == 1.0 && !keys.containsKey("multiplier")) {
                    reader.error(keys.get("type"), NEEDS_SPIKE);
                }
            }
            case "rate-limit" -> {
                reader.ratePerSecond(keys.get("rate"), 1.0);
                reader.duration(keys.get("retryAfter"), Duration.ZERO, Duration.ZERO);
                reader.bool(keys.get("perClient"), false);
            }
            case "capacity-loss" -> reader.number(keys.get("fraction"), 0.5, 0.0, 1.0);
            default -> {
                reader.number(keys.get("clients"), 0.0, 0.0, 1.0);
                kind(keys.get("kind"));
            }
        }
    }

    private Fault latencySpike(Map<String, SourceNode> keys, String service, int replica, long[] window) {
        double multiplier = reader.number(keys.get("multiplier"), 1.0, 1.0, 1_000.0);
        DurationDistribution added = keys.containsKey("added") ? distributions.read(keys.get("added")) : null;
        if (keys.containsKey("added") && added == null) {
            return null;
        }
        if (multiplier == 1.0 && added == null) {
            reader.error(keys.get("type"), NEEDS_SPIKE);
            return null;
        }
        return new Fault.LatencySpike(service, replica, window[0], window[1], multiplier, added);
    }

    private Fault rateLimit(Map<String, SourceNode> keys, String service, int replica, long[] window) {
        double rate = reader.ratePerSecond(keys.get("rate"), Double.NaN);
        Duration retryAfter = reader.duration(keys.get("retryAfter"), Duration.ofSeconds(1), Duration.ZERO);
        boolean perClient = reader.bool(keys.get("perClient"), false);
        if (Double.isNaN(rate)) {
            return null;
        }
        if (!(rate > 0.0) || Double.isInfinite(rate)) {
            reader.error(keys.get("rate"), "must be more than 0/s, found " + keys.get("rate").scalar());
            return null;
        }
        return new Fault.RateLimit(service, replica, window[0], window[1], rate, retryAfter.toNanos(), perClient);
    }

    private Fault capacityLoss(Map<String, SourceNode> keys, String service, int replica, long[] window) {
        double fraction = reader.number(keys.get("fraction"), Double.NaN, 0.0, 1.0);
        if (Double.isNaN(fraction)) {
            return null;
        }
        if (fraction == 0.0 || fraction == 1.0) {
            reader.error(keys.get("fraction"), "must be above 0% and below 100% (for all of it, use an outage), found "
                    + keys.get("fraction").scalar());
            return null;
        }
        return new Fault.CapacityLoss(service, replica, window[0], window[1], fraction);
    }

    private dev.retrylab.strategy.FailureKind kind(SourceNode node) {
        return FailureKinds.of(reader.choice(node, FailureKinds.NAMES, "unavailable"));
    }

    private int replica(SourceNode node, String service, Map<String, Integer> replicas) {
        if (node == null) {
            return Fault.ALL_REPLICAS;
        }
        Integer count = service == null || replicas == null ? null : replicas.get(service);
        long max = count == null ? Integer.MAX_VALUE - 1L : count - 1L;
        String text = reader.string(node, null);
        if (text == null) {
            return Fault.ALL_REPLICAS;
        }
        long replica;
        try {
            replica = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            replica = -1;
        }
        if (replica < 0 || replica > max) {
            reader.error(node, "must be a replica index from 0 to " + max
                    + (count == null ? "" : " (service " + service + " has " + count + " replica"
                    + (count == 1 ? "" : "s") + ")") + ", found '" + text + "'; leave it out for all replicas");
            return Fault.ALL_REPLICAS;
        }
        return (int) replica;
    }

    /** {start, end} in nanoseconds, or null when either is missing or wrong (reported). */
    private long[] window(Map<String, SourceNode> keys, Duration duration, Duration interval) {
        Duration start = reader.duration(keys.get("start"), null, Duration.ZERO);
        Duration end = reader.duration(keys.get("end"), null, Duration.ZERO);
        boolean valid = start != null && end != null;
        if (start != null && interval != null && start.compareTo(interval) < 0) {
            reader.error(keys.get("start"), "must be at least one interval (" + DurationText.format(interval)
                    + ") into the run, found " + keys.get("start").scalar()
                    + ": recovery is measured against the intervals before the first fault");
            valid = false;
        }
        if (start != null && end != null && end.compareTo(start) <= 0) {
            reader.error(keys.get("end"), "must be after the start " + keys.get("start").scalar() + ", found "
                    + keys.get("end").scalar());
            valid = false;
        } else if (end != null && duration != null && end.compareTo(duration) > 0) {
            reader.error(keys.get("end"), "is after the run ends (duration " + DurationText.format(duration)
                    + "), found " + keys.get("end").scalar() + ": a fault must end within the run");
            valid = false;
        }
        return valid ? new long[] {start.toNanos(), end.toNanos()} : null;
    }
}
