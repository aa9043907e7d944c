package dev.retrylab.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.retrylab.metrics.Estimate;
import dev.retrylab.metrics.ReplicatedSummary;
import dev.retrylab.metrics.SummaryMetric;
import dev.retrylab.model.Scenario;
import dev.retrylab.model.ScenarioResult;
import dev.retrylab.report.MetricText;
import dev.retrylab.scenario.ScenarioOverride;
import dev.retrylab.sweep.SweepGrid;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The results of a sweep as JSON, CSV and a terminal table: for every point of the grid and every
 * strategy, the mean of each metric over the replications and its 95% interval. In the JSON each
 * point holds its seed, duration and replications and the same strategy objects as
 * {@code retrylab run --format json}; the top level's seed and duration are null when they vary
 * from point to point. A swept value is a number when it is written as one, else the text as given.
 */
final class SweepOutput {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final SweepGrid grid;
    private final List<ScenarioResult> results;

    SweepOutput(SweepGrid grid, List<ScenarioResult> results) {
        if (grid.points().size() != results.size()) {
            throw new IllegalArgumentException(results.size() + " results for " + grid.points().size() + " points");
        }
        this.grid = grid;
        this.results = List.copyOf(results);
    }

    String json() {
        Scenario first = results.get(0).scenario();
        ObjectNode root = NODES.objectNode();
        root.put("scenario", first.name());
        root.set("seed", sameAtEveryPoint(Scenario::seed) ? NODES.numberNode(first.seed()) : NODES.nullNode());
        root.set("durationS", sameAtEveryPoint(Scenario::durationNanos)
                ? NODES.numberNode(first.durationNanos() / 1e9) : NODES.nullNode());
        ArrayNode parameters = root.putArray("parameters");
        grid.parameters().forEach(parameter -> parameters.add(parameter.path()));
        ArrayNode points = root.putArray("points");
        for (int i = 0; i < results.size(); i++) {
            ScenarioResult result = results.get(i);
            ObjectNode point = points.addObject();
            ObjectNode values = point.putObject("values");
            for (ScenarioOverride override : grid.points().get(i)) {
                values.set(override.path(), value(override.value()));
            }
            String baseline = result.strategyNames().get(0);
            point.put("seed", result.scenario().seed());
            point.put("durationS", result.scenario().durationNanos() / 1e9);
            point.put("replications", result.replications());
            point.put("baseline", baseline);
            point.set("strategies", SummaryJson.strategies(result, baseline));
        }
        try {
            return new ObjectMapper().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * One row per point and strategy: the swept values, the strategy, the replications, then for
     * every metric its mean and the low and high ends of its 95% interval (empty with one replication).
     */
    String csv() {
        StringBuilder text = new StringBuilder();
        List<String> header = new ArrayList<>();
        grid.parameters().forEach(parameter -> header.add(parameter.path()));
        header.add("strategy");
        header.add("replications");
        for (SummaryMetric metric : SummaryMetric.values()) {
            header.add(metric.key());
            header.add(metric.key() + ".low");
            header.add(metric.key() + ".high");
        }
        text.append(String.join(",", header)).append('\n');
        for (int i = 0; i < results.size(); i++) {
            for (ReplicatedSummary strategy : results.get(i).strategies()) {
                List<String> row = new ArrayList<>();
                grid.points().get(i).forEach(override -> row.add(csvText(override.value())));
                row.add(strategy.name());
                row.add(Integer.toString(strategy.replications()));
                for (SummaryMetric metric : SummaryMetric.values()) {
                    Estimate estimate = strategy.estimate(metric);
                    row.add(csvNumber(estimate.mean()));
                    row.add(estimate.hasInterval() ? csvNumber(estimate.low()) : "");
                    row.add(estimate.hasInterval() ? csvNumber(estimate.high()) : "");
                }
                text.append(String.join(",", row)).append('\n');
            }
        }
        return text.toString();
    }

    /** The headline metrics of every point and strategy, with ± half their 95% interval. */
    void printTable(PrintWriter out) {
        Scenario first = results.get(0).scenario();
        int runs = 0;
        for (ScenarioResult result : results) {
            runs += result.strategies().size() * result.replications();
        }
        String duration = sameAtEveryPoint(Scenario::durationNanos)
                ? String.format(Locale.ROOT, "%.0f s each", first.durationNanos() / 1e9) : "durations as swept";
        String seed = sameAtEveryPoint(Scenario::seed) ? "seed " + first.seed() : "seeds as swept";
        out.printf("%s: %d points x %d strategies, %d runs in all, %s, %s%n", first.name(), results.size(),
                first.strategies().size(), runs, duration, seed);
        int parameterCount = grid.parameters().size();
        boolean[] right = new boolean[parameterCount + 1 + SummaryMetric.HEADLINE.size()];
        Arrays.fill(right, true);
        right[parameterCount] = false;
        TextTable table = new TextTable(right);
        List<String> header = new ArrayList<>();
        grid.parameters().forEach(parameter -> header.add(columnTitle(parameter.path())));
        header.add("strategy");
        SummaryMetric.HEADLINE.forEach(metric -> header.add(MetricText.title(metric)));
        table.add(header);
        for (int i = 0; i < results.size(); i++) {
            for (ReplicatedSummary strategy : results.get(i).strategies()) {
                List<String> row = new ArrayList<>();
                grid.points().get(i).forEach(override -> row.add(override.value()));
                row.add(strategy.name());
                SummaryMetric.HEADLINE.forEach(metric -> row.add(MetricText.value(strategy, metric)));
                table.add(row);
            }
        }
        table.print(out);
        out.println("(columns: " + String.join(", ", grid.paths())
                + "; values are means over the replications, ± half the 95% interval)");
    }

    /** A parameter's last key, or its whole path when another parameter ends with the same key. */
    private String columnTitle(String path) {
        String last = lastKey(path);
        long sharing = grid.parameters().stream().filter(other -> lastKey(other.path()).equals(last)).count();
        return sharing == 1 ? last : path;
    }

    private static String lastKey(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    private boolean sameAtEveryPoint(Function<Scenario, Object> setting) {
        Object first = setting.apply(results.get(0).scenario());
        return results.stream().allMatch(result -> setting.apply(result.scenario()).equals(first));
    }

    private static JsonNode value(String text) {
        try {
            return NODES.numberNode(new BigDecimal(text));
        } catch (NumberFormatException e) {
            return NODES.textNode(text);
        }
    }

    /** A number as in the JSON; empty when it is not a number. */
    private static String csvNumber(double value) {
        JsonNode node = JsonNumbers.rounded(value);
        return node.isNull() ? "" : node.asText();
    }

    /** A value as a CSV field: quoted when it holds a comma or a quote. */
    private static String csvText(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
