package dev.vellum.richtext;

/** Placeholder until the rich-text model lands (issue 4). */
public final class RichTextException extends Exception {
    public RichTextException(String message) { super(message); }
    public String path() { return ""; }
}
