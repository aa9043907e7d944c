package dev.retrylab.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves a strategy's {@code extends}: the strategy named there (another strategy of the same
 * file, or a {@link StrategyPresets preset}) is the base, and the strategy's own keys override it.
 * Nested mappings ({@code backoff}, {@code budget}, {@code breaker}, …) merge key by key, except
 * that one whose {@code type} differs from the base's replaces it whole (a budget or backoff of
 * another type shares no settings); a key set to nothing ({@code breaker: ~}) removes the
 * inherited one; lists and single values replace. The base may extend another in turn.
 *
 * <p>The result is a mapping without {@code extends}, read like any strategy. What it inherits
 * is placed at the {@code extends} that brought it in, so a mistake found in an inherited value
 * points there and says where the value came from. A strategy of the file shadows a preset of
 * the same name, except that a strategy may extend the preset it is named after
 * ({@code aws-standard: {extends: aws-standard}}). Unknown names, a strategy naming itself and
 * strategies that extend each other in a cycle are reported with their place. Not thread-safe.
 */
final class StrategyInheritance {

    private static final String EXTENDS = "extends";
    private static final String RETRY = "retry";
    /** The settings a strategy's {@code retry} group may hold: those of its retry policy. */
    static final List<String> RETRY_KEYS = List.of("maxAttempts", "backoff", "maxDuration", "retryAfter", "retryOn",
            "neverRetry", "adaptive");

    private final SpecReader reader;
    private final Map<String, SourceNode> strategies;
    private final Map<String, Optional<SourceNode>> resolved = new LinkedHashMap<>();
    private final Set<String> resolving = new LinkedHashSet<>();

    /**
     * @param strategies the file's {@code strategies} mapping, or null when it has none
     */
    StrategyInheritance(SpecReader reader, SourceNode strategies) {
        this.reader = reader;
        this.strategies = strategies == null ? Map.of() : strategies.mapping();
    }

    /**
     * The strategy {@code name} of the file's {@code strategies}, written at {@code node}, with
     * its {@code extends} resolved; null when its {@code extends} is wrong (reported) or names a
     * strategy whose own {@code extends} is wrong.
     */
    SourceNode strategy(String name, SourceNode node) {
        Optional<SourceNode> known = resolved.get(name);
        if (known != null) {
            return known.orElse(null);
        }
        resolving.add(name);
        SourceNode result = resolve(name, node, false);
        resolving.remove(name);
        resolved.put(name, Optional.ofNullable(result));
        return result;
    }

    /**
     * A downstream call's strategy at {@code node} with its {@code extends} resolved; a
     * {@code scope} it inherits is dropped, since a call has one caller. Null when its
     * {@code extends} is wrong (reported).
     */
    SourceNode call(SourceNode node) {
        return resolve(null, node, true);
    }

    /**
     * A service's own strategy under a strategy's {@code perTarget}, at {@code node}, with its
     * {@code extends} resolved; a {@code scope} it inherits is dropped, since the scope is the
     * enclosing strategy's. Null when its {@code extends} is wrong (reported).
     */
    SourceNode perTarget(SourceNode node) {
        return resolve(null, node, true);
    }

    private SourceNode resolve(String self, SourceNode written, boolean forCall) {
        SourceNode node = ungrouped(written);
        SourceNode extendsNode = node.mapping().get(EXTENDS);
        if (extendsNode == null) {
            return node;
        }
        String baseName = reader.string(extendsNode, null);
        if (baseName == null) {
            return null;
        }
        SourceNode base;
        String origin;
        if (strategies.containsKey(baseName) && !baseName.equals(self)) {
            if (resolving.contains(baseName)) {
                reader.error(extendsNode, "strategies extend each other in a cycle (" + cycle(baseName)
                        + "): remove one of these extends");
                return null;
            }
            base = strategy(baseName, strategies.get(baseName));
            if (base == null) {
                return null;
            }
            origin = "inherited from strategy '" + baseName + "'";
        } else if (StrategyPresets.tree(baseName) != null) {
            base = StrategyPresets.tree(baseName);
            origin = "inherited from preset " + baseName;
        } else {
            reader.error(extendsNode, unknown(self, baseName));
            return null;
        }
        return merge(node, base, extendsNode, origin, forCall);
    }

    /**
     * The strategy with the settings of its {@code retry} group, if it has one, put in the group's
     * place beside the other keys: {@code {retry: {maxAttempts: 5}, budget: ...}} reads as
     * {@code {maxAttempts: 5, budget: ...}}. Keys in the group keep their place and path, so a
     * mistake in one is reported where it is written. A key that is not a retry setting, or that
     * is given both in the group and beside it, is reported, and the one beside the group is kept.
     */
    private SourceNode ungrouped(SourceNode node) {
        SourceNode group = node.mapping().get(RETRY);
        if (node.kind() != SourceNode.Kind.MAPPING || group == null) {
            return node;
        }
        Map<String, SourceNode> entries = new LinkedHashMap<>();
        for (Map.Entry<String, SourceNode> entry : node.mapping().entrySet()) {
            if (!entry.getKey().equals(RETRY)) {
                entries.put(entry.getKey(), entry.getValue());
                continue;
            }
            if (group.kind() != SourceNode.Kind.MAPPING) {
                reader.error(group, "must be a mapping of retry settings (" + String.join(", ", RETRY_KEYS)
                        + "), found " + group.describe());
                continue;
            }
            for (Map.Entry<String, SourceNode> setting : group.mapping().entrySet()) {
                String key = setting.getKey();
                SourceNode beside = node.mapping().get(key);
                if (!RETRY_KEYS.contains(key)) {
                    reader.error(setting.getValue(), "'" + key + "' is not a retry setting"
                            + SpecReader.suggestion(key, RETRY_KEYS) + "; a retry group holds "
                            + String.join(", ", RETRY_KEYS) + (StrategyReader.KEYS.contains(key)
                            ? ", and " + key + " goes beside it" : ""));
                } else if (beside != null) {
                    reader.error(setting.getValue(), "'" + key + "' is given twice, here and beside the retry group "
                            + "on line " + beside.line() + "; keep one");
                } else {
                    entries.put(key, setting.getValue());
                }
            }
        }
        return SourceNode.mapping(node, entries);
    }

    /** The strategies from {@code start} through the one being resolved, and back to {@code start}. */
    private String cycle(String start) {
        List<String> chain = new ArrayList<>();
        boolean inCycle = false;
        for (String name : resolving) {
            inCycle |= name.equals(start);
            if (inCycle) {
                chain.add(name);
            }
        }
        chain.add(start);
        return String.join(" -> ", chain);
    }

    private String unknown(String self, String name) {
        if (name.equals(self)) {
            return "names this strategy itself: extends names another strategy of this file or a preset ("
                    + String.join(", ", StrategyPresets.names()) + ")";
        }
        List<String> candidates = new ArrayList<>(StrategyPresets.names());
        List<String> others = new ArrayList<>(strategies.keySet());
        others.remove(self);
        candidates.addAll(others);
        return "names '" + name + "', which is neither a strategy of this file nor a preset"
                + SpecReader.suggestion(name, candidates) + "; presets: " + String.join(", ", StrategyPresets.names())
                + (others.isEmpty() ? "" : "; strategies: " + String.join(", ", others));
    }

    /** {@code own} over {@code base}, the inherited part placed at {@code at}. */
    private static SourceNode merge(SourceNode own, SourceNode base, SourceNode at, String origin, boolean forCall) {
        Map<String, SourceNode> entries = new LinkedHashMap<>();
        for (Map.Entry<String, SourceNode> entry : base.mapping().entrySet()) {
            if (!(forCall && entry.getKey().equals("scope"))) {
                String path = own.path() + "." + entry.getKey();
                entries.put(entry.getKey(), entry.getValue().inheritedAt(at, path, origin));
            }
        }
        for (Map.Entry<String, SourceNode> entry : own.mapping().entrySet()) {
            if (!entry.getKey().equals(EXTENDS)) {
                override(entries, entry.getKey(), entry.getValue());
            }
        }
        return SourceNode.mapping(own, entries);
    }

    /** Puts {@code value} at {@code key} of {@code entries}, over what is inherited there. */
    private static void override(Map<String, SourceNode> entries, String key, SourceNode value) {
        SourceNode inherited = entries.get(key);
        if (value.kind() == SourceNode.Kind.NULL) {
            entries.remove(key);
        } else if (inherited != null && value.kind() == SourceNode.Kind.MAPPING
                && inherited.kind() == SourceNode.Kind.MAPPING && sameType(value, inherited)) {
            Map<String, SourceNode> nested = new LinkedHashMap<>(inherited.mapping());
            value.mapping().forEach((nestedKey, nestedValue) -> override(nested, nestedKey, nestedValue));
            entries.put(key, SourceNode.mapping(value, nested));
        } else {
            entries.put(key, value);
        }
    }

    /** False when both mappings name a {@code type} and the types differ. */
    private static boolean sameType(SourceNode own, SourceNode inherited) {
        SourceNode ownType = own.mapping().get("type");
        SourceNode inheritedType = inherited.mapping().get("type");
        return ownType == null || inheritedType == null
                || String.valueOf(ownType.scalar()).equals(String.valueOf(inheritedType.scalar()));
    }
}
