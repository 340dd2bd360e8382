package dev.vellum.richtext;

/**
 * Input that is not an acceptable rich-text document. {@link #path()} locates the offending node
 * (for example {@code content[2].content[0]}; empty for the whole input), {@link #reason()} says what
 * is wrong, and the message combines both.
 */
public final class RichTextException extends Exception {
    private final String path;
    private final String reason;

    public RichTextException(String path, String reason) {
        super(path.isEmpty() ? reason : path + ": " + reason);
        this.path = path;
        this.reason = reason;
    }

    public String path() {
        return path;
    }

    public String reason() {
        return reason;
    }
}
