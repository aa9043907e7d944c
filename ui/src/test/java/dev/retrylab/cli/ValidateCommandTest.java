package dev.retrylab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

    private static final String VALID = String.join("\n",
            "duration: 30s",
            "services:",
            "  api: {workers: 4, serviceTime: 10ms}",
            "clients:",
            "  users: {count: 10, target: api, workload: {open: 100/s}, timeout: 1s}",
            "strategies:",
            "  aws: {extends: aws-standard}",
            "  grpc: {extends: grpc-throttled, maxAttempts: 3}",
            "");

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static Path scenarios() {
        for (Path at = Path.of("").toAbsolutePath(); at != null; at = at.getParent()) {
            if (Files.isRegularFile(at.resolve("scenarios/reference.yaml"))) {
                return at.resolve("scenarios");
            }
        }
        throw new IllegalStateException("no scenarios folder above " + Path.of("").toAbsolutePath());
    }

    @Test
    void validFiles_getOneOkLineEach_andExitZero() throws IOException {
        List<String> args;
        try (Stream<Path> files = Files.list(scenarios())) {
            args = files.map(Path::toString).filter(name -> name.endsWith(".yaml")).sorted().toList();
        }
        CommandRun run = CommandRun.of(Stream.concat(Stream.of("validate"), args.stream()).toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out().lines()).hasSize(args.size()).allSatisfy(line -> assertThat(line).contains(": ok ("));
        assertThat(run.out()).contains("reference.yaml: ok (4 services, 3 client groups, 6 faults, 11 strategies)");
    }

    @Test
    void brokenFiles_reportEveryErrorOfEveryFile_andExitTwo() throws IOException {
        Path valid = write("valid.yaml", VALID);
        Path typo = write("typo.yaml", VALID.replace("workers: 4", "wokers: 4").replace("open: 100/s", "open: 100"));
        Path cycle = write("cycle.yaml", VALID.replace("  aws: {extends: aws-standard}", "  aws: {extends: grpc}")
                .replace("extends: grpc-throttled", "extends: aws"));
        CommandRun run = CommandRun.of("validate", typo.toString(), valid.toString(), cycle.toString());
        assertThat(run.exitCode()).isEqualTo(RetrylabCommand.BAD_INPUT);
        assertThat(run.out()).isEqualTo(valid + ": ok (1 service, 1 client group, 0 faults, 2 strategies)"
                + System.lineSeparator());
        assertThat(run.err().lines()).containsExactly(
                typo + ":3:3: services.api: the key 'workers' is required here",
                typo + ":3:17: services.api.wokers: unknown key 'wokers' (did you mean 'workers'?); allowed here: "
                        + "replicas, workers, queue, serviceTime, loadCost, networkDelay, cancelOnTimeout, "
                        + "loadBalancing, failureProbability, failureKind, contendedRows, calls",
                typo + ":5:52: clients.users.workload.open: '100' is not a rate: write a number per unit (/ms, /s, "
                        + "/min (or /m), /h), for example 100/s or 6000/min",
                cycle + ":8:19: strategies.grpc.extends: strategies extend each other in a cycle (aws -> grpc -> "
                        + "aws): remove one of these extends");
    }

    @Test
    void missingFile_isReportedWithoutAStackTrace() throws IOException {
        Path missing = dir.resolve("nope.yaml");
        try (Stream<Path> before = Files.list(dir)) {
            assertThat(before).isEmpty();
        }
        CommandRun run = CommandRun.of("validate", missing.toString());
        assertThat(run.exitCode()).isEqualTo(RetrylabCommand.BAD_INPUT);
        assertThat(run.err()).isEqualTo(missing + ": no such file" + System.lineSeparator());
        try (Stream<Path> after = Files.list(dir)) {
            assertThat(after).as("nothing written").isEmpty();
        }
    }

    @Test
    void noFile_isAUsageError() {
        CommandRun run = CommandRun.of("validate");
        assertThat(run.exitCode()).isEqualTo(RetrylabCommand.BAD_INPUT);
        assertThat(run.err()).contains("retrylab validate:", "FILE").doesNotContain("\tat ");
    }

    @Test
    void help_listsValidate() {
        assertThat(CommandRun.of("--help").out()).contains("validate");
    }
}
