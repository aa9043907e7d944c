package dev.retrylab.scenario;

import dev.retrylab.time.DurationText;
import dev.retrylab.time.RateText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads typed values out of a {@link SourceNode} tree and collects every mistake with its place,
 * instead of stopping at the first: a wrong value is recorded and a fallback returned, so the
 * reader goes on and the user sees all errors at once. Not thread-safe; one per file.
 */
public final class SpecReader {

    private final String file;
    private final List<ScenarioError> errors = new ArrayList<>();

    public SpecReader(String file) {
        this.file = file;
    }

    public String file() {
        return file;
    }

    /**
     * Records a mistake at {@code at}; for a node not written where it stands (inherited, or set
     * from the command line), the message says where it came from.
     */
    public void error(SourceNode at, String message) {
        String note = at.origin().isEmpty() ? "" : " (" + at.origin() + ")";
        errors.add(new ScenarioError(file, at.line(), at.column(), at.path(), message + note));
    }

    /** Records a mistake found elsewhere, for example by the YAML parser. */
    void add(ScenarioError error) {
        errors.add(error);
    }

    /** The mistakes recorded so far, in the order they were found. */
    public List<ScenarioError> errors() {
        return List.copyOf(errors);
    }

    /** Throws every mistake recorded so far, if any, in file order (line, then column). */
    public void throwIfAny() throws ScenarioException {
        if (!errors.isEmpty()) {
            List<ScenarioError> sorted = new ArrayList<>(errors);
            sorted.sort(Comparator.comparingInt(ScenarioError::line).thenComparingInt(ScenarioError::column));
            throw new ScenarioException(sorted);
        }
    }

    /**
     * The entries of a mapping. Keys outside {@code allowed} are reported with a "did you mean"
     * suggestion, missing {@code required} keys too. Not a mapping: reported, empty.
     */
    public Map<String, SourceNode> mapping(SourceNode node, Collection<String> allowed, Collection<String> required) {
        if (node.kind() != SourceNode.Kind.MAPPING) {
            error(node, "must be a mapping of keys to values, found " + node.describe());
            return Map.of();
        }
        for (Map.Entry<String, SourceNode> entry : node.mapping().entrySet()) {
            if (!allowed.contains(entry.getKey())) {
                error(entry.getValue(), "unknown key '" + entry.getKey() + "'" + suggestion(entry.getKey(), allowed)
                        + "; allowed here: " + String.join(", ", allowed));
            }
        }
        for (String key : required) {
            if (!node.mapping().containsKey(key)) {
                error(node, "the key '" + key + "' is required here");
            }
        }
        return node.mapping();
    }

    /**
     * A value written as a mapping with one key that names its kind, such as
     * {@code {exponential: 10ms}} or {@code {open: 100/s}}: that key and its value. Anything else
     * is reported, saying that {@code expected} was, and gives null.
     *
     * @param expected what would be valid, for the message, for example "a workload: {open: 100/s}, …"
     */
    public Map.Entry<String, SourceNode> variant(SourceNode node, Collection<String> kinds, String expected) {
        if (node.kind() != SourceNode.Kind.MAPPING || node.mapping().size() != 1) {
            String found = node.kind() == SourceNode.Kind.MAPPING
                    ? node.mapping().size() + " keys (" + String.join(", ", node.mapping().keySet()) + ")"
                    : node.describe();
            error(node, "must be " + expected + ", found " + found);
            return null;
        }
        Map.Entry<String, SourceNode> entry = node.mapping().entrySet().iterator().next();
        if (!kinds.contains(entry.getKey())) {
            error(entry.getValue(), "unknown kind '" + entry.getKey() + "'" + suggestion(entry.getKey(), kinds)
                    + "; allowed here: " + String.join(", ", kinds));
            return null;
        }
        return entry;
    }

    /** A mapping whose keys are names chosen by the user (services, strategies, …). */
    public Map<String, SourceNode> namedEntries(SourceNode node) {
        if (node.kind() != SourceNode.Kind.MAPPING) {
            error(node, "must be a mapping from names to definitions, found " + node.describe());
            return Map.of();
        }
        return node.mapping();
    }

    /** The elements of a list; not a list: reported, empty. */
    public List<SourceNode> list(SourceNode node) {
        if (node.kind() != SourceNode.Kind.SEQUENCE) {
            error(node, "must be a list, found " + node.describe());
            return List.of();
        }
        return node.items();
    }

    /** A scalar's text, or {@code fallback} when absent. */
    public String string(SourceNode node, String fallback) {
        if (node == null) {
            return fallback;
        }
        if (node.kind() != SourceNode.Kind.SCALAR) {
            error(node, "must be a single value, found " + node.describe());
            return fallback;
        }
        return node.scalar();
    }

    /** A duration such as {@code 250ms} of at least {@code min}, or {@code fallback} when absent. */
    public Duration duration(SourceNode node, Duration fallback, Duration min) {
        String text = string(node, null);
        if (text == null) {
            return fallback;
        }
        try {
            Duration value = DurationText.parse(text);
            if (value.compareTo(min) < 0) {
                error(node, (min.equals(Duration.ofNanos(1)) ? "must be more than 0" : "must be at least "
                        + DurationText.format(min)) + ", found " + text);
                return fallback;
            }
            return value;
        } catch (IllegalArgumentException e) {
            error(node, e.getMessage());
            return fallback;
        }
    }

    /** A duration from {@code min} to {@code max}, or {@code fallback} when absent or wrong (reported). */
    public Duration duration(SourceNode node, Duration fallback, Duration min, Duration max) {
        Duration value = duration(node, null, min);
        if (value != null && value.compareTo(max) > 0) {
            error(node, "must be at most " + DurationText.format(max) + ", found " + node.scalar());
            return fallback;
        }
        return value == null ? fallback : value;
    }

    /** A rate such as {@code 100/s} in events per second, or {@code fallback} when absent. */
    public double ratePerSecond(SourceNode node, double fallback) {
        String text = string(node, null);
        if (text == null) {
            return fallback;
        }
        try {
            return RateText.perSecond(text);
        } catch (IllegalArgumentException e) {
            error(node, e.getMessage());
            return fallback;
        }
    }

    /** A whole number in [min, max], or {@code fallback} when absent. */
    public long integer(SourceNode node, long fallback, long min, long max) {
        String text = string(node, null);
        if (text == null) {
            return fallback;
        }
        try {
            long value = Long.parseLong(text.trim().replace("_", ""));
            if (value < min || value > max) {
                error(node, "must be a whole number from " + min + " to " + max + ", found " + text);
                return fallback;
            }
            return value;
        } catch (NumberFormatException e) {
            error(node, "must be a whole number from " + min + " to " + max + ", found '" + text + "'");
            return fallback;
        }
    }

    /** A number in [min, max]; a percentage such as {@code 20%} reads as 0.2. */
    public double number(SourceNode node, double fallback, double min, double max) {
        String text = string(node, null);
        if (text == null) {
            return fallback;
        }
        String trimmed = text.trim();
        try {
            double value = trimmed.endsWith("%")
                    ? Double.parseDouble(trimmed.substring(0, trimmed.length() - 1).trim()) / 100.0
                    : Double.parseDouble(trimmed);
            if (!(value >= min && value <= max)) {
                error(node, "must be a number from " + plain(min) + " to " + plain(max) + ", found " + text);
                return fallback;
            }
            return value;
        } catch (NumberFormatException e) {
            error(node, "must be a number from " + plain(min) + " to " + plain(max) + ", found '" + text + "'");
            return fallback;
        }
    }

    /** {@code true} or {@code false}, or {@code fallback} when absent. */
    public boolean bool(SourceNode node, boolean fallback) {
        String text = string(node, null);
        if (text == null) {
            return fallback;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                error(node, "must be true or false, found '" + text + "'");
                yield fallback;
            }
        };
    }

    /** One of {@code choices}, or {@code fallback} when absent. */
    public String choice(SourceNode node, Set<String> choices, String fallback) {
        String text = string(node, null);
        if (text == null) {
            return fallback;
        }
        if (!choices.contains(text)) {
            error(node, "'" + text + "' is not one of " + String.join(", ", choices) + suggestion(text, choices));
            return fallback;
        }
        return text;
    }

    /** An ordered, unmodifiable set of choices, so that messages list them in a stable order. */
    static Set<String> choices(String... names) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(List.of(names)));
    }

    /** {@code " (did you mean 'x'?)"} for the closest candidate within a small edit distance, else "". */
    static String suggestion(String found, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = editDistance(found.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                bestDistance = distance;
                best = candidate;
            }
        }
        if (best != null && bestDistance <= Math.max(1, Math.min(3, best.length() / 3))) {
            return " (did you mean '" + best + "'?)";
        }
        return "";
    }

    /** Edit distance counting an insertion, deletion, substitution or swap of neighbours as one. */
    static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1));
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    private static String plain(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
