package dev.vellum.richtext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Placeholder until the rich-text model lands (issue 4): accepts documents only. */
public final class RichText {
    private RichText() {}

    public static Document read(JsonNode input) throws RichTextException {
        if (input.isObject() && "doc".equals(input.path("type").asText())) return new Document((ObjectNode) input);
        throw new RichTextException("must be a rich-text document {\"type\": \"doc\", …}");
    }

    public static ObjectNode toJson(Document doc) { return doc.json(); }

    public static Document fromJson(JsonNode json) throws RichTextException { return read(json); }

    public static String toHtml(Document doc) { return ""; }

    public static String toMarkdown(Document doc) { return ""; }
}
