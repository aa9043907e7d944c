package dev.retrylab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {

    /** A small retry storm: short enough for a unit test, long enough for a stall and its aftermath. */
    private static final String STORM = String.join("\n",
            "name: small-storm",
            "seed: 3",
            "duration: 40s",
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
            "  - {type: outage, service: api, start: 15s, end: 18s, mode: hang}",
            "strategies:",
            "  no-retry: {maxAttempts: 1}",
            "  immediate: {maxAttempts: 5, backoff: none}",
            "");

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void json_hasEveryContractedField() throws Exception {
        CommandRun run = CommandRun.of("run", write("storm.yaml", STORM).toString(), "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(run.out());
        assertThat(root.get("scenario").asText()).isEqualTo("small-storm");
        assertThat(root.get("seed").asLong()).isEqualTo(3);
        assertThat(root.get("durationS").asDouble()).isEqualTo(40.0);
        assertThat(root.get("strategies")).hasSize(2);
        JsonNode immediate = root.get("strategies").get(1);
        assertThat(immediate.get("name").asText()).isEqualTo("immediate");
        List<String> fields = List.of("requests", "attempts", "amplification", "successes", "successRate",
                "goodputPerS", "latencyMs", "completionTimeS", "failures", "services", "recovery");
        for (String field : fields) {
            assertThat(immediate.has(field)).as(field).isTrue();
        }
        assertThat(immediate.get("latencyMs").fieldNames()).toIterable()
                .containsExactly("mean", "p50", "p90", "p99", "p999");
        assertThat(immediate.get("failures").fieldNames()).toIterable().containsExactly("timeout", "error",
                "rateLimited", "rejected", "circuitOpen", "budgetExhausted", "conflict");
        assertThat(immediate.get("services").get("api").fieldNames()).toIterable()
                .containsExactly("attempts", "served", "rejected", "wastedWorkS", "utilization");
        assertThat(immediate.get("recovery").get(0).get("fault").asText()).isEqualTo("outage api");
        assertThat(immediate.get("recovery").get(0).get("endS").asDouble()).isEqualTo(18.0);
        assertThat(immediate.get("completionTimeS").isNull()).isTrue();
        assertThat(root.get("replications").asInt()).isEqualTo(1);
        assertThat(root.get("baseline").asText()).as("the first strategy listed").isEqualTo("no-retry");
        assertThat(immediate.get("ci95").get("successRate").isNull()).as("one run: no interval").isTrue();
        assertThat(immediate.get("vsBaseline").get("successRate").get("verdict").isNull()).isTrue();
        assertThat(root.get("strategies").get(0).get("vsBaseline").isNull()).as("the baseline itself").isTrue();
        double amplification = immediate.get("amplification").asDouble();
        assertThat(amplification).isCloseTo(immediate.get("attempts").asDouble() / immediate.get("requests").asDouble(),
                org.assertj.core.data.Offset.offset(0.001));
    }

    @Test
    void sameScenarioAndSeed_giveByteIdenticalJsonAndCsvWhateverTheThreads() throws Exception {
        Path file = write("storm.yaml", STORM);
        Path oneThread = dir.resolve("one.csv");
        Path twoThreads = dir.resolve("two.csv");
        CommandRun first = CommandRun.of("run", file.toString(), "--format", "json", "--threads", "1",
                "--series", oneThread.toString());
        CommandRun second = CommandRun.of("run", file.toString(), "--format", "json", "--threads", "2",
                "--series", twoThreads.toString());
        assertThat(first.out()).isEqualTo(second.out());
        assertThat(Files.readAllBytes(oneThread)).isEqualTo(Files.readAllBytes(twoThreads));
        assertThat(Files.readAllLines(oneThread).get(0))
                .startsWith("strategy,t_s,requests,attempts,retries,successes,failures,goodput,inflight");
        assertThat(Files.readAllLines(oneThread)).hasSize(1 + 2 * 40);
    }

    @Test
    void table_hasOneRowPerStrategyThenTheComparisonWithTheBaseline() throws Exception {
        CommandRun run = CommandRun.of("run", write("storm.yaml", STORM).toString());
        assertThat(run.exitCode()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(2 + 2 + 1 + 3);
        assertThat(lines.get(1)).startsWith("strategy").contains("attempts/s", "recovered after");
        assertThat(lines.get(2)).startsWith("no-retry");
        assertThat(lines.get(3)).startsWith("immediate").contains("never");
        assertThat(lines.get(4)).isEmpty();
        assertThat(lines.get(5)).startsWith("against no-retry (one replication");
        assertThat(lines.get(7)).startsWith("immediate");
    }

    @Test
    void brokenScenario_printsEveryErrorWithItsPlaceAndExitsWithTwo() throws Exception {
        Path file = write("broken.yaml", STORM.replace("workers: 10", "wrokers: 10")
                .replace("timeout: 200ms", "timeout: 200 parsecs"));
        CommandRun run = CommandRun.of("run", file.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("broken.yaml:6:", "did you mean 'workers'", "broken.yaml:14:", "parsecs")
                .doesNotContain("Exception", "\tat ");
    }

    @Test
    void json_hasFallbacksAfterTheFailures_onlyWhenAStrategyFallsBack() throws Exception {
        Path plain = write("storm.yaml", STORM);
        JsonNode without = new ObjectMapper().readTree(CommandRun.of("run", plain.toString(), "--format", "json").out());
        assertThat(without.get("strategies")).allSatisfy(strategy -> assertThat(strategy.has("fallbacks")).isFalse());

        Path cached = write("cached.yaml", STORM + "  cached: {maxAttempts: 1, fallback: {cache: {ttl: 30s}}}\n");
        Path series = dir.resolve("series.csv");
        CommandRun run = CommandRun.of("run", cached.toString(), "--format", "json", "--series", series.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode strategies = new ObjectMapper().readTree(run.out()).get("strategies");
        assertThat(strategies).hasSize(3).allSatisfy(strategy -> {
            List<String> fields = new java.util.ArrayList<>();
            strategy.fieldNames().forEachRemaining(fields::add);
            assertThat(fields.indexOf("fallbacks")).isEqualTo(fields.indexOf("failures") + 1);
        });
        assertThat(strategies.get(0).get("fallbacks").asLong()).isZero();
        long failures = 0;
        for (JsonNode count : strategies.get(2).get("failures")) {
            failures += count.asLong();
        }
        assertThat(strategies.get(2).get("fallbacks").asLong()).isPositive().isLessThanOrEqualTo(failures);
        // the columns added later follow it: wasted work and latency percentiles
        assertThat(Files.readAllLines(series).get(0)).contains(",api.rejections,fallbacks,api.wasted_ns,");
    }

    @Test
    void badTargets_printTheirPlaceAndExitWithTwo_writingNothing() throws Exception {
        Path file = write("targets.yaml", STORM.replace("    target: api", "    targets: {api: 90%}"));
        Path series = dir.resolve("series.csv");
        CommandRun run = CommandRun.of("run", file.toString(), "--series", series.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).singleElement().asString().endsWith(
                "targets.yaml:12:5: clients.agents.targets: the shares add up to 90%; they must add up to 100%");
        assertThat(series).doesNotExist();
    }

    @Test
    void missingFile_isAClearErrorWithExitTwo() {
        CommandRun run = CommandRun.of("run", dir.resolve("nope.yaml").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("nope.yaml").doesNotContain("\tat ");
    }

    @Test
    void seriesNamingAFolder_isAClearErrorWithExitTwo() throws Exception {
        CommandRun run = CommandRun.of("run", write("storm.yaml", STORM).toString(), "--series", dir.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("--series", "is a folder").doesNotContain("\tat ");
        assertThat(dir).isDirectory();
    }

    @Test
    void unwritableSeries_isAClearErrorWithExitTwo() throws Exception {
        CommandRun run = CommandRun.of("run", write("storm.yaml", STORM).toString(), "--series",
                dir.resolve("no/such/dir/out.csv").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--series").doesNotContain("\tat ");
    }
}
