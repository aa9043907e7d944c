package dev.retrylab.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A value read from a YAML file, with the line and column it was written at and its key path:
 * a mapping, a sequence, a scalar or null. Jackson's own tree forgets locations; this one keeps
 * them so every error can point at the text. A node a strategy inherits through {@code extends}
 * is a copy placed at that {@code extends}, with a note saying where it came from
 * ({@link #origin()}). Immutable.
 */
public final class SourceNode {

    /** What a node is. */
    public enum Kind { MAPPING, SEQUENCE, SCALAR, NULL }

    private final Kind kind;
    private final String scalar;
    private final Map<String, SourceNode> mapping;
    private final List<SourceNode> items;
    private final String path;
    private final int line;
    private final int column;
    private final String origin;

    private SourceNode(Kind kind, String scalar, Map<String, SourceNode> mapping, List<SourceNode> items,
                       String path, int line, int column) {
        this(kind, scalar, mapping, items, path, line, column, "");
    }

    private SourceNode(Kind kind, String scalar, Map<String, SourceNode> mapping, List<SourceNode> items,
                       String path, int line, int column, String origin) {
        this.kind = kind;
        this.scalar = scalar;
        this.mapping = mapping;
        this.items = items;
        this.path = path;
        this.line = line;
        this.column = column;
        this.origin = origin;
    }

    /**
     * Parses YAML text into a located tree.
     *
     * @throws ScenarioException for malformed YAML or a key given twice, with every such error
     */
    public static SourceNode parse(String file, String text) throws ScenarioException {
        List<ScenarioError> errors = new ArrayList<>();
        SourceNode root = parse(file, text, errors);
        if (errors.isEmpty()) {
            return root;
        }
        throw new ScenarioException(errors);
    }

    /**
     * Parses YAML text, adding a key given twice to {@code errors} and keeping its first value, so
     * that a reader can go on and report the other mistakes of the file as well.
     *
     * @throws ScenarioException for malformed YAML, where no tree can be built
     */
    static SourceNode parse(String file, String text, List<ScenarioError> errors) throws ScenarioException {
        List<ScenarioError> malformed = new ArrayList<>();
        try (JsonParser parser = new YAMLFactory().createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new SourceNode(Kind.NULL, null, Map.of(), List.of(), "", 1, 1);
            }
            SourceNode root = read(parser, file, "", errors);
            if (parser.nextToken() != null) {
                JsonLocation where = parser.currentTokenLocation();
                malformed.add(new ScenarioError(file, where.getLineNr(), where.getColumnNr(), "",
                        "not valid YAML: a scenario file holds one document, found a second one here"));
            } else {
                return root;
            }
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            malformed.add(new ScenarioError(file, where == null ? 0 : where.getLineNr(),
                    where == null ? 0 : where.getColumnNr(), "", "not valid YAML: " + problem(e)));
        } catch (IOException e) {
            malformed.add(new ScenarioError(file, 0, 0, "", "could not be read: " + e.getMessage()));
        }
        throw new ScenarioException(malformed);
    }

    /**
     * The parser's complaint on one line: the YAML parser's own message quotes the text around the
     * mistake over several lines; the error's line and column already point there.
     */
    private static String problem(JsonProcessingException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof MarkedYAMLException marked && marked.getProblem() != null) {
                String context = marked.getContext() == null || marked.getContextMark() == null ? ""
                        : " (" + marked.getContext() + " that starts on line " + (marked.getContextMark().getLine() + 1)
                        + ", column " + (marked.getContextMark().getColumn() + 1) + ")";
                return marked.getProblem() + context;
            }
        }
        String message = String.valueOf(e.getOriginalMessage());
        int lineBreak = message.indexOf('\n');
        return (lineBreak < 0 ? message : message.substring(0, lineBreak)).strip();
    }

    private static SourceNode read(JsonParser parser, String file, String path, List<ScenarioError> errors)
            throws IOException {
        JsonLocation where = parser.currentTokenLocation();
        int line = where.getLineNr();
        int column = where.getColumnNr();
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT: {
                Map<String, SourceNode> entries = new LinkedHashMap<>();
                Map<String, Integer> keyLines = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    JsonLocation keyAt = parser.currentTokenLocation();
                    parser.nextToken();
                    String childPath = path.isEmpty() ? key : path + "." + key;
                    SourceNode child = read(parser, file, childPath, errors);
                    if (child.kind == Kind.MAPPING || child.kind == Kind.SEQUENCE) {
                        // a block mapping or list starts on the next line: point at its key instead
                        child = new SourceNode(child.kind, null, child.mapping, child.items, childPath,
                                keyAt.getLineNr(), keyAt.getColumnNr());
                    }
                    Integer firstLine = keyLines.putIfAbsent(key, keyAt.getLineNr());
                    if (firstLine == null) {
                        entries.put(key, child);
                    } else {
                        String lines = firstLine == keyAt.getLineNr() ? " on line " + firstLine
                                : ", on lines " + firstLine + " and " + keyAt.getLineNr();
                        errors.add(new ScenarioError(file, keyAt.getLineNr(), keyAt.getColumnNr(), childPath,
                                "'" + key + "' is given twice" + lines + ": each name or key may appear once here"));
                    }
                }
                return new SourceNode(Kind.MAPPING, null, Collections.unmodifiableMap(entries), List.of(),
                        path, line, column);
            }
            case START_ARRAY: {
                List<SourceNode> elements = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    elements.add(read(parser, file, path + "[" + elements.size() + "]", errors));
                }
                return new SourceNode(Kind.SEQUENCE, null, Map.of(), List.copyOf(elements), path, line, column);
            }
            case VALUE_NULL:
                return new SourceNode(Kind.NULL, null, Map.of(), List.of(), path, line, column);
            default:
                return new SourceNode(Kind.SCALAR, parser.getText(), Map.of(), List.of(), path, line, column);
        }
    }

    /**
     * A mapping with {@code entries}, at the place and key path of {@code at}: a strategy merged
     * with the one it extends.
     */
    static SourceNode mapping(SourceNode at, Map<String, SourceNode> entries) {
        return new SourceNode(Kind.MAPPING, null, Collections.unmodifiableMap(new LinkedHashMap<>(entries)),
                List.of(), at.path, at.line, at.column, at.origin);
    }

    /**
     * This node and everything under it, inherited: placed at {@code at}, under the key path
     * {@code newPath}, with the note {@code origin} (for example "inherited from preset aws-standard").
     */
    SourceNode inheritedAt(SourceNode at, String newPath, String origin) {
        Map<String, SourceNode> entries = new LinkedHashMap<>();
        mapping.forEach((key, child) -> entries.put(key, child.inheritedAt(at, newPath + "." + key, origin)));
        List<SourceNode> elements = new ArrayList<>();
        for (SourceNode item : items) {
            elements.add(item.inheritedAt(at, newPath + "[" + elements.size() + "]", origin));
        }
        return new SourceNode(kind, scalar, Collections.unmodifiableMap(entries), List.copyOf(elements), newPath,
                at.line, at.column, origin);
    }

    /**
     * A copy of this tree with the scalar {@code value} at the key path {@code keys} (from this
     * node), replacing what was there or adding the key, and the mappings on the way to it if
     * they are missing; a number selects an element of a list. The new node stands at the place
     * of the nearest node the file has on the way, with the note {@code origin}, so a reader
     * reports a mistake in it like one in the file.
     *
     * @throws IllegalArgumentException when the path leads through a scalar or past a list's end
     */
    SourceNode withScalar(List<String> keys, String value, String origin) {
        return withScalar(keys, 0, value, origin);
    }

    private SourceNode withScalar(List<String> keys, int depth, String value, String origin) {
        if (depth == keys.size()) {
            return new SourceNode(Kind.SCALAR, value, Map.of(), List.of(), path, line, column, origin);
        }
        String key = keys.get(depth);
        String childPath = path.isEmpty() ? key : path + "." + key;
        switch (kind) {
            case MAPPING, NULL -> {
                SourceNode child = mapping.get(key);
                if (child == null) {
                    child = new SourceNode(Kind.NULL, null, Map.of(), List.of(), childPath, line, column, origin);
                }
                Map<String, SourceNode> entries = new LinkedHashMap<>(mapping);
                entries.put(key, child.withScalar(keys, depth + 1, value, origin));
                return new SourceNode(Kind.MAPPING, null, Collections.unmodifiableMap(entries), List.of(), path, line,
                        column, this.origin);
            }
            case SEQUENCE -> {
                int index = listIndex(key);
                if (index < 0 || index >= items.size()) {
                    throw new IllegalArgumentException(path + " is a list of " + items.size()
                            + (items.size() == 1 ? " element" : " elements") + ": '" + key
                            + "' is not one of its indexes (0.." + (items.size() - 1) + ")");
                }
                List<SourceNode> elements = new ArrayList<>(items);
                elements.set(index, items.get(index).withScalar(keys, depth + 1, value, origin));
                return new SourceNode(Kind.SEQUENCE, null, Map.of(), List.copyOf(elements), path, line, column,
                        this.origin);
            }
            default -> throw new IllegalArgumentException(path + " is " + describe()
                    + ", not a mapping: there is no key '" + key + "' under it");
        }
    }

    private static int listIndex(String key) {
        if (!key.matches("\\d{1,9}")) {
            return -1;
        }
        return Integer.parseInt(key);
    }

    public Kind kind() {
        return kind;
    }

    /** The text of a scalar, exactly as written (numbers too); null for other kinds. */
    public String scalar() {
        return scalar;
    }

    /** The entries of a mapping in file order; empty for other kinds. */
    public Map<String, SourceNode> mapping() {
        return mapping;
    }

    /** The elements of a sequence; empty for other kinds. */
    public List<SourceNode> items() {
        return items;
    }

    /** The key path, for example {@code services.api.workers} or {@code faults[0].start}. */
    public String path() {
        return path;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /**
     * Where a node not written where it stands came from, for example {@code inherited from preset
     * aws-standard}; empty for a node written where it stands.
     */
    public String origin() {
        return origin;
    }

    /** A short description of what this node is, for error messages. */
    public String describe() {
        return switch (kind) {
            case MAPPING -> "a mapping";
            case SEQUENCE -> "a list";
            case NULL -> "nothing";
            case SCALAR -> "'" + scalar + "'";
        };
    }
}
