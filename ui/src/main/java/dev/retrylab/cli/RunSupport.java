package dev.retrylab.cli;

import dev.retrylab.model.RunProgress;
import dev.retrylab.model.Scenario;
import dev.retrylab.scenario.ScenarioError;
import dev.retrylab.scenario.ScenarioException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;

/** What the commands that run scenarios share: checking their options, the output folder, the progress bar. */
final class RunSupport {

    private RunSupport() {
    }

    /** The number of threads {@code --threads} asks for, or the number of cores. */
    static int threads(Integer threads) {
        int count = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (count < 1) {
            throw new IllegalArgumentException("--threads must be 1 or more, was " + count);
        }
        return count;
    }

    static void checkReplications(Integer replications) {
        if (replications != null && (replications < 1 || replications > Scenario.MAX_REPLICATIONS)) {
            throw new IllegalArgumentException("--replications must be from 1 to " + Scenario.MAX_REPLICATIONS
                    + ", was " + replications);
        }
    }

    /** The strategy {@code --baseline} names, checked against the scenario, or the first one listed. */
    static String baseline(Scenario scenario, String baseline, Path file) {
        List<String> names = new ArrayList<>(scenario.strategies().keySet());
        if (baseline == null) {
            return names.get(0);
        }
        if (!names.contains(baseline)) {
            throw new IllegalArgumentException("--baseline '" + baseline + "' is not a strategy of " + file
                    + "; the strategies are " + String.join(", ", names));
        }
        return baseline;
    }

    /** Prints each mistake once, in order, and returns the exit code for bad input. */
    static int reportErrors(PrintWriter err, Iterable<ScenarioException> failures) {
        return reportErrors(err, failures, Function.identity());
    }

    /**
     * Prints the mistakes in order, each of those that {@code sameAs} maps to one text only the
     * first time, and returns the exit code for bad input.
     */
    static int reportErrors(PrintWriter err, Iterable<ScenarioException> failures, Function<String, String> sameAs) {
        Map<String, String> lines = new LinkedHashMap<>();
        for (ScenarioException failure : failures) {
            for (ScenarioError error : failure.errors()) {
                lines.putIfAbsent(sameAs.apply(error.toString()), error.toString());
            }
        }
        lines.values().forEach(err::println);
        err.flush();
        return RetrylabCommand.BAD_INPUT;
    }

    /** Creates the --out folder if missing; refuses a file, or a folder that cannot be written. */
    static void prepareOutputFolder(Path out) {
        if (out == null) {
            return;
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new IllegalArgumentException("--out " + out + " is a file; give a folder (it is created if missing)");
        }
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new IllegalArgumentException("--out " + out + ": cannot create the folder: " + e.getMessage());
        }
        if (!Files.isWritable(out)) {
            throw new IllegalArgumentException("--out " + out + ": the folder is not writable");
        }
    }

    /**
     * Calls {@code runs} with a progress bar on {@code err} when {@code show} is true (it appears
     * after a second and is cleared at the end), else with no progress.
     */
    static <T> T withProgress(boolean show, PrintWriter err, LongSupplier nanoTime, Function<RunProgress, T> runs) {
        if (!show) {
            return runs.apply(RunProgress.NONE);
        }
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "retrylab-progress");
            thread.setDaemon(true);
            return thread;
        });
        try (ProgressBar bar = new ProgressBar(err, nanoTime)) {
            timer.scheduleAtFixedRate(bar::tick, 250, 250, TimeUnit.MILLISECONDS);
            try {
                return runs.apply(bar);
            } finally {
                timer.shutdownNow();
            }
        }
    }

    /** A file write that may fail. */
    interface FileWrite {
        void write() throws IOException;
    }

    /** A file write that may fail and tells what it wrote. */
    interface FilesWrite {
        List<Path> write() throws IOException;
    }

    /**
     * Runs {@code write} and returns what it wrote; a failure becomes a bad-input message naming
     * the option and the path.
     */
    static List<Path> writeFiles(String option, Path path, FilesWrite write) {
        try {
            return write.write();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write " + option + " " + path + ": " + e.getMessage());
        }
    }

    /** Runs {@code write}; a failure becomes a bad-input message naming the option and the path. */
    static void writeFile(String option, Path path, FileWrite write) {
        try {
            write.write();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write " + option + " " + path + ": " + e.getMessage());
        }
    }
}
