package dev.vellum.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.error.FieldError;
import dev.vellum.schema.CollectionSchema;
import dev.vellum.schema.Field;
import dev.vellum.schema.InvalidValue;
import java.util.List;

/** Checks field values against a schema and normalises them; every problem is reported, per field. */
final class EntryValidator {
    private EntryValidator() {}

    /**
     * @param creating on create, a missing required field is an error; on update only an explicit null is
     * @return the normalised values of the fields present in {@code input} (null values kept as NullNode)
     */
    static ObjectNode validate(CollectionSchema c, ObjectNode input, boolean creating, String prefix, List<FieldError> errors) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        input.fieldNames().forEachRemaining(name -> {
            if (c.field(name).isEmpty()) {
                errors.add(new FieldError(prefix + "fields." + name, "unknown_field", "the collection has no field '" + name + "'"));
            }
        });
        for (Field f : c.fields()) {
            JsonNode v = input.get(f.id());
            String path = prefix + "fields." + f.id();
            if (v == null || v.isNull()) {
                if (f.required() && (creating || v != null)) errors.add(new FieldError(path, "required", "is required"));
                else if (v != null) out.set(f.id(), NullNode.instance);
                continue;
            }
            try {
                out.set(f.id(), f.type().normalize(v));
            } catch (InvalidValue e) {
                errors.add(new FieldError(path, e.code(), e.getMessage()));
            }
        }
        return out;
    }

    /** Every schema field present: the given values, null for the rest. */
    static ObjectNode complete(CollectionSchema c, ObjectNode values) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (Field f : c.fields()) {
            JsonNode v = values.get(f.id());
            out.set(f.id(), v == null ? NullNode.instance : v);
        }
        return out;
    }
}
