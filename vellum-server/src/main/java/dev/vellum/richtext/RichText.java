package dev.vellum.richtext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.richtext.html.HtmlReader;
import dev.vellum.richtext.html.HtmlWriter;
import dev.vellum.richtext.json.DocumentJsonReader;
import dev.vellum.richtext.json.DocumentJsonWriter;
import dev.vellum.richtext.markdown.MarkdownReader;
import dev.vellum.richtext.markdown.MarkdownWriter;
import java.util.Iterator;

/**
 * The rich-text capability: one document model, read from and written to JSON, HTML and Markdown.
 * Every reader returns the canonical form, so {@code read(write(doc)).equals(doc)} for any format.
 * The format, the mappings and the limits are documented in docs/richtext.md.
 */
public final class RichText {

    private RichText() {}

    /** Accepts a document JSON object, {"html": "..."} or {"markdown": "..."}; returns the canonical document. */
    public static Document read(JsonNode input) throws RichTextException {
        if (input == null || !input.isObject()) {
            throw new RichTextException("", "expected a rich-text object: a document {\"type\": \"doc\", …}, {\"html\": \"…\"} or {\"markdown\": \"…\"}");
        }
        if (input.has("type")) {
            return fromJson(input);
        }
        Iterator<String> names = input.fieldNames();
        if (input.size() != 1) {
            throw new RichTextException("", "expected exactly one of \"type\" (a document), \"html\" or \"markdown\"");
        }
        String name = names.next();
        JsonNode value = input.get(name);
        if (!name.equals("html") && !name.equals("markdown")) {
            throw new RichTextException("", "unknown property \"" + name + "\" (expected a document, \"html\" or \"markdown\")");
        }
        if (!value.isTextual()) {
            throw new RichTextException(name, "must be a string");
        }
        String text = value.textValue();
        if (text.length() > Limits.MAX_INPUT_CHARS) {
            throw new RichTextException(name, "longer than " + Limits.MAX_INPUT_CHARS + " characters");
        }
        return name.equals("html") ? fromHtml(text).document() : fromMarkdown(text);
    }

    public static Document fromJson(JsonNode json) throws RichTextException {
        return DocumentJsonReader.read(json);
    }

    public static ObjectNode toJson(Document doc) {
        return DocumentJsonWriter.write(normalize(doc));
    }

    /** Reads and sanitises HTML; input beyond {@link Limits#MAX_INPUT_CHARS} is truncated and reported. */
    public static HtmlConversion fromHtml(String html) {
        return HtmlReader.read(html);
    }

    /** Reads a WordPress post's raw content: shortcodes, auto-embeds, and classic-editor line breaks. */
    public static HtmlConversion fromWordPress(String postContent) {
        return HtmlReader.readWordPress(postContent);
    }

    /** Reads CommonMark + GFM tables and strikethrough; raw HTML in it is sanitised like {@link #fromHtml}. */
    public static Document fromMarkdown(String markdown) {
        return MarkdownReader.read(markdown).document();
    }

    public static String toHtml(Document doc) {
        return HtmlWriter.write(normalize(doc));
    }

    public static String toMarkdown(Document doc) {
        return MarkdownWriter.write(normalize(doc));
    }

    public static String plainText(Document doc) {
        return PlainText.of(normalize(doc));
    }

    /** At most {@code maxChars} chars of plain text, cut on a word boundary, ending in "…" when cut. */
    public static String excerpt(Document doc, int maxChars) {
        return PlainText.excerpt(normalize(doc), maxChars);
    }

    /** The canonical form of a document built in code (readers already return it). */
    public static Document normalize(Document doc) {
        return DocumentNormalizer.normalize(doc);
    }
}
