package dev.retrylab.scenario;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A value set from outside the file, such as one point of a sweep: the key path as written in
 * the file ({@code strategies.retries.retry.maxAttempts}, {@code faults.0.end}) and one single
 * value as it would be written there ({@code 5}, {@code 250ms}, {@code none}; not a list, a
 * mapping or {@code ~}). The loader applies it before reading, so the value is checked like any
 * key of the file, and a mistake in it is reported with a note naming the override.
 *
 * @param path  key names joined by dots; a number selects an element of a list
 * @param value the value, written as in the file
 */
public record ScenarioOverride(String path, String value) {

    private static final Pattern PATH = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");

    public ScenarioOverride {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(value, "value");
        if (!PATH.matcher(path).matches()) {
            throw new IllegalArgumentException("'" + path + "' is not a key path: use key names joined by dots, "
                    + "for example clients.agents.count");
        }
    }

    /** The path's key names, in order. */
    List<String> keys() {
        return List.of(path.split("\\."));
    }

    /** How a message about the value names where it came from. */
    String origin() {
        return "set by --param " + path + "=" + value;
    }

    @Override
    public String toString() {
        return path + "=" + value;
    }
}
