package dev.vellum.richtext.html;

import dev.vellum.richtext.Mark;
import java.util.List;

/**
 * Where the walker is: the sink receiving content, the marks inherited from enclosing elements, how
 * many lists and quotes enclose this point, and how deep in the HTML tree it is.
 */
record Context(Sink sink, List<Mark> marks, int blockDepth, int htmlDepth) {

    Context into(Sink other) {
        return new Context(other, marks, blockDepth, htmlDepth);
    }

    Context withMarks(List<Mark> other) {
        return new Context(sink, other, blockDepth, htmlDepth);
    }

    Context withMark(Mark mark) {
        return withMarks(Mark.with(marks, mark));
    }

    Context deeperBlock() {
        return new Context(sink, marks, blockDepth + 1, htmlDepth);
    }

    Context deeperHtml() {
        return new Context(sink, marks, blockDepth, htmlDepth + 1);
    }

    /** The href of the link mark in effect, or null. */
    String link() {
        for (Mark mark : marks) {
            if (mark instanceof Mark.Link link) {
                return link.href();
            }
        }
        return null;
    }
}
