package dev.vellum.richtext.html;

import dev.vellum.richtext.Mark;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Marks expressed by inline styles, as pasted from word processors (Google Docs writes
 * {@code <span style="font-weight:700">}, and wraps everything in {@code <b style="font-weight:normal">}).
 * The styles themselves are never kept.
 */
final class StyleMarks {

    private StyleMarks() {}

    static List<Mark> apply(String style, List<Mark> marks) {
        if (style.isEmpty()) {
            return marks;
        }
        List<Mark> out = new ArrayList<>(marks);
        for (String declaration : style.toLowerCase(Locale.ROOT).split(";")) {
            int colon = declaration.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String property = declaration.substring(0, colon).strip();
            String value = declaration.substring(colon + 1).replace("!important", "").strip();
            switch (property) {
                case "font-weight" -> set(out, Mark.BOLD, switch (value) {
                    case "bold", "bolder", "600", "700", "800", "900" -> Boolean.TRUE;
                    case "normal", "lighter", "100", "200", "300", "400", "500" -> Boolean.FALSE;
                    default -> null;
                });
                case "font-style" -> set(out, Mark.ITALIC, switch (value) {
                    case "italic", "oblique" -> Boolean.TRUE;
                    case "normal" -> Boolean.FALSE;
                    default -> null;
                });
                case "text-decoration", "text-decoration-line" -> {
                    if (value.contains("underline")) {
                        set(out, Mark.UNDERLINE, true);
                    }
                    if (value.contains("line-through")) {
                        set(out, Mark.STRIKE, true);
                    }
                    if (value.equals("none")) {
                        set(out, Mark.UNDERLINE, false);
                        set(out, Mark.STRIKE, false);
                    }
                }
                default -> { }
            }
        }
        return Mark.canonical(out);
    }

    private static void set(List<Mark> marks, Mark mark, Boolean on) {
        if (on == null) {
            return;
        }
        marks.remove(mark);
        if (on) {
            marks.add(mark);
        }
    }
}
