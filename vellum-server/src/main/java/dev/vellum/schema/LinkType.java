package dev.vellum.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.vellum.storage.Dialect.ColumnKind;

/** An absolute http(s) URL. */
public record LinkType() implements FieldType {
    @Override public String name() { return "link"; }
    @Override public ColumnKind column() { return ColumnKind.TEXT; }

    @Override
    public JsonNode normalize(JsonNode value) throws InvalidValue {
        return TextNode.valueOf(Urls.requireUrl(Values.text(value, "an absolute URL string"), false));
    }

    @Override public void writeOptions(ObjectNode field) {}
}
