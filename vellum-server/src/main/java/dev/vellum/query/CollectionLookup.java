package dev.vellum.query;

import dev.vellum.schema.CollectionSchema;
import java.util.Optional;

/** Finds another collection of the same project, for {@code reference.field} in a filter. */
@FunctionalInterface
public interface CollectionLookup {
    Optional<CollectionSchema> find(String collectionId);
}
