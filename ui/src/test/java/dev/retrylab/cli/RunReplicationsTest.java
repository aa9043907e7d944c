package dev.retrylab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code retrylab run} with several replications: means, intervals, verdicts and the files of --out. */
class RunReplicationsTest {

    /** A 3 s stall at 70% load: immediate retries do clearly worse than none. */
    private static final String STORM = String.join("\n",
            "name: short-storm",
            "description: |",
            "  A short stall under retries. Second sentence.",
            "seed: 5",
            "replications: 3",
            "duration: 20s",
            "services:",
            "  api: {workers: 10, serviceTime: {exponential: 10ms}, networkDelay: 1ms}",
            "clients:",
            "  agents: {count: 200, target: api, workload: {open: 700/s}, timeout: 200ms}",
            "faults:",
            "  - {type: outage, service: api, start: 8s, end: 11s, mode: hang}",
            "strategies:",
            "  no-retry: {maxAttempts: 1}",
            "  immediate: {maxAttempts: 5, backoff: none}",
            "");

    private static final List<String> VERDICTS = List.of("better", "worse", "no significant difference");

    @TempDir
    Path dir;

    private Path storm() throws IOException {
        Path file = dir.resolve("storm.yaml");
        Files.writeString(file, STORM);
        return file;
    }

    private static JsonNode json(CommandRun run) throws IOException {
        assertThat(run.exitCode()).as(run.err()).isZero();
        return new ObjectMapper().readTree(run.out());
    }

    @Test
    void json_scenarioReplications_givesMeansWithIntervalsAndVerdicts() throws Exception {
        JsonNode root = json(CommandRun.of("run", storm().toString(), "--format", "json"));

        assertThat(root.get("replications").asInt()).isEqualTo(3);
        JsonNode noRetry = root.get("strategies").get(0);
        JsonNode immediate = root.get("strategies").get(1);
        for (JsonNode strategy : List.of(noRetry, immediate)) {
            JsonNode interval = strategy.get("ci95").get("successRate");
            double mean = strategy.get("successRate").asDouble();
            assertThat(interval.get(0).asDouble()).isLessThanOrEqualTo(mean);
            assertThat(interval.get(1).asDouble()).isGreaterThanOrEqualTo(mean);
            assertThat(strategy.get("ci95").fieldNames()).toIterable().contains("requests", "amplification",
                    "goodputPerS", "latencyMs.p99", "completionTimeS");
        }
        assertThat(noRetry.get("vsBaseline").isNull()).isTrue();
        JsonNode versus = immediate.get("vsBaseline");
        assertThat(versus.fieldNames()).toIterable()
                .containsExactly("successRate", "goodputPerS", "amplification", "latencyMs.p99");
        for (JsonNode comparison : versus) {
            assertThat(VERDICTS).contains(comparison.get("verdict").asText());
            assertThat(comparison.get("ci95")).hasSize(2);
        }
        // five attempts each against a stalled service: more load, fewer successes, in every replication
        assertThat(versus.get("amplification").get("verdict").asText()).isEqualTo("worse");
        assertThat(versus.get("successRate").get("verdict").asText()).isEqualTo("worse");
        assertThat(versus.get("successRate").get("difference").asDouble()).isCloseTo(
                immediate.get("successRate").asDouble() - noRetry.get("successRate").asDouble(),
                org.assertj.core.data.Offset.offset(0.002));
    }

    @Test
    void json_moreReplicationsThanOne_differsFromTheFirstReplicationAlone() throws Exception {
        JsonNode three = json(CommandRun.of("run", storm().toString(), "--format", "json"));
        JsonNode one = json(CommandRun.of("run", storm().toString(), "--format", "json", "--replications", "1"));

        assertThat(one.get("replications").asInt()).isEqualTo(1);
        assertThat(one.get("strategies").get(0).get("requests").isIntegralNumber()).isTrue();
        double firstReplication = one.get("strategies").get(0).get("requests").asDouble();
        assertThat(three.get("strategies").get(0).get("requests").asDouble())
                .as("a mean over three Poisson counts").isNotEqualTo(firstReplication);
    }

    @Test
    void run_oneOrSeveralThreads_givesByteIdenticalOutputAndFiles() throws Exception {
        Path file = storm();
        Path first = dir.resolve("one");
        Path second = dir.resolve("two");

        CommandRun one = CommandRun.of("run", file.toString(), "--format", "json", "--threads", "1",
                "--out", first.toString());
        CommandRun two = CommandRun.of("run", file.toString(), "--format", "json", "--threads", "3",
                "--out", second.toString());

        assertThat(one.exitCode()).as(one.err()).isZero();
        assertThat(two.out()).isEqualTo(one.out());
        for (String name : List.of("summary.json", "summary.md", "series.csv")) {
            assertThat(Files.readAllBytes(second.resolve(name))).as(name)
                    .isEqualTo(Files.readAllBytes(first.resolve(name)));
        }
    }

    @Test
    void baseline_named_isWhatTheOthersAreComparedWith() throws Exception {
        JsonNode root = json(CommandRun.of("run", storm().toString(), "--format", "json", "--baseline", "immediate"));

        assertThat(root.get("baseline").asText()).isEqualTo("immediate");
        assertThat(root.get("strategies").get(1).get("vsBaseline").isNull()).isTrue();
        assertThat(root.get("strategies").get(0).get("vsBaseline").get("successRate").get("verdict").asText())
                .isEqualTo("better");
    }

    @Test
    void baseline_unknown_isABadInputListingTheStrategies() throws Exception {
        CommandRun run = CommandRun.of("run", storm().toString(), "--baseline", "imediate");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).singleElement().asString()
                .contains("--baseline 'imediate'", "no-retry, immediate").doesNotContain("Exception");
    }

    @Test
    void replications_outOfRange_isABadInput() throws Exception {
        for (String value : List.of("0", "1001", "-1")) {
            CommandRun run = CommandRun.of("run", storm().toString(), "--replications", value);

            assertThat(run.exitCode()).as(value).isEqualTo(2);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).contains("--replications must be from 1 to 1000, was " + value);
        }
    }

    @Test
    void out_missingFolder_isCreatedWithTheThreeFilesAndNothingElse() throws Exception {
        Path out = dir.resolve("reports/storm");

        CommandRun run = CommandRun.of("run", storm().toString(), "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("summary.json", "summary.md", "series.csv");
        }
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertThat(summary.get("replications").asInt()).isEqualTo(3);
        List<String> csv = Files.readAllLines(out.resolve("series.csv"));
        assertThat(csv.get(0)).startsWith("strategy,t_s,requests,attempts,retries,successes,failures,goodput,inflight");
        assertThat(csv).as("replication 0 of two strategies, 20 intervals each").hasSize(1 + 2 * 20);
        String markdown = Files.readString(out.resolve("summary.md"));
        assertThat(markdown).startsWith("# short-storm\n").contains("A short stall under retries.",
                "| strategy |", "| immediate |", "## Against no-retry", ", worse");
    }

    @Test
    void out_aFile_isABadInputAndNothingRuns() throws Exception {
        Path file = dir.resolve("taken");
        Files.writeString(file, "keep me");

        CommandRun run = CommandRun.of("run", storm().toString(), "--out", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("--out", "is a file").doesNotContain("\tat ");
        assertThat(Files.readString(file)).isEqualTo("keep me");
    }

    @Test
    void out_insideAFile_isABadInput() throws Exception {
        Path file = dir.resolve("taken");
        Files.writeString(file, "keep me");

        CommandRun run = CommandRun.of("run", storm().toString(), "--out", file.resolve("reports").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("--out", "cannot create the folder").doesNotContain("\tat ");
    }
}
