package dev.vellum.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * An entry as the fields of its GraphQL type read it: its JSON as REST renders it (projected to the fields the query
 * selects), and for each selected reference field what it resolved to beforehand (see {@link ReferenceResolver}):
 * an entry or null for {@code reference}, a list of entries for {@code references}, or the failure of their batch.
 */
record ResolvedEntry(JsonNode json, Map<String, Object> references) {

    /** A stored value of the entry's {@code fields}; null when absent. */
    JsonNode field(String fieldId) {
        JsonNode fields = json.get("fields");
        return fields == null ? null : fields.get(fieldId);
    }

    /** What the reference field {@code fieldId} resolved to; its batch's failure is thrown, as the field's error. */
    Object reference(String fieldId) {
        Object v = references.get(fieldId);
        if (v instanceof RuntimeException failed) throw failed;
        if (v == null && !references.containsKey(fieldId)) {
            throw new IllegalStateException("reference field " + fieldId + " was not resolved before its fields ran");
        }
        return v;
    }
}
