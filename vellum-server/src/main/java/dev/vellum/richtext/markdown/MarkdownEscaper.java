package dev.vellum.richtext.markdown;

/**
 * Backslash-escaping that keeps text literal when read as CommonMark + GFM. Characters that can
 * start inline syntax are always escaped ({@code _} only where it could open or close emphasis);
 * characters that only mean something at the start of a line ({@code # > - + =}, {@code 1.}) are
 * escaped there.
 */
final class MarkdownEscaper {

    private MarkdownEscaper() {}

    /**
     * @param lineStart whether {@code text} begins a line of a block
     * @param pipes     whether to escape {@code |} here (table cells escape every pipe afterwards instead)
     */
    static String text(String text, boolean lineStart, boolean pipes) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean escape = switch (c) {
                case '\\', '`', '*', '[', ']', '<', '~' -> true;
                case '|' -> pipes;
                case '_' -> !(i > 0 && i + 1 < text.length()
                        && Character.isLetterOrDigit(text.charAt(i - 1)) && Character.isLetterOrDigit(text.charAt(i + 1)));
                case '&' -> i + 1 < text.length() && (text.charAt(i + 1) == '#' || Character.isLetterOrDigit(text.charAt(i + 1)));
                case '#', '>', '-', '+', '=' -> lineStart && i == 0;
                case '.', ')' -> lineStart && isOrderedMarker(text, i);
                default -> false;
            };
            if (escape) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** A {@code .} or {@code )} right after the digits that open a line, as in "1." or "2024)". */
    private static boolean isOrderedMarker(String text, int index) {
        if (index == 0 || index > 9) {
            return false;
        }
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** A link or image destination, in angle brackets when it holds spaces or parentheses. */
    static String destination(String url) {
        StringBuilder out = new StringBuilder(url.length() + 4);
        boolean angle = false;
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == ' ' || c == '(' || c == ')') {
                angle = true;
            }
            if (c == '\\' || c == '&' || c == '<' || c == '>') {
                out.append('\\');
            }
            out.append(c);
        }
        return angle ? "<" + out + ">" : out.toString();
    }

    /** The longest run of {@code c} in {@code text}: a fence must be longer. */
    static int longestRun(String text, char c) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == c ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    static String title(String title) {
        StringBuilder out = new StringBuilder(title.length() + 4).append('"');
        for (int i = 0; i < title.length(); i++) {
            char c = title.charAt(i);
            if (c == '\\' || c == '"' || c == '&') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.append('"').toString();
    }
}
