package dev.vellum.richtext;

import java.util.List;
import java.util.Objects;

/** Inline content of paragraphs, headings, table cells and image captions. */
public sealed interface Inline {

    /** A run of text; {@code marks} is a set in canonical order (see {@link Mark}). */
    record Text(String text, List<Mark> marks) implements Inline {
        public Text {
            Objects.requireNonNull(text, "text");
            marks = Mark.canonical(marks);
        }

        public Text(String text, Mark... marks) {
            this(text, List.of(marks));
        }

        public boolean has(Class<? extends Mark> type) {
            return marks.stream().anyMatch(type::isInstance);
        }
    }

    /** A line break inside a block ({@code <br>}). */
    record HardBreak() implements Inline {}

    HardBreak HARD_BREAK = new HardBreak();
}
