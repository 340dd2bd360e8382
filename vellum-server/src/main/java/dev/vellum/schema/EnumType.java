package dev.vellum.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.storage.Dialect.ColumnKind;
import java.util.List;

/** One of {@code options}. */
public record EnumType(List<String> options) implements FieldType {
    public EnumType { options = List.copyOf(options); }

    @Override public String name() { return "enum"; }
    @Override public ColumnKind column() { return ColumnKind.TEXT; }

    @Override
    public JsonNode normalize(JsonNode value) throws InvalidValue {
        String s = Values.text(value, "one of " + options);
        if (!options.contains(s)) throw new InvalidValue("not_an_option", "must be one of " + options);
        return value;
    }

    @Override
    public void writeOptions(ObjectNode field) {
        options.forEach(field.putArray("options")::add);
    }
}
