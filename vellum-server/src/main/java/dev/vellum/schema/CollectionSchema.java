package dev.vellum.schema;

import java.util.List;
import java.util.Optional;

/**
 * A collection: its id, display name, the field to make slugs from, and its ordered fields.
 * {@code pk} is internal: it names the collection's table, so renames never touch SQL identifiers.
 */
public record CollectionSchema(
        long pk,
        String projectId,
        String id,
        String name,
        String description,
        String slugFrom,
        List<Field> fields,
        long version,
        String createdAt,
        String updatedAt) {

    public CollectionSchema {
        fields = List.copyOf(fields);
    }

    public Optional<Field> field(String fieldId) {
        for (Field f : fields) if (f.id().equals(fieldId)) return Optional.of(f);
        return Optional.empty();
    }

    public String table() {
        return "e_" + pk;
    }

    public CollectionSchema withDefinition(CollectionDefinition d, long newVersion, String now) {
        return new CollectionSchema(pk, projectId, id, d.name(), d.description(), d.slugFrom(), d.fields(), newVersion, createdAt, now);
    }

    public CollectionDefinition definition() {
        return new CollectionDefinition(id, name, description, slugFrom, fields);
    }
}
