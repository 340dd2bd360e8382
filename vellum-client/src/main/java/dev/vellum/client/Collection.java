package dev.vellum.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A collection as stored: its schema, and the schema's version (+1 on every change) and timestamps. */
public record Collection(CollectionSpec spec, long version, Instant createdAt, Instant updatedAt) {

    public String id() {
        return spec.id();
    }

    public List<FieldSpec> fields() {
        return spec.fields();
    }

    public Optional<FieldSpec> field(String fieldId) {
        return spec.field(fieldId);
    }

    static Collection from(JsonNode n) {
        return new Collection(CollectionSpec.from(n), n.path("version").asLong(), Json.instant(n, "created_at"), Json.instant(n, "updated_at"));
    }
}
