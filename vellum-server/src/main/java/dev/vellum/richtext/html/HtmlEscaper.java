package dev.vellum.richtext.html;

/** Escaping for text and double-quoted attribute values, so text never becomes markup. */
public final class HtmlEscaper {

    private HtmlEscaper() {}

    public static String text(String text) {
        return escape(text, false);
    }

    public static String attribute(String value) {
        return escape(value, true);
    }

    private static String escape(String s, boolean attribute) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> attribute ? "&quot;" : null;
                case '\u00a0' -> "&nbsp;";
                default -> null;
            };
            if (replacement != null && out == null) {
                out = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? s : out.toString();
    }
}
