package dev.retrylab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListCommandTest {

    private static final String VALID = String.join("\n",
            "description: |",
            "  Two lines of a first",
            "  sentence. And a second one.",
            "duration: 10s",
            "services:",
            "  api: {workers: 4, serviceTime: 10ms}",
            "clients:",
            "  users: {count: 10, target: api, workload: {open: 100/s}, timeout: 1s}",
            "strategies:",
            "  default: {}",
            "");

    @TempDir
    Path dir;

    /** The repository's scenarios folder, from the test's working directory up. */
    private static Path bundled() {
        for (Path at = Path.of("").toAbsolutePath(); at != null; at = at.getParent()) {
            if (Files.isRegularFile(at.resolve("scenarios/reference.yaml"))) {
                return at.resolve("scenarios");
            }
        }
        throw new IllegalStateException("no scenarios folder above " + Path.of("").toAbsolutePath());
    }

    @Test
    void list_bundledScenarios_showsOneLinePerFileWithItsFirstSentence() throws IOException {
        Path folder = bundled();
        List<String> files;
        try (Stream<Path> entries = Files.list(folder)) {
            files = entries.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList();
        }

        CommandRun run = CommandRun.of("list", "--dir", folder.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSameSizeAs(files);
        for (int i = 0; i < files.size(); i++) {
            assertThat(lines.get(i)).startsWith(files.get(i).replace(".yaml", "") + " ")
                    .doesNotContain("does not load");
        }
        // the opening of retry-storm.yaml's description
        assertThat(lines).anySatisfy(line -> assertThat(line).matches(
                "retry-storm +A short stall that retries turn into lasting overload \\(a metastable failure\\)\\."));
    }

    @Test
    void list_aFileThatDoesNotLoad_isShownWithItsFirstError() throws IOException {
        Files.writeString(dir.resolve("good.yaml"), VALID);
        Files.writeString(dir.resolve("broken.yaml"), VALID.replace("duration: 10s", "duration: 10 parsecs")
                .replace("timeout: 1s", "timeout: 1 fortnight"));

        CommandRun run = CommandRun.of("list", "--dir", dir.toString());

        assertThat(run.exitCode()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0))
                .startsWith("broken  does not load: " + dir.resolve("broken.yaml") + ":4:11: duration: ")
                .contains("parsecs").endsWith(" (and 1 more)");
        assertThat(lines.get(1)).isEqualTo("good    Two lines of a first sentence.");
    }

    @Test
    void list_missingFolder_isABadInput() {
        CommandRun run = CommandRun.of("list", "--dir", dir.resolve("nope").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no scenarios folder at").doesNotContain("\tat ");
    }

    @Test
    void firstSentence_variousDescriptions_stopsAtTheFirstFullStop() {
        assertThat(ListCommand.firstSentence("One. Two.")).isEqualTo("One.");
        assertThat(ListCommand.firstSentence("Only one.")).isEqualTo("Only one.");
        assertThat(ListCommand.firstSentence("no full stop here\nsecond line")).isEqualTo("no full stop here");
        assertThat(ListCommand.firstSentence("  ")).isEqualTo("(no description)");
    }
}
