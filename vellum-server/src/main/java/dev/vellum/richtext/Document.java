package dev.vellum.richtext;

import java.util.List;

/**
 * The root of a rich-text document. Two documents read from any format are equal as records exactly
 * when they are the same content, because every reader returns the canonical form
 * ({@link DocumentNormalizer}).
 */
public record Document(List<Block> content) {
    /** Version of the JSON form written by {@link RichText#toJson}; readers accept only this one. */
    public static final int VERSION = 1;

    public Document {
        content = List.copyOf(content);
    }

    public Document(Block... content) {
        this(List.of(content));
    }

    public static Document empty() {
        return new Document(List.of());
    }
}
