package dev.retrylab.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.retrylab.metrics.FailureCounts;
import dev.retrylab.metrics.LatencyStats;
import dev.retrylab.metrics.RecoveryResult;
import dev.retrylab.metrics.RunSummary;
import dev.retrylab.metrics.ServiceSummary;
import dev.retrylab.model.Scenario;
import java.util.List;
import java.util.Map;

/**
 * The JSON summary of a run, with the field names other tools read (they are a contract: keep
 * them). Numbers are rounded to three decimals, whole numbers written without a fraction, so the
 * same run always gives the same bytes.
 */
final class SummaryJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SummaryJson() {
    }

    static String write(Scenario scenario, List<RunSummary> summaries) {
        ObjectNode root = NODES.objectNode();
        root.put("scenario", scenario.name());
        root.put("seed", scenario.seed());
        root.put("durationS", scenario.durationNanos() / 1e9);
        ArrayNode strategies = root.putArray("strategies");
        for (RunSummary summary : summaries) {
            strategies.add(strategy(summary));
        }
        try {
            return new ObjectMapper().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode strategy(RunSummary s) {
        ObjectNode node = NODES.objectNode();
        node.put("name", s.name());
        node.put("requests", s.requests());
        node.put("attempts", s.attempts());
        node.set("amplification", number(s.amplification()));
        node.put("successes", s.successes());
        node.set("successRate", number(s.successRate()));
        node.set("goodputPerS", number(s.goodputPerS()));
        LatencyStats latency = s.latencyMs();
        ObjectNode latencyNode = node.putObject("latencyMs");
        latencyNode.set("mean", number(latency.mean()));
        latencyNode.set("p50", number(latency.p50()));
        latencyNode.set("p90", number(latency.p90()));
        latencyNode.set("p99", number(latency.p99()));
        latencyNode.set("p999", number(latency.p999()));
        node.set("completionTimeS", s.completionTimeS() == null ? NODES.nullNode() : number(s.completionTimeS()));
        FailureCounts f = s.failures();
        ObjectNode failures = node.putObject("failures");
        failures.put("timeout", f.timeout());
        failures.put("error", f.error());
        failures.put("rateLimited", f.rateLimited());
        failures.put("rejected", f.rejected());
        failures.put("circuitOpen", f.circuitOpen());
        failures.put("budgetExhausted", f.budgetExhausted());
        failures.put("conflict", f.conflict());
        if (s.fallbacks() != null) {
            node.put("fallbacks", s.fallbacks());
        }
        ObjectNode services = node.putObject("services");
        for (Map.Entry<String, ServiceSummary> entry : s.services().entrySet()) {
            ServiceSummary service = entry.getValue();
            ObjectNode serviceNode = services.putObject(entry.getKey());
            serviceNode.put("attempts", service.attempts());
            serviceNode.put("served", service.served());
            serviceNode.put("rejected", service.rejected());
            serviceNode.set("wastedWorkS", number(service.wastedWorkS()));
            serviceNode.set("utilization", number(service.utilization()));
        }
        ArrayNode recovery = node.putArray("recovery");
        for (RecoveryResult result : s.recovery()) {
            ObjectNode entry = recovery.addObject();
            entry.put("fault", result.fault());
            entry.set("endS", number(result.endS()));
            entry.set("recoveredAfterS", result.recoveredAfterS() == null ? NODES.nullNode()
                    : number(result.recoveredAfterS()));
        }
        return node;
    }

    private static JsonNode number(double value) {
        return JsonNumbers.rounded(value);
    }
}
