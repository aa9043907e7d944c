package dev.retrylab.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.TreeSet;

/**
 * The key paths a JSON Schema describes, in the notation of {@link LoaderKeyPaths}: {@code a.b}
 * for a property, {@code a.*} for a name chosen by the user (patternProperties), {@code a[]} for
 * the items of a list, {@code a=v} for each value of an {@code enum}, and {@code a(type=t).k} for
 * the keys a {@code type} allows (an {@code if} on the type's {@code const}, then
 * {@code propertyNames}). {@code $ref}s are followed, but not into a definition already being
 * walked, so a recursive definition is walked once.
 */
final class SchemaKeyPaths {

    private final JsonNode root;
    private final Set<String> paths = new TreeSet<>();
    private final Deque<String> refs = new ArrayDeque<>();

    private SchemaKeyPaths(JsonNode root) {
        this.root = root;
    }

    static Set<String> of(JsonNode schema) {
        SchemaKeyPaths walker = new SchemaKeyPaths(schema);
        walker.walk(schema, "");
        return walker.paths;
    }

    private void walk(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            return;
        }
        if (node.has("$ref")) {
            String ref = node.get("$ref").asText();
            if (!refs.contains(ref)) {
                refs.push(ref);
                walk(resolve(ref), path);
                refs.pop();
            }
        }
        for (String combinator : new String[] {"anyOf", "oneOf", "allOf"}) {
            node.path(combinator).forEach(branch -> walk(branch, path));
        }
        node.path("allOf").forEach(branch -> typed(branch, path));
        node.path("enum").forEach(value -> paths.add(path + "=" + value.asText()));
        node.path("properties").fields().forEachRemaining(entry -> {
            String child = LoaderKeyPaths.join(path, entry.getKey());
            paths.add(child);
            walk(entry.getValue(), child);
        });
        node.path("patternProperties").forEach(value -> {
            String child = LoaderKeyPaths.join(path, "*");
            paths.add(child);
            walk(value, child);
        });
        walk(node.get("items"), path + "[]");
    }

    /** {@code if: {properties: {type: {const: t}}}, then: {propertyNames: {enum: [...]}}}. */
    private void typed(JsonNode branch, String path) {
        JsonNode type = branch.path("if").path("properties").path("type").path("const");
        JsonNode keys = branch.path("then").path("propertyNames").path("enum");
        if (type.isTextual()) {
            keys.forEach(key -> paths.add(path + "(type=" + type.asText() + ")." + key.asText()));
        }
    }

    private JsonNode resolve(String ref) {
        if (!ref.startsWith("#")) {
            throw new IllegalArgumentException("only references inside the schema are followed: " + ref);
        }
        JsonNode target = root.at(ref.substring(1));
        if (target.isMissingNode()) {
            throw new IllegalArgumentException("no " + ref + " in the schema");
        }
        return target;
    }
}
