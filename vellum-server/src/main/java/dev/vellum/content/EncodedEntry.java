package dev.vellum.content;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.schema.CollectionSchema;
import dev.vellum.storage.JsonColumns;

/**
 * A new entry's field values as the writer needs them, made before the write transaction so that the one writer
 * (SQLite's group-commit leader) only binds them: completed with nulls, as column parameters and search words
 * ({@link EntryRepository.Encoded}), and as the JSON of its change-log record. Valid for the schema version it was
 * made against; the writer encodes again if the collection changed meanwhile.
 */
record EncodedEntry(long schemaVersion, ObjectNode fields, EntryRepository.Encoded row, String json) {

    static EncodedEntry of(CollectionSchema c, PreparedEntry p) {
        ObjectNode fields = EntryValidator.complete(c, p.values());
        return new EncodedEntry(c.version(), fields, EntryRepository.Encoded.of(c, fields), JsonColumns.write(fields));
    }

    /**
     * The encoding of {@code p} as a new entry, or null when it cannot be made ahead: {@code p} is invalid (it fails
     * anyway), or the collection's values may be rewritten inside the transaction (asset URLs become asset ids).
     */
    static EncodedEntry ahead(CollectionSchema c, PreparedEntry p) {
        return !p.errors().isEmpty() || EntryWriter.rewritesValues(c) ? null : of(c, p);
    }

    /** Whether this was made against {@code c} as the transaction sees it. */
    boolean fits(CollectionSchema c) {
        return schemaVersion == c.version();
    }
}
