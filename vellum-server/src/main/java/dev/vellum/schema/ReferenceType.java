package dev.vellum.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.storage.Dialect.ColumnKind;
import java.util.regex.Pattern;

/** The id of an entry in {@code collection}; that the entry exists is checked when the value is written. */
public record ReferenceType(String collection) implements FieldType {
    static final Pattern ID = Pattern.compile("[0-9A-Za-z_-]{1,64}");

    @Override public String name() { return "reference"; }
    @Override public ColumnKind column() { return ColumnKind.TEXT; }
    @Override public String targetCollection() { return collection; }

    @Override
    public JsonNode normalize(JsonNode value) throws InvalidValue {
        String id = Values.text(value, "an entry id string");
        if (!ID.matcher(id).matches()) throw new InvalidValue("invalid_reference", "is not an entry id");
        return value;
    }

    @Override
    public void writeOptions(ObjectNode field) {
        field.put("collection", collection);
    }
}
