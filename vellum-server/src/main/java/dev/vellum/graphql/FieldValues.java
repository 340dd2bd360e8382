package dev.vellum.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vellum.content.RichTextFormat;
import dev.vellum.richtext.RichText;
import dev.vellum.richtext.RichTextException;
import java.util.ArrayList;
import java.util.List;

/** Stored JSON values as GraphQL resolvers return them. */
final class FieldValues {
    private FieldValues() {}

    /** Scalars as Java values, arrays as lists, objects kept as JSON nodes (their own fields resolve from them). */
    static Object plain(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) return null;
        if (v.isTextual()) return v.textValue();
        if (v.isBoolean()) return v.booleanValue();
        if (v.isIntegralNumber()) return v.longValue();
        if (v.isNumber()) return v.doubleValue();
        if (v.isArray()) {
            List<Object> out = new ArrayList<>(v.size());
            for (JsonNode item : v) out.add(plain(item));
            return out;
        }
        return v;
    }

    /** A stored rich-text document in the format asked for: the document JSON, or its HTML or Markdown string. */
    static Object richText(JsonNode stored, RichTextFormat format) {
        if (stored == null || stored.isNull()) return null;
        if (format == RichTextFormat.JSON) return stored;
        try {
            var doc = RichText.fromJson(stored);
            return format == RichTextFormat.HTML ? RichText.toHtml(doc) : RichText.toMarkdown(doc);
        } catch (RichTextException e) {
            return stored; // stored documents are valid; keep the JSON rather than fail a read (as REST does)
        }
    }
}
