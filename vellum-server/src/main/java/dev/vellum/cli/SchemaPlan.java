package dev.vellum.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What applying a schema file would change, field by field, as lines for a person to read:
 * {@code + field (type)}, {@code - field}, {@code ~ field: what changes}, {@code > old → new}.
 */
record SchemaPlan(boolean create, List<String> lines) {
    private static final List<String> COMPARED = List.of("type", "required", "unique", "max_length", "pattern", "integer", "min",
            "max", "options", "collection", "of", "max_items", "name", "description");

    boolean empty() {
        return !create && lines.isEmpty();
    }

    static SchemaPlan of(JsonNode current, JsonNode desired) {
        List<String> lines = new ArrayList<>();
        if (current == null) {
            desired.path("fields").forEach(f -> lines.add("+ " + f.path("id").asText() + " (" + f.path("type").asText() + ")"));
            return new SchemaPlan(true, lines);
        }
        for (String key : List.of("name", "description", "slug_from")) {
            JsonNode want = desired.get(key);
            if (want != null && !want.equals(current.get(key))) lines.add("~ " + key + ": " + text(current.get(key)) + " → " + text(want));
        }
        Map<String, JsonNode> before = byId(current.path("fields"));
        Map<String, JsonNode> after = byId(desired.path("fields"));
        List<String> claimed = new ArrayList<>();
        after.forEach((id, f) -> {
            String from = f.has("renamed_from") ? f.get("renamed_from").asText() : id;
            JsonNode old = before.get(from);
            if (old == null) {
                lines.add("+ " + id + " (" + f.path("type").asText() + ")");
                return;
            }
            claimed.add(from);
            if (!from.equals(id)) lines.add("> " + from + " → " + id);
            for (String key : COMPARED) {
                JsonNode a = old.get(key);
                JsonNode b = f.get(key);
                if (key.equals("name") && b == null) continue; // defaults to the id
                if (!Objects.equals(normal(a), normal(b))) lines.add("~ " + id + "." + key + ": " + text(a) + " → " + text(b));
            }
        });
        before.keySet().stream().filter(id -> !claimed.contains(id)).forEach(id -> lines.add("- " + id));
        return new SchemaPlan(false, lines);
    }

    private static Map<String, JsonNode> byId(JsonNode fields) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        fields.forEach(f -> out.put(f.path("id").asText(), f));
        return out;
    }

    /** false and absent mean the same for flags. */
    private static JsonNode normal(JsonNode n) {
        return n == null || n.isNull() || (n.isBoolean() && !n.booleanValue()) ? null : n;
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? "(none)" : n.isTextual() ? n.textValue() : n.toString();
    }
}
