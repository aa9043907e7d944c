package dev.retrylab.cli;

import dev.retrylab.ui.WorkbenchMain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code retrylab ui [FILE]}: opens the workbench window, with FILE in its editor. A file that does
 * not exist is refused here; one with mistakes opens, its errors marked in the editor.
 */
@Command(name = "ui",
        mixinStandardHelpOptions = true,
        description = {"Opens the workbench: edit a scenario with its errors marked as you type, run it, "
                + "see its charts, summary table and sweeps, and export charts and the report.",
                "Needs a display. Example: retrylab ui scenarios/retry-storm.yaml"})
final class UiCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", arity = "0..1", description = "A scenario file to open.")
    Path file;

    @Override
    public Integer call() {
        if (file != null && !Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no such file; give a scenario file, for example "
                    + "scenarios/retry-storm.yaml");
        }
        try {
            WorkbenchMain.main(file == null ? new String[0] : new String[] {file.toString()});
        } catch (UnsupportedOperationException | IllegalStateException e) {
            throw new IllegalArgumentException("cannot open a window (" + e.getMessage()
                    + "); set DISPLAY, or run under xvfb-run");
        }
        return 0;
    }
}
