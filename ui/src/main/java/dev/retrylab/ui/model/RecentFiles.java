package dev.retrylab.ui.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The scenario files opened last, most recent first, at most {@value #MAX} of them, kept in
 * {@link Settings} so that they survive a restart.
 */
public final class RecentFiles {

    /** How many files are remembered. */
    public static final int MAX = 10;

    private static final String KEY = "recentFiles";
    private static final String SEPARATOR = "\n";

    private final Settings settings;

    public RecentFiles(Settings settings) {
        this.settings = settings;
    }

    /** The files, most recent first. */
    public List<Path> files() {
        String stored = settings.get(KEY).orElse("");
        List<Path> files = new ArrayList<>();
        for (String line : stored.split(SEPARATOR)) {
            if (!line.isBlank()) {
                files.add(Path.of(line));
            }
        }
        return files;
    }

    /** Puts {@code file} first, removing it further down and dropping the oldest beyond {@value #MAX}. */
    public void opened(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        List<Path> files = new ArrayList<>(files());
        files.remove(absolute);
        files.add(0, absolute);
        store(files.subList(0, Math.min(MAX, files.size())));
    }

    /** Forgets {@code file}, for one that could not be opened any more. */
    public void forget(Path file) {
        List<Path> files = new ArrayList<>(files());
        files.remove(file.toAbsolutePath().normalize());
        store(files);
    }

    private void store(List<Path> files) {
        settings.put(KEY, String.join(SEPARATOR, files.stream().map(Path::toString).toList()));
    }
}
