package dev.vellum.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.storage.Dialect.ColumnKind;

/** true or false. */
public record BooleanType() implements FieldType {
    @Override public String name() { return "boolean"; }
    @Override public ColumnKind column() { return ColumnKind.BOOLEAN; }

    @Override
    public JsonNode normalize(JsonNode value) throws InvalidValue {
        if (!value.isBoolean()) throw new InvalidValue("type_mismatch", "must be true or false");
        return value;
    }

    @Override public void writeOptions(ObjectNode field) {}
}
