package dev.retrylab.scenario;

import dev.retrylab.model.ClientStrategy;
import dev.retrylab.model.DownstreamCall;
import dev.retrylab.model.SimulatedSystem;
import dev.retrylab.model.StrategyFactory;
import dev.retrylab.strategy.retry.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the downstream calls of the services: a service's {@code calls} names the service it
 * calls before it answers, the per-attempt {@code timeout} of that call, and the caller's own
 * retry strategy for it ({@code retry}, the keys of a strategy but {@code scope}; default
 * {@code {}}, the library's defaults).
 *
 * <pre>
 * services:
 *   api:
 *     calls: {service: db, timeout: 100ms, retry: {maxAttempts: 3, backoff: none}}
 * </pre>
 *
 * Rules: a service makes at most one call (a single mapping, not a list); the callee is a defined
 * service other than the caller; and calls never loop back ({@link SimulatedSystem#requireNoCycle}):
 * the call that closes a cycle, in file order, is reported. Not thread-safe.
 */
final class CallReader {

    static final List<String> KEYS = List.of("service", "timeout", "retry");

    /** Stands in for a strategy with mistakes, so that the call still takes part in the cycle check. */
    private static final StrategyFactory PLACEHOLDER = clock -> ClientStrategy.of("placeholder",
            RetryPolicy.defaults());

    private final SpecReader reader;
    private final StrategyReader strategies;

    CallReader(SpecReader reader, StrategyReader strategies) {
        this.reader = reader;
        this.strategies = strategies;
    }

    /**
     * The calls of the services at {@code services} (the {@code services} mapping of the file),
     * in file order; {@code defined} holds every service name. Calls with mistakes are reported
     * and left out.
     */
    List<DownstreamCall> read(SourceNode services, Set<String> defined) {
        List<DownstreamCall> calls = new ArrayList<>();
        if (services.kind() != SourceNode.Kind.MAPPING) {
            return calls;
        }
        List<DownstreamCall> acyclic = new ArrayList<>();
        for (Map.Entry<String, SourceNode> entry : services.mapping().entrySet()) {
            SourceNode node = entry.getValue().mapping().get("calls");
            if (node != null) {
                call(entry.getKey(), node, defined, calls, acyclic);
            }
        }
        return calls;
    }

    private void call(String caller, SourceNode node, Set<String> defined, List<DownstreamCall> calls,
                      List<DownstreamCall> acyclic) {
        if (node.kind() == SourceNode.Kind.SEQUENCE) {
            reader.error(node, "a service makes at most one downstream call: write one mapping such as "
                    + "{service: db, timeout: 100ms, retry: {maxAttempts: 3}}, found a list of " + node.items().size());
            return;
        }
        Map<String, SourceNode> keys = reader.mapping(node, KEYS, List.of("service", "timeout"));
        String callee = reader.string(keys.get("service"), null);
        if (callee != null && !defined.contains(callee)) {
            reader.error(keys.get("service"), "names service '" + callee + "', which is not defined"
                    + SpecReader.suggestion(callee, defined) + "; defined services: " + String.join(", ", defined));
            callee = null;
        } else if (caller.equals(callee)) {
            reader.error(keys.get("service"), "names '" + callee + "' itself: a service cannot call itself");
            callee = null;
        }
        Duration timeout = reader.duration(keys.get("timeout"), null, Duration.ofNanos(1));
        StrategyFactory strategy = strategies.call(caller + "->" + (callee == null ? "?" : callee),
                keys.get("retry"));
        if (callee == null) {
            return;
        }
        DownstreamCall checked = new DownstreamCall(caller, callee, timeout == null ? 1L : timeout.toNanos(),
                strategy == null ? PLACEHOLDER : strategy);
        List<DownstreamCall> candidate = new ArrayList<>(acyclic);
        candidate.add(checked);
        try {
            SimulatedSystem.requireNoCycle(candidate);
        } catch (IllegalArgumentException e) {
            reader.error(keys.get("service"), e.getMessage() + " (" + cycle(acyclic, caller, callee)
                    + "): remove one of these calls");
            return;
        }
        acyclic.add(checked);
        if (timeout != null && strategy != null) {
            calls.add(checked);
        }
    }

    /** The path of calls from {@code caller} through {@code callee} back to {@code caller}. */
    private static String cycle(List<DownstreamCall> acyclic, String caller, String callee) {
        Map<String, String> next = new LinkedHashMap<>();
        acyclic.forEach(call -> next.put(call.caller(), call.callee()));
        StringBuilder path = new StringBuilder(caller);
        String current = callee;
        for (int steps = 0; current != null && steps <= next.size(); steps++) {
            path.append(" -> ").append(current);
            if (current.equals(caller)) {
                break;
            }
            current = next.get(current);
        }
        return path.toString();
    }
}
