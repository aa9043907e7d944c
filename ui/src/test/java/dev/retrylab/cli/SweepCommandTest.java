package dev.retrylab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code retrylab sweep}: the grid, its order, what each point runs, the files, and bad input. */
class SweepCommandTest {

    /** A 3 s stall at 70% load; {@code ATTEMPTS} is replaced to make a file with another value. */
    private static final String STORM = String.join("\n",
            "name: short-storm",
            "seed: 5",
            "duration: 15s",
            "services:",
            "  api: {workers: 10, serviceTime: {exponential: 10ms}, networkDelay: 1ms}",
            "clients:",
            "  agents: {count: 200, target: api, workload: {open: 700/s}, timeout: 200ms}",
            "faults:",
            "  - {type: outage, service: api, start: 5s, end: 8s, mode: hang}",
            "strategies:",
            "  no-retry: {maxAttempts: 1}",
            "  retries: {maxAttempts: ATTEMPTS, backoff: none}",
            "");

    @TempDir
    Path dir;

    private Path storm(String attempts) throws IOException {
        Path file = dir.resolve("storm-" + attempts + ".yaml");
        Files.writeString(file, STORM.replace("ATTEMPTS", attempts));
        return file;
    }

    private static JsonNode json(CommandRun run) throws IOException {
        assertThat(run.exitCode()).as(run.err()).isZero();
        return new ObjectMapper().readTree(run.out());
    }

    @Test
    void csv_twoParameters_hasARowPerPointAndStrategyWithTheFirstParameterSlowest() throws Exception {
        CommandRun run = CommandRun.of("sweep", storm("2").toString(), "--format", "csv",
                "--param", "strategies.retries.maxAttempts=1..3", "--param", "clients.agents.count=100,300");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).startsWith("strategies.retries.maxAttempts,clients.agents.count,strategy,replications,"
                + "requests,requests.low,requests.high,attempts,");
        List<String> points = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            points.add(cells[0] + "/" + cells[1] + "/" + cells[2]);
        }
        assertThat(points).containsExactly("1/100/no-retry", "1/100/retries", "1/300/no-retry", "1/300/retries",
                "2/100/no-retry", "2/100/retries", "2/300/no-retry", "2/300/retries",
                "3/100/no-retry", "3/100/retries", "3/300/no-retry", "3/300/retries");
    }

    @Test
    void json_eachPoint_isWhatRunGivesForTheFileWithThoseValues() throws Exception {
        JsonNode sweep = json(CommandRun.of("sweep", storm("2").toString(), "--format", "json",
                "--param", "strategies.retries.maxAttempts=1,4"));

        assertThat(sweep.get("parameters").get(0).asText()).isEqualTo("strategies.retries.maxAttempts");
        assertThat(sweep.get("points")).hasSize(2);
        for (JsonNode point : sweep.get("points")) {
            String attempts = point.get("values").get("strategies.retries.maxAttempts").asText();
            JsonNode run = json(CommandRun.of("run", storm(attempts).toString(), "--format", "json"));
            assertThat(point.get("strategies")).as("maxAttempts %s", attempts).isEqualTo(run.get("strategies"));
        }
    }

    @Test
    void json_moreImmediateAttemptsDuringAStall_sendMoreAttemptsPerRequest() throws Exception {
        JsonNode sweep = json(CommandRun.of("sweep", storm("2").toString(), "--format", "json",
                "--param", "strategies.retries.maxAttempts=1..4"));

        double previous = 0;
        for (JsonNode point : sweep.get("points")) {
            JsonNode retries = point.get("strategies").get(1);
            assertThat(point.get("values").get("strategies.retries.maxAttempts").isNumber()).isTrue();
            double amplification = retries.get("amplification").asDouble();
            assertThat(amplification).as("at %s", point.get("values")).isGreaterThan(previous);
            previous = amplification;
        }
        assertThat(sweep.get("points").get(0).get("strategies").get(1).get("amplification").asDouble())
                .as("one attempt: nothing to amplify").isEqualTo(1.0);
    }

    @Test
    void json_threadCount_changesNothing() throws Exception {
        String[] args = {"sweep", storm("2").toString(), "--format", "json", "--replications", "2",
                "--param", "strategies.retries.maxAttempts=1,3", "--param", "faults.0.end=6s,9s"};
        List<String> withOne = new ArrayList<>(List.of(args));
        withOne.addAll(List.of("--threads", "1"));
        List<String> withThree = new ArrayList<>(List.of(args));
        withThree.addAll(List.of("--threads", "3"));

        CommandRun one = CommandRun.of(withOne.toArray(String[]::new));
        CommandRun three = CommandRun.of(withThree.toArray(String[]::new));

        assertThat(one.exitCode()).as(one.err()).isZero();
        assertThat(three.out()).isEqualTo(one.out());
        JsonNode point = new ObjectMapper().readTree(one.out()).get("points").get(0);
        assertThat(point.get("replications").asInt()).isEqualTo(2);
        assertThat(point.get("strategies").get(0).get("ci95").get("successRate").isArray()).isTrue();
    }

    @Test
    void out_writesTheJsonAndCsvItPrints() throws Exception {
        Path out = dir.resolve("results/sweep");
        String[] args = {"sweep", storm("2").toString(), "--param", "strategies.retries.maxAttempts=2,3", "--out",
                out.toString()};

        CommandRun table = CommandRun.of(args);
        CommandRun csv = CommandRun.of(concat(args, "--format", "csv"));

        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out()).contains("short-storm: 2 points x 2 strategies", "maxAttempts", "retries");
        assertThat(Files.readString(out.resolve("sweep.csv"))).isEqualTo(csv.out());
        assertThat(new ObjectMapper().readTree(out.resolve("sweep.json").toFile()).get("points")).hasSize(2);
    }

    @Test
    void json_sweptSeedAndDuration_areGivenPerPointAndNotAtTheTop() throws Exception {
        JsonNode sweep = json(CommandRun.of("sweep", storm("2").toString(), "--format", "json",
                "--param", "seed=1,2", "--param", "duration=10s,15s"));
        CommandRun table = CommandRun.of("sweep", storm("2").toString(), "--param", "seed=1,2");

        assertThat(sweep.get("seed").isNull()).isTrue();
        assertThat(sweep.get("durationS").isNull()).isTrue();
        assertThat(sweep.get("points").get(3).get("seed").asLong()).isEqualTo(2);
        assertThat(sweep.get("points").get(3).get("durationS").asDouble()).isEqualTo(15.0);
        assertThat(table.out()).contains("15 s each, seeds as swept");
    }

    @Test
    void badPath_isReportedOnceLikeABadKeyAndNothingIsWritten() throws Exception {
        Path out = dir.resolve("never");

        CommandRun run = CommandRun.of("sweep", storm("2").toString(), "--out", out.toString(),
                "--param", "strategies.retries.maxAtempts=1..3");

        assertThat(run.exitCode()).isEqualTo(RetrylabCommand.BAD_INPUT);
        assertThat(run.err().lines()).singleElement().asString()
                .contains("storm-2.yaml:12:", "strategies.retries.maxAtempts", "did you mean 'maxAttempts'",
                        "(set by --param strategies.retries.maxAtempts=1)");
        assertThat(out).doesNotExist();
        assertThat(run.out()).isEmpty();
    }

    @Test
    void badValues_areReportedPerValueWithExitCodeTwo() throws Exception {
        CommandRun run = CommandRun.of("sweep", storm("2").toString(), "--param", "clients.agents.count=0,10,-1");

        assertThat(run.exitCode()).isEqualTo(RetrylabCommand.BAD_INPUT);
        assertThat(run.err().lines()).hasSize(2).allMatch(line -> line.contains("clients.agents.count"));
        assertThat(run.err()).doesNotContain("Exception");
    }

    @Test
    void malformedParameters_areBadInput() throws Exception {
        String file = storm("2").toString();
        assertThat(CommandRun.of("sweep", file).err()).contains("--param");
        assertThat(CommandRun.of("sweep", file, "--param", "seed").err()).contains("expected PATH=VALUES");
        CommandRun twice = CommandRun.of("sweep", file, "--param", "seed=1", "--param", "seed=2");
        assertThat(twice.exitCode()).isEqualTo(RetrylabCommand.BAD_INPUT);
        assertThat(twice.err()).contains("given twice");
        CommandRun pastList = CommandRun.of("sweep", file, "--param", "faults.2.end=9s,10s");
        assertThat(pastList.exitCode()).isEqualTo(RetrylabCommand.BAD_INPUT);
        assertThat(pastList.err().lines()).as("one line for both values").singleElement().asString()
                .startsWith("--param faults.2.end: faults is a list of 1 element");
    }

    private static String[] concat(String[] first, String... more) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
