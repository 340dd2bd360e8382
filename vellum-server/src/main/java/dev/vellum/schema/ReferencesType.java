package dev.vellum.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.storage.Dialect.ColumnKind;
import java.util.HashSet;
import java.util.Set;

/** An ordered list of distinct entry ids in {@code collection}. */
public record ReferencesType(String collection) implements FieldType {
    @Override public String name() { return "references"; }
    @Override public ColumnKind column() { return ColumnKind.JSON; }
    @Override public String targetCollection() { return collection; }

    @Override
    public JsonNode normalize(JsonNode value) throws InvalidValue {
        if (!value.isArray()) throw new InvalidValue("type_mismatch", "must be an array of entry ids");
        Set<String> seen = new HashSet<>();
        ArrayNode out = Values.JSON.arrayNode();
        for (JsonNode item : value) {
            if (!item.isTextual() || !ReferenceType.ID.matcher(item.textValue()).matches()) {
                throw new InvalidValue("invalid_reference", "every item must be an entry id");
            }
            if (seen.add(item.textValue())) out.add(item);
        }
        return out;
    }

    @Override
    public void writeOptions(ObjectNode field) {
        field.put("collection", collection);
    }
}
