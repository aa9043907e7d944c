package dev.retrylab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UiCommandTest {

    @TempDir
    Path folder;

    @Test
    void ui_missingFile_oneLineAndBadInputWithoutOpeningAWindow() {
        Path missing = folder.resolve("nope.yaml");

        CommandRun run = CommandRun.of("ui", missing.toString());

        assertThat(run.exitCode()).isEqualTo(RetrylabCommand.BAD_INPUT);
        assertThat(run.err()).isEqualTo("retrylab ui: " + missing + ": no such file; give a scenario file, "
                + "for example scenarios/retry-storm.yaml" + System.lineSeparator());
    }

    @Test
    void ui_twoFiles_usageErrorAndBadInput() {
        CommandRun run = CommandRun.of("ui", "a.yaml", "b.yaml");

        assertThat(run.exitCode()).isEqualTo(RetrylabCommand.BAD_INPUT);
        assertThat(run.err()).startsWith("retrylab ui: ").contains("b.yaml").endsWith("(see 'retrylab ui --help')"
                + System.lineSeparator());
    }

    @Test
    void help_listsTheUiCommand() {
        assertThat(CommandRun.of("--help").out()).contains("ui").contains("Opens the workbench");
    }
}
