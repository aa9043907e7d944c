package dev.retrylab.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Finds the repository's {@code scenarios} folder from the test's working directory. */
public final class BundledScenarios {

    private BundledScenarios() {
    }

    /** The {@code scenarios} folder: in the working directory or one of its parents. */
    public static Path directory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("scenarios");
            if (Files.isRegularFile(candidate.resolve("reference.yaml"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no scenarios/reference.yaml above " + Path.of("").toAbsolutePath());
    }

    public static Path file(String name) {
        return directory().resolve(name);
    }

    /** Every {@code .yaml} file of the folder, sorted by name. */
    public static List<Path> all() {
        try (Stream<Path> files = Files.list(directory())) {
            return files.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
