package dev.vellum.richtext;

import dev.vellum.richtext.Inline.HardBreak;
import dev.vellum.richtext.Inline.Text;
import java.util.ArrayList;
import java.util.List;

/**
 * Canonical inline content. Whitespace follows HTML rendering, so that HTML, Markdown and JSON agree
 * on what a run of text is: runs of space, tab, newline, carriage return and form feed become one
 * space (also across node boundaries), none at the start or end of the content or next to a hard
 * break; other control characters and unpaired surrogates are removed; empty text nodes are dropped,
 * neighbours with equal marks merged, and hard breaks at the start or end removed.
 */
public final class InlineNormalizer {

    private InlineNormalizer() {}

    public static List<Inline> normalize(List<Inline> content) {
        List<Inline> out = new ArrayList<>(content.size());
        boolean afterSpace = true;
        for (Inline node : content) {
            switch (node) {
                case HardBreak hardBreak -> {
                    trimTrailingSpace(out);
                    out.add(hardBreak);
                    afterSpace = true;
                }
                case Text text -> {
                    String collapsed = collapse(text.text(), afterSpace);
                    if (!collapsed.isEmpty()) {
                        afterSpace = collapsed.charAt(collapsed.length() - 1) == ' ';
                        append(out, new Text(collapsed, canonicalMarks(text.marks())));
                    }
                }
            }
        }
        trimTrailingSpace(out);
        while (!out.isEmpty() && out.getFirst() instanceof HardBreak) {
            out.removeFirst();
        }
        while (!out.isEmpty() && out.getLast() instanceof HardBreak) {
            out.removeLast();
        }
        return List.copyOf(out);
    }

    /** One line of plain text (alt text, titles): collapsed and trimmed. */
    public static String line(String text) {
        return collapse(text, true).stripTrailing();
    }

    /** True when normalisation would reduce {@code text} to nothing (only whitespace and controls). */
    public static boolean isBlank(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair || (!isSpace(c) && !isControl(c) && !Character.isSurrogate(c))) {
                return false;
            }
        }
        return true;
    }

    /** HTML whitespace: what collapses into one space. */
    public static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }

    /** Control characters other than whitespace, which no format here can carry faithfully. */
    static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f);
    }

    private static String collapse(String text, boolean afterSpace) {
        if (isCollapsed(text, afterSpace)) {
            return text; // most text needs nothing: no allocation
        }
        char[] out = new char[text.length()];
        int length = 0;
        boolean lastSpace = afterSpace;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isSpace(c)) {
                if (!lastSpace) {
                    out[length++] = ' ';
                    lastSpace = true;
                }
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out[length++] = c;
                out[length++] = text.charAt(++i);
                lastSpace = false;
            } else if (!isControl(c) && !Character.isSurrogate(c)) {
                out[length++] = c;
                lastSpace = false;
            }
        }
        return new String(out, 0, length);
    }

    private static boolean isCollapsed(String text, boolean afterSpace) {
        boolean lastSpace = afterSpace;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ') {
                if (lastSpace) {
                    return false;
                }
                lastSpace = true;
            } else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || Character.isSurrogate(c)) {
                return false;
            } else {
                lastSpace = false;
            }
        }
        return true;
    }

    private static List<Mark> canonicalMarks(List<Mark> marks) {
        List<Mark> out = new ArrayList<>(marks.size());
        for (Mark mark : marks) {
            out.add(mark instanceof Mark.Link(String href, String title) && title != null
                    ? new Mark.Link(href, emptyToNull(line(title)))
                    : mark);
        }
        return out;
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }

    private static void append(List<Inline> out, Text text) {
        if (!out.isEmpty() && out.getLast() instanceof Text last && last.marks().equals(text.marks())) {
            out.set(out.size() - 1, new Text(last.text() + text.text(), last.marks()));
        } else {
            out.add(text);
        }
    }

    private static void trimTrailingSpace(List<Inline> out) {
        if (!out.isEmpty() && out.getLast() instanceof Text last && last.text().endsWith(" ")) {
            String trimmed = last.text().substring(0, last.text().length() - 1);
            if (trimmed.isEmpty()) {
                out.removeLast();
            } else {
                out.set(out.size() - 1, new Text(trimmed, last.marks()));
            }
        }
    }
}
