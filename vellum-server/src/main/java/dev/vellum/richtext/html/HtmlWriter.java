package dev.vellum.richtext.html;

import dev.vellum.richtext.Block;
import dev.vellum.richtext.Document;
import dev.vellum.richtext.Inline;
import dev.vellum.richtext.ListItem;
import dev.vellum.richtext.Mark;
import dev.vellum.richtext.TableCell;
import dev.vellum.richtext.TableRow;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes clean, semantic HTML that {@link HtmlReader} reads back to the same document: only the
 * elements and attributes listed in docs/richtext.md, all text escaped, one block per line.
 */
public final class HtmlWriter {

    private HtmlWriter() {}

    public static String write(Document document) {
        StringBuilder out = new StringBuilder();
        blocks(document.content(), out);
        return out.toString();
    }

    /** One block, on one line unless it is (or contains) a code block. */
    public static String block(Block block) {
        StringBuilder out = new StringBuilder();
        block(block, out);
        return out.toString();
    }

    private static void blocks(List<Block> blocks, StringBuilder out) {
        for (int i = 0; i < blocks.size(); i++) {
            if (i > 0) {
                out.append('\n');
            }
            block(blocks.get(i), out);
        }
    }

    private static void block(Block block, StringBuilder out) {
        switch (block) {
            case Block.Paragraph p -> wrap("p", p.content(), out);
            case Block.Heading h -> wrap("h" + h.level(), h.content(), out);
            case Block.BulletList l -> list("<ul>", "</ul>", l.items(), out);
            case Block.OrderedList l -> list(l.start() == 1 ? "<ol>" : "<ol start=\"" + l.start() + "\">", "</ol>", l.items(), out);
            case Block.Blockquote q -> {
                out.append("<blockquote>");
                blocks(q.content(), out);
                out.append("</blockquote>");
            }
            case Block.CodeBlock c -> {
                out.append("<pre><code");
                if (c.language() != null) {
                    out.append(" class=\"language-").append(HtmlEscaper.attribute(c.language())).append('"');
                }
                out.append('>').append(HtmlEscaper.text(c.code())).append("</code></pre>");
            }
            case Block.HorizontalRule r -> out.append("<hr>");
            case Block.Image i -> image(i, out);
            case Block.Table t -> table(t, out);
            case Block.Embed e -> out.append("<figure class=\"embed\"><a href=\"").append(HtmlEscaper.attribute(e.url()))
                    .append("\">").append(HtmlEscaper.text(e.url())).append("</a></figure>");
        }
    }

    private static void wrap(String tag, List<Inline> content, StringBuilder out) {
        out.append('<').append(tag).append('>');
        inline(content, out);
        out.append("</").append(tag).append('>');
    }

    private static void list(String open, String close, List<ListItem> items, StringBuilder out) {
        out.append(open);
        for (ListItem item : items) {
            out.append("<li>");
            List<Block> content = item.content();
            // A leading paragraph is written bare (<li>text<ul>…), the usual and equivalent form.
            if (!content.isEmpty() && content.getFirst() instanceof Block.Paragraph first) {
                inline(first.content(), out);
                content = content.subList(1, content.size());
            }
            blocks(content, out);
            out.append("</li>");
        }
        out.append(close);
    }

    private static void image(Block.Image image, StringBuilder out) {
        out.append("<figure>");
        if (image.link() != null) {
            out.append("<a href=\"").append(HtmlEscaper.attribute(image.link())).append("\">");
        }
        if (image.src() != null) {
            out.append("<img src=\"").append(HtmlEscaper.attribute(image.src())).append("\" ");
        } else { // an asset image rendered without its URL (the asset is gone, or nothing resolved it)
            out.append("<img data-asset=\"").append(HtmlEscaper.attribute(image.asset())).append("\" ");
        }
        out.append("alt=\"").append(HtmlEscaper.attribute(image.alt())).append("\">");
        if (image.link() != null) {
            out.append("</a>");
        }
        if (!image.caption().isEmpty()) {
            wrap("figcaption", image.caption(), out);
        }
        out.append("</figure>");
    }

    private static void table(Block.Table table, StringBuilder out) {
        out.append("<table>");
        List<TableRow> rows = table.rows();
        boolean head = rows.getFirst().cells().stream().allMatch(TableCell::header);
        if (head) {
            out.append("<thead>");
            row(rows.getFirst(), out);
            out.append("</thead>");
            rows = rows.subList(1, rows.size());
        }
        if (!rows.isEmpty()) {
            out.append("<tbody>");
            rows.forEach(row -> row(row, out));
            out.append("</tbody>");
        }
        out.append("</table>");
    }

    private static void row(TableRow row, StringBuilder out) {
        out.append("<tr>");
        for (TableCell cell : row.cells()) {
            wrap(cell.header() ? "th" : "td", cell.content(), out);
        }
        out.append("</tr>");
    }

    /** Inline content; marks open and close as a stack in canonical order, so links span styled runs. */
    public static void inline(List<Inline> content, StringBuilder out) {
        List<Mark> open = new ArrayList<>();
        for (Inline node : content) {
            switch (node) {
                case Inline.HardBreak b -> {
                    closeTo(open, 0, out);
                    out.append("<br>");
                }
                case Inline.Text t -> {
                    int keep = Mark.sharedPrefix(open, t.marks());
                    closeTo(open, keep, out);
                    for (Mark mark : t.marks().subList(keep, t.marks().size())) {
                        out.append(openTag(mark));
                        open.add(mark);
                    }
                    out.append(HtmlEscaper.text(t.text()));
                }
            }
        }
        closeTo(open, 0, out);
    }

    private static void closeTo(List<Mark> open, int size, StringBuilder out) {
        while (open.size() > size) {
            out.append(closeTag(open.removeLast()));
        }
    }

    /** The opening tag of a mark, as inline HTML (also used by the Markdown writer). */
    public static String openTag(Mark mark) {
        return switch (mark) {
            case Mark.Link(String href, String title) -> "<a href=\"" + HtmlEscaper.attribute(href) + "\""
                    + (title == null ? "" : " title=\"" + HtmlEscaper.attribute(title) + "\"") + ">";
            case Mark.Bold b -> "<strong>";
            case Mark.Italic i -> "<em>";
            case Mark.Underline u -> "<u>";
            case Mark.Strike s -> "<s>";
            case Mark.Code c -> "<code>";
        };
    }

    public static String closeTag(Mark mark) {
        return switch (mark) {
            case Mark.Link l -> "</a>";
            case Mark.Bold b -> "</strong>";
            case Mark.Italic i -> "</em>";
            case Mark.Underline u -> "</u>";
            case Mark.Strike s -> "</s>";
            case Mark.Code c -> "</code>";
        };
    }
}
