package dev.vellum.richtext;

/** Bounds that keep hostile input from exhausting the stack, memory or time. See docs/richtext.md. */
public final class Limits {
    /** Deepest nesting of lists and blockquotes; JSON deeper is refused, HTML/Markdown deeper is flattened. */
    public static final int MAX_DEPTH = 64;

    /** Longest HTML or Markdown input, in chars; {@link RichText#read} refuses more, the converters truncate. */
    public static final int MAX_INPUT_CHARS = 2_000_000;

    /** Deepest HTML element nesting the reader walks; deeper subtrees keep only their text. */
    public static final int MAX_HTML_DEPTH = 256;

    private Limits() {}
}
