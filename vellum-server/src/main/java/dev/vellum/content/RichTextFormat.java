package dev.vellum.content;

import dev.vellum.error.VellumException;

/** How rich-text fields are returned: the document JSON, {@code {"html": …}} or {@code {"markdown": …}}. */
public enum RichTextFormat {
    JSON, HTML, MARKDOWN;

    public static RichTextFormat parse(String s) {
        if (s == null || s.isEmpty() || s.equals("json")) return JSON;
        if (s.equals("html")) return HTML;
        if (s.equals("markdown")) return MARKDOWN;
        throw new VellumException.BadRequest("invalid_rich_text_format", "rich_text must be json, html or markdown");
    }
}
