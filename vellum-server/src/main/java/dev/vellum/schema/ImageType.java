package dev.vellum.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.storage.Dialect.ColumnKind;
import java.util.Set;

/**
 * {@code {"url", "alt"?, "width"?, "height"?}}; a bare URL string is accepted; or {@code {"asset": "<id>", "alt"?}}, an
 * uploaded asset, stored as its id (reads add its URL and metadata).
 */
public record ImageType() implements FieldType {
    private static final Set<String> KEYS = Set.of("url", "alt", "width", "height", "asset");

    @Override public String name() { return "image"; }
    @Override public ColumnKind column() { return ColumnKind.JSON; }

    @Override
    public JsonNode normalize(JsonNode value) throws InvalidValue {
        ObjectNode asset = Values.assetObject(value, "an image");
        ObjectNode out = asset != null ? asset : Values.urlObject(value, "an image");
        if (value.isObject()) {
            Values.rejectUnknownKeys(value, KEYS);
            Values.optionalText(value, out, "alt");
            Values.optionalCount(value, out, "width");
            Values.optionalCount(value, out, "height");
        }
        return out;
    }

    @Override public void writeOptions(ObjectNode field) {}
}
