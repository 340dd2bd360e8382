package dev.vellum.richtext;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A mark on a run of text. The marks of a text node form a set, kept in one canonical order
 * (link, bold, italic, underline, strike, code), which is also the nesting order the writers use:
 * link outermost so one link can span differently styled runs, code innermost because Markdown
 * code spans cannot contain other marks.
 */
public sealed interface Mark {

    record Bold() implements Mark {}

    record Italic() implements Mark {}

    record Underline() implements Mark {}

    record Strike() implements Mark {}

    record Code() implements Mark {}

    /** A hyperlink; {@code title} is null when absent. The href must pass {@link UrlPolicy#LINK}. */
    record Link(String href, String title) implements Mark {
        public Link {
            UrlPolicy.LINK.require(href);
            if (title != null && title.isBlank()) {
                throw new IllegalArgumentException("link title must be null or non-blank");
            }
        }
    }

    Mark BOLD = new Bold();
    Mark ITALIC = new Italic();
    Mark UNDERLINE = new Underline();
    Mark STRIKE = new Strike();
    Mark CODE = new Code();

    /** The name used in the JSON form. */
    default String type() {
        return switch (this) {
            case Link l -> "link";
            case Bold b -> "bold";
            case Italic i -> "italic";
            case Underline u -> "underline";
            case Strike s -> "strike";
            case Code c -> "code";
        };
    }

    /** Position in the canonical order. */
    default int rank() {
        return switch (this) {
            case Link l -> 0;
            case Bold b -> 1;
            case Italic i -> 2;
            case Underline u -> 3;
            case Strike s -> 4;
            case Code c -> 5;
        };
    }

    /** Sorted in canonical order, at most one mark per type (the last one given wins). */
    static List<Mark> canonical(Collection<? extends Mark> marks) {
        if (marks instanceof List<? extends Mark> list && isCanonical(list)) {
            return List.copyOf(list); // the common case, and free for lists that are already immutable
        }
        Mark[] byRank = new Mark[6];
        for (Mark mark : marks) {
            byRank[Objects.requireNonNull(mark).rank()] = mark;
        }
        List<Mark> sorted = new ArrayList<>(marks.size());
        for (Mark mark : byRank) {
            if (mark != null) {
                sorted.add(mark);
            }
        }
        return List.copyOf(sorted);
    }

    private static boolean isCanonical(List<? extends Mark> marks) {
        for (int i = 1; i < marks.size(); i++) {
            if (marks.get(i - 1).rank() >= marks.get(i).rank()) {
                return false;
            }
        }
        return true;
    }

    /** How many leading marks two canonical lists share: marks a writer can leave open between runs. */
    static int sharedPrefix(List<Mark> open, List<Mark> marks) {
        int n = 0;
        while (n < open.size() && n < marks.size() && open.get(n).equals(marks.get(n))) {
            n++;
        }
        return n;
    }

    /** {@code marks} (canonical) with {@code added}, replacing any mark of the same type. */
    static List<Mark> with(List<Mark> marks, Mark added) {
        List<Mark> all = new ArrayList<>(marks);
        all.add(added);
        return canonical(all);
    }
}
