package dev.vellum.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.storage.Dialect.ColumnKind;

/** A list of values of one item type ({@code of}), e.g. a gallery of images or a list of text. */
public record ArrayType(FieldType of, Integer maxItems) implements FieldType {
    @Override public String name() { return "array"; }
    @Override public ColumnKind column() { return ColumnKind.JSON; }

    @Override
    public JsonNode normalize(JsonNode value) throws InvalidValue {
        if (!value.isArray()) throw new InvalidValue("type_mismatch", "must be an array of " + of.name());
        if (maxItems != null && value.size() > maxItems) {
            throw new InvalidValue("too_many_items", "must have at most " + maxItems + " items");
        }
        ArrayNode out = Values.JSON.arrayNode();
        int i = 0;
        for (JsonNode item : value) {
            if (item.isNull()) throw new InvalidValue("null_item", "item " + i + " is null");
            try {
                out.add(of.normalize(item));
            } catch (InvalidValue e) {
                throw new InvalidValue(e.code(), "item " + i + " " + e.getMessage());
            }
            i++;
        }
        return out;
    }

    @Override
    public String targetCollection() {
        return of.targetCollection();
    }

    @Override
    public void writeOptions(ObjectNode field) {
        ObjectNode item = field.putObject("of");
        item.put("type", of.name());
        of.writeOptions(item);
        if (maxItems != null) field.put("max_items", maxItems);
    }
}
