package dev.vellum.schema;

import java.util.List;

/** What a client declares for a collection: everything but the server's bookkeeping. */
public record CollectionDefinition(String id, String name, String description, String slugFrom, List<Field> fields) {
    public CollectionDefinition {
        fields = List.copyOf(fields);
    }
}
