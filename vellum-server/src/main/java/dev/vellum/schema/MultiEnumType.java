package dev.vellum.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.storage.Dialect.ColumnKind;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A list of distinct values from {@code options}, in the order given (repeats are dropped). */
public record MultiEnumType(List<String> options) implements FieldType {
    public MultiEnumType { options = List.copyOf(options); }

    @Override public String name() { return "multi_enum"; }
    @Override public ColumnKind column() { return ColumnKind.JSON; }

    @Override
    public JsonNode normalize(JsonNode value) throws InvalidValue {
        if (!value.isArray()) throw new InvalidValue("type_mismatch", "must be an array of options " + options);
        Set<String> seen = new LinkedHashSet<>();
        for (JsonNode item : value) {
            if (!item.isTextual() || !options.contains(item.textValue())) {
                throw new InvalidValue("not_an_option", "every item must be one of " + options);
            }
            seen.add(item.textValue());
        }
        ArrayNode out = Values.JSON.arrayNode();
        seen.forEach(out::add);
        return out;
    }

    @Override
    public void writeOptions(ObjectNode field) {
        options.forEach(field.putArray("options")::add);
    }
}
