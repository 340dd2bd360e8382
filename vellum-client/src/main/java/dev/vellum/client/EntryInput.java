package dev.vellum.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;

/**
 * An entry as sent to create, change or batch-write it: optional system attributes (null: not sent)
 * and field values by field id. In a patch only the fields present change, and a JSON null clears one.
 * {@code id} is only for batch upserts matched by id.
 *
 * <pre>{@code EntryInput.of(Map.of("title", "Hello", "views", 3)).withSlug("hello")}</pre>
 */
public record EntryInput(String id, String slug, Boolean draft, Instant publishAt, ObjectNode fields) {

    public EntryInput {
        fields = fields == null ? Json.object() : fields.deepCopy();
    }

    /** Field values from a map (values: strings, numbers, booleans, lists, maps, nodes; a null clears in a patch). */
    public static EntryInput of(Map<String, ?> fields) {
        return new EntryInput(null, null, null, null, (ObjectNode) Json.tree(fields));
    }

    public static EntryInput of(ObjectNode fields) {
        return new EntryInput(null, null, null, null, fields);
    }

    @Override
    public ObjectNode fields() {
        return fields.deepCopy();
    }

    public EntryInput withId(String entryId) {
        return new EntryInput(entryId, slug, draft, publishAt, fields);
    }

    public EntryInput withSlug(String newSlug) {
        return new EntryInput(id, newSlug, draft, publishAt, fields);
    }

    public EntryInput withDraft(boolean isDraft) {
        return new EntryInput(id, slug, isDraft, publishAt, fields);
    }

    public EntryInput withPublishAt(Instant at) {
        return new EntryInput(id, slug, draft, at, fields);
    }

    /** This input with one more field value (anything JSON-able; null sends a JSON null). */
    public EntryInput withField(String fieldId, Object value) {
        ObjectNode f = fields.deepCopy();
        f.set(fieldId, value == null ? f.nullNode() : Json.tree(value));
        return new EntryInput(id, slug, draft, publishAt, f);
    }

    ObjectNode toJson() {
        ObjectNode o = Json.object();
        if (id != null) o.put("id", id);
        if (slug != null) o.put("slug", slug);
        if (draft != null) o.put("draft", draft);
        if (publishAt != null) o.put("publish_at", publishAt.toString());
        o.set("fields", fields.deepCopy());
        return o;
    }
}
