package dev.vellum.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * An entry: system attributes and its field values by field id ({@code null} for an empty field;
 * absent when a list projected it away). Typed getters read one field and return null when it is
 * empty; they throw {@link IllegalStateException} when the value is of another JSON type.
 */
public record Entry(String id, String slug, boolean draft, long version, Instant createdAt, Instant updatedAt, Instant publishAt,
                    ObjectNode fields) {

    public Entry {
        fields = fields == null ? Json.object() : fields.deepCopy();
    }

    /** A copy of the field values (changing it does not change this entry). */
    @Override
    public ObjectNode fields() {
        return fields.deepCopy();
    }

    /** A field's value as JSON: a missing node when the entry has no such field, a null node when empty. */
    public JsonNode field(String fieldId) {
        return fields.path(fieldId).deepCopy();
    }

    /** A field's value bound to {@code type} (a record or class Jackson can read, such as an image DTO). */
    public <T> T field(String fieldId, Class<T> type) {
        JsonNode v = fields.get(fieldId);
        if (v == null || v.isNull()) return null;
        try {
            return Json.MAPPER.treeToValue(v, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("field " + fieldId + " cannot be read as " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** text, enum, color, link, date, reference fields. */
    public String text(String fieldId) {
        return typed(fieldId, JsonNode::isTextual, JsonNode::textValue, "text");
    }

    public Double number(String fieldId) {
        return typed(fieldId, JsonNode::isNumber, JsonNode::doubleValue, "a number");
    }

    /** A whole number (a number field with {@code integer: true}). */
    public Long integer(String fieldId) {
        return typed(fieldId, JsonNode::canConvertToExactIntegral, JsonNode::longValue, "a whole number");
    }

    public Boolean bool(String fieldId) {
        return typed(fieldId, JsonNode::isBoolean, JsonNode::booleanValue, "true or false");
    }

    /** multi_enum, references, or an array of text: the strings in order (empty for an empty field). */
    public List<String> texts(String fieldId) {
        List<String> out = new ArrayList<>();
        JsonNode v = fields.get(fieldId);
        if (v == null || v.isNull()) return List.of();
        if (!v.isArray()) throw mismatch(fieldId, v, "an array");
        for (JsonNode item : v) {
            if (!item.isTextual()) throw mismatch(fieldId, v, "an array of text");
            out.add(item.textValue());
        }
        return List.copyOf(out);
    }

    private <T> T typed(String fieldId, Predicate<JsonNode> is, Function<JsonNode, T> read, String what) {
        JsonNode v = fields.get(fieldId);
        if (v == null || v.isNull()) return null;
        if (!is.test(v)) throw mismatch(fieldId, v, what);
        return read.apply(v);
    }

    private static IllegalStateException mismatch(String fieldId, JsonNode v, String what) {
        return new IllegalStateException("field " + fieldId + " holds " + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
                + ", not " + what);
    }

    static Entry from(JsonNode n) {
        return new Entry(Json.text(n, "id"), Json.text(n, "slug"), n.path("draft").asBoolean(false), n.path("version").asLong(),
                Json.instant(n, "created_at"), Json.instant(n, "updated_at"), Json.instant(n, "publish_at"),
                n.path("fields").isObject() ? (ObjectNode) n.get("fields") : null);
    }
}
