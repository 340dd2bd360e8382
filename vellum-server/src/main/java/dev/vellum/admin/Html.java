package dev.vellum.admin;

import dev.vellum.richtext.html.HtmlEscaper;

/**
 * A small HTML writer: every text and attribute value goes through {@link #esc}, so a page cannot be
 * broken out of by content. {@link #raw} is only for markup this package produced itself.
 */
final class Html {
    private final StringBuilder out = new StringBuilder(8192);

    static String esc(String s) {
        return s == null ? "" : HtmlEscaper.attribute(s); // attribute escaping is safe in text too
    }

    /** An opening tag; {@code attrs} are name/value pairs; a null value leaves the attribute out, "" writes it bare. */
    Html open(String tag, String... attrs) {
        out.append('<').append(tag);
        for (int i = 0; i + 1 < attrs.length; i += 2) {
            String v = attrs[i + 1];
            if (v == null) continue;
            out.append(' ').append(attrs[i]);
            if (!v.isEmpty() || !attrs[i].matches("[a-z]+")) out.append("=\"").append(esc(v)).append('"');
        }
        out.append('>');
        return this;
    }

    Html close(String tag) {
        out.append("</").append(tag).append('>');
        return this;
    }

    /** An element with text content. */
    Html el(String tag, Object text, String... attrs) {
        return open(tag, attrs).text(text).close(tag);
    }

    Html text(Object s) {
        out.append(esc(s == null ? "" : s.toString()));
        return this;
    }

    Html raw(String markup) {
        out.append(markup);
        return this;
    }

    /** A labelled input: the label names it for assistive technology; {@code attrs} go on the input. */
    Html field(String label, String id, String help, String error, String... attrs) {
        open("div", "class", error == null ? "field" : "field invalid");
        el("label", label, "for", id);
        String described = ((help == null ? "" : id + "-help ") + (error == null ? "" : id + "-error")).strip();
        String[] all = java.util.Arrays.copyOf(attrs, attrs.length + 6);
        System.arraycopy(new String[] {"id", id, "aria-describedby", described.isEmpty() ? null : described,
                "aria-invalid", error == null ? null : "true"}, 0, all, attrs.length, 6);
        open("input", all);
        hints(id, help, error);
        return close("div");
    }

    /** The help text and error message under a control, ids matching its aria-describedby. */
    Html hints(String id, String help, String error) {
        if (help != null) el("p", help, "class", "help", "id", id + "-help");
        if (error != null) el("p", error, "class", "error", "id", id + "-error", "role", "alert");
        return this;
    }

    Html hidden(String name, String value) {
        return open("input", "type", "hidden", "name", name, "value", value);
    }

    Html button(String label, String... attrs) {
        return el("button", label, attrs);
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
