package dev.retrylab.cli;

import dev.retrylab.model.Scenario;
import dev.retrylab.scenario.ScenarioError;
import dev.retrylab.scenario.ScenarioException;
import dev.retrylab.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code retrylab list}: the bundled scenarios, one line each: the name and the first sentence of
 * the description. A file that does not load is listed with its first error, never skipped.
 */
@Command(name = "list",
        mixinStandardHelpOptions = true,
        description = "Lists the bundled scenarios, one line each: name and what it shows.")
final class ListCommand implements Callable<Integer> {

    /** The system property the launcher sets to the installation's folder. */
    static final String HOME_PROPERTY = "retrylab.home";

    @Option(names = "--dir", paramLabel = "DIR",
            description = "The folder of scenario files to list (default: the installation's scenarios folder).")
    Path dir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Path folder = dir != null ? dir : defaultFolder();
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("no scenarios folder at " + folder
                    + (dir == null ? " (give one with --dir)" : ""));
        }
        List<Path> files;
        try (Stream<Path> entries = Files.list(folder)) {
            files = entries.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot list " + folder + ": " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (files.isEmpty()) {
            out.println("no scenario files (*.yaml) in " + folder);
        }
        List<String[]> lines = new ArrayList<>();
        for (Path file : files) {
            lines.add(line(file));
        }
        int width = lines.stream().mapToInt(line -> line[0].length()).max().orElse(0);
        for (String[] line : lines) {
            out.println(line[0] + " ".repeat(width - line[0].length()) + "  " + line[1]);
        }
        out.flush();
        return 0;
    }

    private static Path defaultFolder() {
        String home = System.getProperty(HOME_PROPERTY);
        return home == null ? Path.of("scenarios") : Path.of(home, "scenarios");
    }

    /** The name and the text of one file's line. */
    private static String[] line(Path file) {
        try {
            Scenario scenario = ScenarioLoader.load(file);
            return new String[] {scenario.name(), firstSentence(scenario.description())};
        } catch (ScenarioException e) {
            List<ScenarioError> errors = e.errors();
            String more = errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "";
            String name = file.getFileName().toString().replaceFirst("\\.yaml$", "");
            return new String[] {name, "does not load: " + errors.get(0) + more};
        }
    }

    /**
     * The description's first sentence, its lines joined: up to the first full stop followed by a
     * space or the end; without one, the first line.
     */
    static String firstSentence(String description) {
        String text = description.strip();
        if (text.isEmpty()) {
            return "(no description)";
        }
        String joined = text.replaceAll("\\s+", " ");
        int end = joined.indexOf(". ");
        if (end >= 0) {
            return joined.substring(0, end + 1);
        }
        return joined.endsWith(".") ? joined : text.lines().findFirst().orElse(text).strip();
    }
}
