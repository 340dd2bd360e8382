package dev.vellum.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vellum.error.FieldError;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Reads typed values out of a request's JSON object, collecting every problem as a {@link FieldError}
 * so that a client hears of all of them at once. Absent and null keys read as null.
 */
public final class JsonInput {
    private final JsonNode body;
    private final List<FieldError> errors;

    public JsonInput(JsonNode body, List<FieldError> errors) {
        this.body = body;
        this.errors = errors;
    }

    /** Reports keys that are not in {@code allowed}. */
    public JsonInput only(Collection<String> allowed, String what) {
        body.fieldNames().forEachRemaining(k -> {
            if (!allowed.contains(k)) {
                errors.add(new FieldError(k, "unknown_key", what + " take " + String.join(", ", allowed.stream().sorted().toList())));
            }
        });
        return this;
    }

    public boolean has(String key) {
        return body.has(key);
    }

    public String text(String key) {
        JsonNode n = body.get(key);
        if (n == null || n.isNull()) return null;
        if (!n.isTextual()) {
            errors.add(new FieldError(key, "type_mismatch", "must be a string"));
            return null;
        }
        return n.textValue();
    }

    /** A list of distinct strings. */
    public List<String> strings(String key) {
        JsonNode n = body.get(key);
        if (n == null || n.isNull()) return null;
        List<String> out = new ArrayList<>();
        if (n.isArray()) n.forEach(item -> {
            if (item.isTextual()) out.add(item.textValue());
        });
        if (!n.isArray() || out.size() != n.size()) {
            errors.add(new FieldError(key, "type_mismatch", "must be a list of strings"));
            return null;
        }
        return out.stream().distinct().toList();
    }

    public JsonNode node(String key) {
        JsonNode n = body.get(key);
        return n == null || n.isNull() ? null : n;
    }
}
