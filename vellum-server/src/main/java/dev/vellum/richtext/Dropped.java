package dev.vellum.richtext;

/** One line of a conversion report: something the input had that the document does not keep. */
public record Dropped(Kind kind, String name, int count) {

    public enum Kind {
        /** An element the format cannot represent; its text is kept. */
        ELEMENT,
        /** An element removed with its content (script, style, form controls, ...). */
        ELEMENT_WITH_CONTENT,
        /** An attribute of an element that was kept, such as {@code img[width]} or {@code p[style]}. */
        ATTRIBUTE,
        /** A link, image or embed URL refused by {@link UrlPolicy}. */
        UNSAFE_URL,
        /** A WordPress shortcode with nothing to convert to, such as {@code [gallery]}. */
        SHORTCODE,
        /** Input beyond a {@link Limits} bound, flattened or truncated. */
        LIMIT
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + " " + name + " x" + count;
    }
}
