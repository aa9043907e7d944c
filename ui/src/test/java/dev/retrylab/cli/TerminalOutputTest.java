package dev.retrylab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Colour, sparklines and the progress bar of {@code retrylab run}, with the terminal decided by the test. */
class TerminalOutputTest {

    private static final String SCENARIO = String.join("\n",
            "duration: 10s",
            "services:",
            "  api: {workers: 4, serviceTime: {exponential: 10ms}}",
            "clients:",
            "  users: {count: 50, target: api, workload: {open: 200/s}, timeout: 100ms}",
            "faults:",
            "  - {type: outage, service: api, start: 3s, end: 4s, mode: refuse}",
            "strategies:",
            "  no-retry: {maxAttempts: 1}",
            "  retry: {maxAttempts: 3, backoff: none}",
            "");

    private static final String ESCAPE = "\u001B[";

    @TempDir
    Path dir;

    private String scenario() throws IOException {
        Path file = dir.resolve("small.yaml");
        Files.writeString(file, SCENARIO);
        return file.toString();
    }

    /** A clock that moves a second at every reading, so the progress bar shows at once. */
    private static LongSupplier fastClock() {
        AtomicLong now = new AtomicLong();
        return () -> now.addAndGet(1_000_000_000L);
    }

    @Test
    void table_stdoutATerminal_isColouredAndOtherwiseTheSameText() throws Exception {
        String file = scenario();
        CommandRun coloured = CommandRun.of(new Terminal(true, false), System::nanoTime, "run", file,
                "--replications", "3");
        CommandRun plain = CommandRun.of(Terminal.NONE, System::nanoTime, "run", file, "--replications", "3");

        assertThat(coloured.out()).contains(ESCAPE);
        assertThat(plain.out()).doesNotContain(ESCAPE);
        assertThat(coloured.out().replaceAll("\u001B\\[[0-9;]*m", "")).isEqualTo(plain.out());
    }

    @Test
    void table_noColorOption_hasNoEscapeCodes() throws Exception {
        CommandRun run = CommandRun.of(new Terminal(true, false), System::nanoTime, "run", scenario(), "--no-color");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).doesNotContain(ESCAPE);
    }

    @Test
    void table_everyStrategy_hasASparklineOfItsAttempts() throws Exception {
        CommandRun run = CommandRun.of("run", scenario());

        // ten 1 s intervals: ten characters; the outage (refused at once) shows as a different height
        assertThat(run.out()).containsPattern("no-retry .*  [▁▂▃▄▅▆▇█ ]{10}  ")
                .containsPattern("retry .*  [▁▂▃▄▅▆▇█ ]{10}  ");
    }

    @Test
    void progress_stderrATerminal_drawsABarAndClearsIt() throws Exception {
        CommandRun run = CommandRun.of(new Terminal(false, true), fastClock(), "run", scenario(),
                "--replications", "2", "--threads", "1");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("\r[", "/4 runs").endsWith("\r");
        assertThat(run.out()).doesNotContain("runs");
    }

    @Test
    void progress_quietOrStderrNotATerminal_drawsNothing() throws Exception {
        String file = scenario();

        CommandRun quiet = CommandRun.of(new Terminal(false, true), fastClock(), "run", file, "--quiet");
        CommandRun redirected = CommandRun.of(Terminal.NONE, fastClock(), "run", file);

        assertThat(quiet.exitCode()).isZero();
        assertThat(quiet.err()).isEmpty();
        assertThat(redirected.err()).isEmpty();
    }
}
