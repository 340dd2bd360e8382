package dev.vellum.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.richtext.Document;
import dev.vellum.richtext.RichText;
import dev.vellum.richtext.RichTextException;
import dev.vellum.schema.ArrayType;
import dev.vellum.schema.CollectionSchema;
import dev.vellum.schema.Field;
import dev.vellum.schema.RichTextType;

/** The JSON form of an entry, as the API returns it. */
public final class EntryJson {
    private EntryJson() {}

    public static ObjectNode render(Entry e, CollectionSchema c, RichTextFormat format) {
        return render(e, c, format, AssetSources.NONE);
    }

    /** With {@code sources}, rich text rendered as HTML or Markdown shows asset images at their URLs. */
    static ObjectNode render(Entry e, CollectionSchema c, RichTextFormat format, AssetSources sources) {
        ObjectNode out = attributes(e);
        ObjectNode fields = out.putObject("fields");
        for (Field f : c.fields()) {
            JsonNode v = e.fields().get(f.id());
            if (v == null) continue; // not projected
            fields.set(f.id(), value(f, v, format, sources));
        }
        return out;
    }

    /**
     * The change-log data of an entry whose {@code fields} object is serialised already, as JSON text: the text that
     * {@link #render(Entry, CollectionSchema, RichTextFormat) render} in JSON format serialises to, written by a streaming generator without a tree (on the one writer
     * of a group commit, per entry of a batch).
     */
    static JsonNode changeData(Entry e, String fieldsJson) {
        var out = new java.io.StringWriter(fieldsJson.length() + 200);
        try (var g = EntryStream.JSON.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("id", e.id());
            g.writeStringField("slug", e.slug());
            g.writeBooleanField("draft", e.draft());
            g.writeNumberField("version", e.version());
            g.writeStringField("created_at", e.createdAt());
            g.writeStringField("updated_at", e.updatedAt());
            if (e.publishAt() != null) g.writeStringField("publish_at", e.publishAt());
            g.writeFieldName("fields");
            g.writeRawValue(fieldsJson);
            g.writeEndObject();
        } catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
        return dev.vellum.changes.Change.serialised(out.toString());
    }

    private static ObjectNode attributes(Entry e) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("id", e.id());
        out.put("slug", e.slug());
        out.put("draft", e.draft());
        out.put("version", e.version());
        out.put("created_at", e.createdAt());
        out.put("updated_at", e.updatedAt());
        if (e.publishAt() != null) out.put("publish_at", e.publishAt());
        return out;
    }

    /** A stored value as the API shows it in {@code format} (rich text converted; everything else as stored). */
    static JsonNode value(Field f, JsonNode v, RichTextFormat format, AssetSources sources) {
        if (format == RichTextFormat.JSON || v.isNull()) return v;
        if (f.type() instanceof RichTextType) return richText(RichTextAssets.withSources(v, sources), format);
        if (f.type() instanceof ArrayType a && a.of() instanceof RichTextType) {
            var arr = JsonNodeFactory.instance.arrayNode();
            RichTextAssets.withSources(v, sources).forEach(item -> arr.add(richText(item, format)));
            return arr;
        }
        return v;
    }

    private static JsonNode richText(JsonNode stored, RichTextFormat format) {
        try {
            Document doc = RichText.fromJson(stored);
            return switch (format) {
                case HTML -> JsonNodeFactory.instance.objectNode().put("html", RichText.toHtml(doc));
                case MARKDOWN -> JsonNodeFactory.instance.objectNode().put("markdown", RichText.toMarkdown(doc));
                case JSON -> stored;
            };
        } catch (RichTextException ex) {
            return stored; // stored documents are valid; keep the JSON rather than fail a read
        }
    }
}
