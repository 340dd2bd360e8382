package dev.vellum.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.error.FieldError;
import dev.vellum.time.Timestamps;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/**
 * An entry as a client sends it: optional system attributes and the field values present in the
 * request. {@code publishAtSet} tells "publish_at": null (clear it) from an absent key.
 */
public record EntryInput(String id, String slug, Boolean draft, String publishAt, boolean publishAtSet, ObjectNode fields) {
    private static final Set<String> KEYS = Set.of("id", "slug", "draft", "publish_at", "fields");

    /** Reads the request body; problems go to {@code errors} with {@code prefix} before each path. */
    public static EntryInput parse(JsonNode body, String prefix, List<FieldError> errors) {
        if (body == null || !body.isObject()) {
            errors.add(new FieldError(prefix.isEmpty() ? "body" : prefix, "type_mismatch", "must be a JSON object"));
            return new EntryInput(null, null, null, null, false, JsonNodeFactory.instance.objectNode());
        }
        body.fieldNames().forEachRemaining(k -> {
            if (!KEYS.contains(k)) errors.add(new FieldError(prefix + k, "unknown_key",
                    "unknown key; entries take slug, draft, publish_at and fields"));
        });
        String id = text(body, "id", prefix, errors);
        String slug = text(body, "slug", prefix, errors);
        Boolean draft = null;
        JsonNode d = body.get("draft");
        if (d != null && !d.isNull()) {
            if (d.isBoolean()) draft = d.booleanValue();
            else errors.add(new FieldError(prefix + "draft", "type_mismatch", "must be true or false"));
        }
        String publishAt = text(body, "publish_at", prefix, errors);
        if (publishAt != null) {
            try {
                publishAt = Timestamps.format(Timestamps.parse(publishAt));
            } catch (DateTimeParseException e) {
                errors.add(new FieldError(prefix + "publish_at", "invalid_date", "must be an ISO 8601 date-time with offset"));
                publishAt = null;
            }
        }
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        JsonNode f = body.get("fields");
        if (f != null && !f.isNull()) {
            if (f.isObject()) fields = (ObjectNode) f;
            else errors.add(new FieldError(prefix + "fields", "type_mismatch", "must be an object of field id → value"));
        }
        return new EntryInput(id, slug, draft, publishAt, body.has("publish_at"), fields);
    }

    private static String text(JsonNode body, String key, String prefix, List<FieldError> errors) {
        JsonNode n = body.get(key);
        if (n == null || n.isNull()) return null;
        if (!n.isTextual()) {
            errors.add(new FieldError(prefix + key, "type_mismatch", "must be a string"));
            return null;
        }
        return n.textValue();
    }
}
