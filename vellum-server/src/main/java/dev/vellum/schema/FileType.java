package dev.vellum.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.storage.Dialect.ColumnKind;
import java.util.Set;

/**
 * {@code {"url", "name"?, "size"?, "content_type"?}}; a bare URL string is accepted; or {@code {"asset": "<id>"}}, an
 * uploaded asset, stored as its id (reads add its URL and metadata).
 */
public record FileType() implements FieldType {
    private static final Set<String> KEYS = Set.of("url", "name", "size", "content_type", "asset");

    @Override public String name() { return "file"; }
    @Override public ColumnKind column() { return ColumnKind.JSON; }

    @Override
    public JsonNode normalize(JsonNode value) throws InvalidValue {
        ObjectNode asset = Values.assetObject(value, "a file");
        ObjectNode out = asset != null ? asset : Values.urlObject(value, "a file");
        if (value.isObject()) {
            Values.rejectUnknownKeys(value, KEYS);
            Values.optionalText(value, out, "name");
            Values.optionalCount(value, out, "size");
            Values.optionalText(value, out, "content_type");
        }
        return out;
    }

    @Override public void writeOptions(ObjectNode field) {}
}
