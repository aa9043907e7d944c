package dev.retrylab.scenario;

import dev.retrylab.model.Workload;
import dev.retrylab.time.DurationText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a client group's {@code workload}: a one-key mapping naming its kind.
 *
 * <pre>
 * {open: 500/s}                                  Poisson arrivals for the whole group
 * {burst: {at: 0s, spread: 0ms}}                 each client sends one request
 * {closed: {think: 0ms, requests: 0, spread: 0ms}}   send, wait, think, send again
 * {periodic: {every: 1m, phases: aligned}}       each client every period (cron); phases aligned or spread
 * {schedule: {ramp: false, points: [{at: 0s, rate: 100/s}, {at: 60s, rate: 1000/s}]}}
 * </pre>
 *
 * Rules beyond each value's own range: a burst and every schedule point happen before the run
 * ends; schedule points are in increasing time order, with rates of 0/s or more and at least one
 * above 0/s. Not thread-safe.
 */
final class WorkloadReader {

    static final List<String> KINDS = List.of("open", "burst", "closed", "periodic", "schedule");
    static final List<String> BURST_KEYS = List.of("at", "spread");
    static final List<String> CLOSED_KEYS = List.of("think", "requests", "spread");
    static final List<String> PERIODIC_KEYS = List.of("every", "phases");
    static final Set<String> PHASES = SpecReader.choices("aligned", "spread");
    static final List<String> SCHEDULE_KEYS = List.of("ramp", "points");
    static final List<String> POINT_KEYS = List.of("at", "rate");

    private static final String EXPECTED = "a workload: {open: 100/s}, {burst: {at: 10s, spread: 0ms}}, "
            + "{closed: {think: 100ms, requests: 0, spread: 1s}}, {periodic: {every: 1m, phases: aligned}} or "
            + "{schedule: {points: [{at: 0s, rate: 100/s}, {at: 60s, rate: 1000/s}]}}";

    private final SpecReader reader;

    WorkloadReader(SpecReader reader) {
        this.reader = reader;
    }

    /** The workload at {@code node}, checked against the run's {@code duration} unless null; null when wrong. */
    Workload read(SourceNode node, Duration duration) {
        Map.Entry<String, SourceNode> variant = reader.variant(node, KINDS, EXPECTED);
        if (variant == null) {
            return null;
        }
        SourceNode value = variant.getValue();
        return switch (variant.getKey()) {
            case "open" -> open(value);
            case "burst" -> burst(value, duration);
            case "closed" -> closed(value);
            case "periodic" -> periodic(value);
            default -> schedule(value, duration);
        };
    }

    private Workload open(SourceNode value) {
        double rate = reader.ratePerSecond(value, Double.NaN);
        if (value.kind() == SourceNode.Kind.SCALAR && !Double.isNaN(rate)
                && (!(rate > 0.0) || Double.isInfinite(rate))) {
            reader.error(value, "must be more than 0/s, found " + value.scalar());
            return null;
        }
        return Double.isNaN(rate) ? null : new Workload.OpenLoop(rate);
    }

    private Workload burst(SourceNode value, Duration duration) {
        Map<String, SourceNode> keys = reader.mapping(value, BURST_KEYS, List.of());
        Duration at = reader.duration(keys.get("at"), Duration.ZERO, Duration.ZERO);
        Duration spread = reader.duration(keys.get("spread"), Duration.ZERO, Duration.ZERO);
        if (!beforeEnd(keys.get("at"), at, duration)) {
            return null;
        }
        return new Workload.Burst(at.toNanos(), spread.toNanos());
    }

    private Workload closed(SourceNode value) {
        Map<String, SourceNode> keys = reader.mapping(value, CLOSED_KEYS, List.of());
        Duration think = reader.duration(keys.get("think"), Duration.ZERO, Duration.ZERO);
        int requests = (int) reader.integer(keys.get("requests"), 0, 0, Integer.MAX_VALUE);
        Duration spread = reader.duration(keys.get("spread"), Duration.ZERO, Duration.ZERO);
        return new Workload.ClosedLoop(think.toNanos(), requests, spread.toNanos());
    }

    private Workload periodic(SourceNode value) {
        Map<String, SourceNode> keys = reader.mapping(value, PERIODIC_KEYS, List.of("every"));
        Duration every = reader.duration(keys.get("every"), null, Duration.ofNanos(1));
        String phases = reader.choice(keys.get("phases"), PHASES, "aligned");
        return every == null ? null : new Workload.Periodic(every.toNanos(), phases.equals("aligned"));
    }

    private Workload schedule(SourceNode value, Duration duration) {
        Map<String, SourceNode> keys = reader.mapping(value, SCHEDULE_KEYS, List.of("points"));
        boolean ramp = reader.bool(keys.get("ramp"), false);
        SourceNode pointsNode = keys.get("points");
        if (pointsNode == null) {
            return null;
        }
        List<SourceNode> items = reader.list(pointsNode);
        if (pointsNode.kind() == SourceNode.Kind.SEQUENCE && items.isEmpty()) {
            reader.error(pointsNode, "must list at least one point, for example [{at: 0s, rate: 100/s}]");
        }
        List<Workload.RatePoint> points = new ArrayList<>();
        boolean valid = !items.isEmpty();
        Duration previous = null;
        SourceNode previousNode = null;
        for (SourceNode item : items) {
            Map<String, SourceNode> point = reader.mapping(item, POINT_KEYS, POINT_KEYS);
            Duration at = reader.duration(point.get("at"), null, Duration.ZERO);
            double rate = reader.ratePerSecond(point.get("rate"), Double.NaN);
            if (Double.isInfinite(rate)) {
                reader.error(point.get("rate"), "must be a finite rate, found " + point.get("rate").scalar());
                rate = Double.NaN;
            }
            if (at != null && previous != null && at.compareTo(previous) <= 0) {
                reader.error(point.get("at"), "must be after the previous point's " + previousNode.scalar()
                        + ": points are listed in increasing time order");
                at = null;
            } else if (at != null && !beforeEnd(point.get("at"), at, duration)) {
                at = null;
            }
            if (at == null || Double.isNaN(rate)) {
                valid = false;
            } else {
                points.add(new Workload.RatePoint(at.toNanos(), rate));
            }
            if (at != null) {
                previous = at;
                previousNode = point.get("at");
            }
        }
        if (!valid) {
            return null;
        }
        if (points.stream().allMatch(p -> p.ratePerSecond() == 0.0)) {
            reader.error(pointsNode, "needs a rate above 0/s at some point: every rate is 0/s");
            return null;
        }
        return new Workload.RateSchedule(points, ramp);
    }

    /** True when {@code at} (read from {@code node}) is before the run ends; else reported. */
    private boolean beforeEnd(SourceNode node, Duration at, Duration duration) {
        if (duration != null && at.compareTo(duration) >= 0) {
            reader.error(node, "must be before the run ends (duration " + DurationText.format(duration) + ")");
            return false;
        }
        return true;
    }
}
