package dev.retrylab.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.retrylab.metrics.Estimate;
import dev.retrylab.metrics.PairedComparison;
import dev.retrylab.metrics.RecoveryResult;
import dev.retrylab.metrics.ReplicatedSummary;
import dev.retrylab.metrics.RunSummary;
import dev.retrylab.metrics.SummaryMetric;
import dev.retrylab.model.Scenario;
import dev.retrylab.model.ScenarioResult;
import java.util.List;
import java.util.Map;

/**
 * The JSON summary of a run, with the field names other tools read (they are a contract: keep
 * them). Every number is the mean over the replications; with one replication that is the run's
 * own number. Beside them: {@code replications} and {@code baseline} at the top, and per strategy
 * {@code ci95} (the 95% interval of each {@link SummaryMetric} and of {@code completionTimeS}) and
 * {@code vsBaseline} (the paired comparison on the headline metrics). Rules for what may be
 * missing: an interval is null with one replication; {@code completionTimeS} and a recovery's
 * {@code recoveredAfterS} are null unless every replication has one, and {@code
 * completedReplications} and {@code recoveredReplications} say in how many it did; a verdict is
 * null with one replication. Numbers are rounded to three decimals, whole numbers written without
 * a fraction, so the same run always gives the same bytes.
 */
final class SummaryJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SummaryJson() {
    }

    static String write(ScenarioResult result, String baseline) {
        Scenario scenario = result.scenario();
        ObjectNode root = NODES.objectNode();
        root.put("scenario", scenario.name());
        root.put("seed", scenario.seed());
        root.put("durationS", scenario.durationNanos() / 1e9);
        root.put("replications", result.replications());
        root.put("baseline", baseline);
        root.set("strategies", strategies(result, baseline));
        try {
            return new ObjectMapper().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The strategy objects of a run's JSON, each compared with {@code baseline}. */
    static ArrayNode strategies(ScenarioResult result, String baseline) {
        ArrayNode strategies = NODES.arrayNode();
        Map<String, List<PairedComparison>> comparisons = result.versus(baseline);
        for (ReplicatedSummary summary : result.strategies()) {
            strategies.add(strategy(summary, comparisons.get(summary.name())));
        }
        return strategies;
    }

    private static ObjectNode strategy(ReplicatedSummary s, List<PairedComparison> comparison) {
        ObjectNode node = NODES.objectNode();
        node.put("name", s.name());
        node.set("requests", mean(s, SummaryMetric.REQUESTS));
        node.set("attempts", mean(s, SummaryMetric.ATTEMPTS));
        node.set("amplification", mean(s, SummaryMetric.AMPLIFICATION));
        node.set("successes", mean(s, SummaryMetric.SUCCESSES));
        node.set("successRate", mean(s, SummaryMetric.SUCCESS_RATE));
        node.set("goodputPerS", mean(s, SummaryMetric.GOODPUT_PER_S));
        ObjectNode latencyNode = node.putObject("latencyMs");
        latencyNode.set("mean", mean(s, SummaryMetric.LATENCY_MEAN));
        latencyNode.set("p50", mean(s, SummaryMetric.LATENCY_P50));
        latencyNode.set("p90", mean(s, SummaryMetric.LATENCY_P90));
        latencyNode.set("p99", mean(s, SummaryMetric.LATENCY_P99));
        latencyNode.set("p999", mean(s, SummaryMetric.LATENCY_P999));
        node.set("completionTimeS", numberOrNull(s.meanOrNull(RunSummary::completionTimeS)));
        node.put("completedReplications", s.count(run -> run.completionTimeS() != null));
        ObjectNode failures = node.putObject("failures");
        failures.set("timeout", number(s.mean(run -> run.failures().timeout())));
        failures.set("error", number(s.mean(run -> run.failures().error())));
        failures.set("rateLimited", number(s.mean(run -> run.failures().rateLimited())));
        failures.set("rejected", number(s.mean(run -> run.failures().rejected())));
        failures.set("circuitOpen", number(s.mean(run -> run.failures().circuitOpen())));
        failures.set("budgetExhausted", number(s.mean(run -> run.failures().budgetExhausted())));
        failures.set("conflict", number(s.mean(run -> run.failures().conflict())));
        if (s.first().fallbacks() != null) {
            node.set("fallbacks", number(s.mean(RunSummary::fallbacks)));
        }
        ObjectNode services = node.putObject("services");
        for (String name : s.first().services().keySet()) {
            ObjectNode serviceNode = services.putObject(name);
            serviceNode.set("attempts", number(s.mean(run -> run.services().get(name).attempts())));
            serviceNode.set("served", number(s.mean(run -> run.services().get(name).served())));
            serviceNode.set("rejected", number(s.mean(run -> run.services().get(name).rejected())));
            serviceNode.set("wastedWorkS", number(s.mean(run -> run.services().get(name).wastedWorkS())));
            serviceNode.set("utilization", number(s.mean(run -> run.services().get(name).utilization())));
        }
        ArrayNode recovery = node.putArray("recovery");
        for (int i = 0; i < s.first().recovery().size(); i++) {
            int fault = i;
            RecoveryResult first = s.first().recovery().get(fault);
            ObjectNode entry = recovery.addObject();
            entry.put("fault", first.fault());
            entry.set("endS", number(first.endS()));
            entry.set("recoveredAfterS",
                    numberOrNull(s.meanOrNull(run -> run.recovery().get(fault).recoveredAfterS())));
            entry.put("recoveredReplications", s.count(run -> run.recovery().get(fault).recovered()));
        }
        ObjectNode ci95 = node.putObject("ci95");
        for (SummaryMetric metric : SummaryMetric.values()) {
            ci95.set(metric.key(), interval(s.estimate(metric)));
        }
        ci95.set("completionTimeS", interval(s.estimateOrNull(RunSummary::completionTimeS)));
        node.set("vsBaseline", comparison == null ? NODES.nullNode() : versus(comparison));
        return node;
    }

    private static ObjectNode versus(List<PairedComparison> comparisons) {
        ObjectNode node = NODES.objectNode();
        for (PairedComparison comparison : comparisons) {
            ObjectNode entry = node.putObject(comparison.metric().key());
            entry.set("difference", number(comparison.difference().mean()));
            entry.set("ci95", interval(comparison.difference()));
            entry.set("verdict", comparison.verdict() == null ? NODES.nullNode()
                    : NODES.textNode(comparison.verdict().label()));
        }
        return node;
    }

    /** {@code [low, high]}, or null when there is no interval. */
    private static JsonNode interval(Estimate estimate) {
        if (estimate == null || !estimate.hasInterval()) {
            return NODES.nullNode();
        }
        ArrayNode pair = NODES.arrayNode();
        pair.add(number(estimate.low()));
        pair.add(number(estimate.high()));
        return pair;
    }

    private static JsonNode mean(ReplicatedSummary s, SummaryMetric metric) {
        return number(s.mean(metric::of));
    }

    private static JsonNode numberOrNull(Double value) {
        return value == null ? NODES.nullNode() : number(value);
    }

    private static JsonNode number(double value) {
        return JsonNumbers.rounded(value);
    }
}
