package dev.vellum.richtext.markdown;

import dev.vellum.richtext.Block;
import dev.vellum.richtext.Inline;
import dev.vellum.richtext.Mark;
import dev.vellum.richtext.html.HtmlWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Inline content as Markdown. Marks are first written in Markdown syntax ({@code **}, {@code *},
 * {@code ~~}, backticks, {@code [..](..)}; underline has none, so {@code <u>}). Emphasis delimiters
 * only work when they flank their text (no {@code **a **b}), so the result is read back, and if it
 * does not give the same content, the marks are written as inline HTML tags instead, which always
 * read back exactly. Text is escaped either way.
 */
final class MarkdownInlineWriter {

    /** Where the inline content stands; each has its own line rules and read-back check. */
    enum Place { PARAGRAPH, HEADING, TABLE_CELL }

    private MarkdownInlineWriter() {}

    static String write(List<Inline> content, Place place) {
        String markdown = render(content, place, false);
        boolean marked = content.stream().anyMatch(node -> node instanceof Inline.Text text && !text.marks().isEmpty());
        if (marked && !content.equals(readBack(markdown, place))) {
            return render(content, place, true);
        }
        return markdown;
    }

    private static String render(List<Inline> content, Place place, boolean tags) {
        StringBuilder out = new StringBuilder();
        List<Mark> open = new ArrayList<>();
        boolean lineStart = place != Place.TABLE_CELL;
        for (Inline node : content) {
            switch (node) {
                case Inline.HardBreak b -> {
                    close(open, 0, out, tags);
                    out.append(place == Place.TABLE_CELL ? "<br>" : "\\\n");
                    lineStart = place != Place.TABLE_CELL;
                }
                case Inline.Text t -> {
                    boolean codeSpan = !tags && t.has(Mark.Code.class);
                    List<Mark> marks = codeSpan ? t.marks().subList(0, t.marks().size() - 1) : t.marks();
                    int keep = Mark.sharedPrefix(open, marks);
                    close(open, keep, out, tags);
                    for (Mark mark : marks.subList(keep, marks.size())) {
                        out.append(tags ? HtmlWriter.openTag(mark) : opening(mark));
                        open.add(mark);
                        lineStart = false;
                    }
                    out.append(codeSpan ? codeSpan(t.text()) : MarkdownEscaper.text(t.text(), lineStart, place != Place.TABLE_CELL));
                    lineStart = false;
                }
            }
        }
        close(open, 0, out, tags);
        String markdown = out.toString();
        return switch (place) {
            case PARAGRAPH -> markdown;
            case HEADING -> escapeClosingHashes(markdown);
            // The table parser splits cells before inline parsing and turns every \| into |.
            case TABLE_CELL -> markdown.replace("|", "\\|");
        };
    }

    private static void close(List<Mark> open, int size, StringBuilder out, boolean tags) {
        while (open.size() > size) {
            Mark mark = open.removeLast();
            out.append(tags ? HtmlWriter.closeTag(mark) : closing(mark));
        }
    }

    private static String opening(Mark mark) {
        return switch (mark) {
            case Mark.Link l -> "[";
            case Mark.Bold b -> "**";
            case Mark.Italic i -> "*";
            case Mark.Underline u -> "<u>";
            case Mark.Strike s -> "~~";
            case Mark.Code c -> "`"; // not reached: code is written as a span
        };
    }

    private static String closing(Mark mark) {
        return switch (mark) {
            case Mark.Link(String href, String title) -> "](" + MarkdownEscaper.destination(href)
                    + (title == null ? "" : " " + MarkdownEscaper.title(title)) + ")";
            case Mark.Underline u -> "</u>";
            default -> opening(mark);
        };
    }

    /** A code span: the fence is one backtick longer than any run inside; padded where CommonMark strips. */
    static String codeSpan(String code) {
        String fence = "`".repeat(MarkdownEscaper.longestRun(code, '`') + 1);
        boolean pad = code.startsWith("`") || code.endsWith("`")
                || (code.startsWith(" ") && code.endsWith(" ") && !code.isBlank());
        return pad ? fence + " " + code + " " + fence : fence + code + fence;
    }

    /** A final run of {@code #} after a space would be taken as the closing sequence of an ATX heading. */
    private static String escapeClosingHashes(String markdown) {
        int start = markdown.length();
        while (start > 0 && markdown.charAt(start - 1) == '#') {
            start--;
        }
        boolean closing = start < markdown.length() && (start == 0 || markdown.charAt(start - 1) == ' ');
        return closing ? markdown.substring(0, start) + "\\" + markdown.substring(start) : markdown;
    }

    private static List<Inline> readBack(String markdown, Place place) {
        String source = switch (place) {
            case PARAGRAPH -> markdown;
            case HEADING -> "# " + markdown;
            case TABLE_CELL -> "| " + markdown + " |\n| --- |";
        };
        List<Block> blocks = MarkdownReader.read(source).document().content();
        if (blocks.size() != 1) {
            return null;
        }
        return switch (blocks.getFirst()) {
            case Block.Paragraph p -> p.content();
            case Block.Heading h -> h.content();
            case Block.Table t when t.rows().size() == 1 && t.rows().getFirst().cells().size() == 1 -> t.rows().getFirst().cells().getFirst().content();
            default -> null;
        };
    }
}
