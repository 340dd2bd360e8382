package dev.vellum.content;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.error.FieldError;
import dev.vellum.schema.CollectionSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * An entry input checked against a schema version without touching the database: its values
 * normalised and the problems found so far. Preparing happens outside the write transaction, so the
 * single writer spends its time writing; the write re-prepares if the schema changed meanwhile.
 */
record PreparedEntry(EntryInput input, ObjectNode values, List<FieldError> errors, long schemaVersion, String prefix) {

    static PreparedEntry of(CollectionSchema c, EntryInput input, boolean creating, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        ObjectNode values = EntryValidator.validate(c, input.fields(), creating, prefix, errors);
        if (input.slug() != null && !Slugs.valid(input.slug())) {
            errors.add(new FieldError(prefix + "slug", "invalid_slug",
                    "a slug is 1–200 lowercase letters, digits, '.', '_' or '-', starting with a letter or digit"));
        }
        return new PreparedEntry(input, values, List.copyOf(errors), c.version(), prefix);
    }

    /** This, if it was prepared against {@code c}'s version; else prepared again. */
    PreparedEntry against(CollectionSchema c, boolean creating) {
        return schemaVersion == c.version() ? this : of(c, input, creating, prefix);
    }
}
