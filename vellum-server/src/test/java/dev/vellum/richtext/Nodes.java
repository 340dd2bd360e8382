package dev.vellum.richtext;

import java.util.List;

/** Short constructors for documents written by hand in tests. */
final class Nodes {

    private Nodes() {}

    static Document doc(Block... blocks) {
        return new Document(blocks);
    }

    static Block.Paragraph p(Inline... content) {
        return new Block.Paragraph(content);
    }

    static Block.Paragraph p(String text) {
        return new Block.Paragraph(t(text));
    }

    static Block.Heading h(int level, Inline... content) {
        return new Block.Heading(level, content);
    }

    static Inline.Text t(String text, Mark... marks) {
        return new Inline.Text(text, marks);
    }

    static Inline br() {
        return Inline.HARD_BREAK;
    }

    static Mark link(String href) {
        return new Mark.Link(href, null);
    }

    static ListItem li(Block... content) {
        return new ListItem(content);
    }

    static ListItem li(String text) {
        return new ListItem(p(text));
    }

    static Block.BulletList ul(ListItem... items) {
        return new Block.BulletList(items);
    }

    static Block.OrderedList ol(int start, ListItem... items) {
        return new Block.OrderedList(start, items);
    }

    static Block.Blockquote quote(Block... content) {
        return new Block.Blockquote(content);
    }

    static Block.CodeBlock code(String language, String code) {
        return new Block.CodeBlock(language, code);
    }

    static Block.Image image(String src, String alt, List<Inline> caption, String link) {
        return new Block.Image(src, alt, caption, link);
    }

    static TableRow row(TableCell... cells) {
        return new TableRow(cells);
    }

    static TableCell th(String text) {
        return TableCell.header(t(text));
    }

    static TableCell td(Inline... content) {
        return TableCell.data(content);
    }

    static TableCell td(String text) {
        return TableCell.data(t(text));
    }
}
