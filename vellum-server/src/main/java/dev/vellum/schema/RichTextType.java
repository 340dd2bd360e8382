package dev.vellum.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.richtext.RichText;
import dev.vellum.richtext.RichTextException;
import dev.vellum.storage.Dialect.ColumnKind;

/** A rich-text document; accepts the document JSON, {@code {"html": …}} or {@code {"markdown": …}}. */
public record RichTextType() implements FieldType {
    @Override public String name() { return "rich_text"; }
    @Override public ColumnKind column() { return ColumnKind.JSON; }

    @Override
    public JsonNode normalize(JsonNode value) throws InvalidValue {
        if (value.isTextual()) throw new InvalidValue("type_mismatch",
                "must be a rich-text document, {\"html\": …} or {\"markdown\": …}");
        try {
            return RichText.toJson(RichText.read(value));
        } catch (RichTextException e) {
            throw new InvalidValue("invalid_rich_text", e.getMessage());
        }
    }

    @Override public void writeOptions(ObjectNode field) {}
}
