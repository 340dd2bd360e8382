package dev.vellum.richtext.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.richtext.Block;
import dev.vellum.richtext.Document;
import dev.vellum.richtext.Inline;
import dev.vellum.richtext.ListItem;
import dev.vellum.richtext.Mark;
import dev.vellum.richtext.TableCell;
import dev.vellum.richtext.TableRow;
import java.util.List;

/** Writes the versioned JSON form documented in docs/richtext.md. */
public final class DocumentJsonWriter {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private DocumentJsonWriter() {}

    public static ObjectNode write(Document document) {
        ObjectNode doc = JSON.objectNode();
        doc.put("type", "doc");
        doc.put("version", Document.VERSION);
        ArrayNode content = doc.putArray("content");
        document.content().forEach(block -> content.add(block(block)));
        return doc;
    }

    private static ObjectNode block(Block block) {
        ObjectNode node = JSON.objectNode();
        node.put("type", block.type());
        switch (block) {
            case Block.Paragraph p -> inlines(node, "content", p.content());
            case Block.Heading h -> {
                node.putObject("attrs").put("level", h.level());
                inlines(node, "content", h.content());
            }
            case Block.BulletList l -> items(node, l.items());
            case Block.OrderedList l -> {
                node.putObject("attrs").put("start", l.start());
                items(node, l.items());
            }
            case Block.Blockquote q -> {
                ArrayNode content = node.putArray("content");
                q.content().forEach(child -> content.add(block(child)));
            }
            case Block.CodeBlock c -> {
                if (c.language() != null) {
                    node.putObject("attrs").put("language", c.language());
                }
                inlines(node, "content", List.of(new Inline.Text(c.code())));
            }
            case Block.HorizontalRule r -> { }
            case Block.Image i -> {
                ObjectNode attrs = node.putObject("attrs");
                if (i.asset() != null) {
                    attrs.put("asset", i.asset());
                    if (i.variant() != null) {
                        attrs.put("variant", i.variant());
                    }
                }
                if (i.src() != null) {
                    attrs.put("src", i.src());
                }
                attrs.put("alt", i.alt());
                if (i.link() != null) {
                    attrs.put("link", i.link());
                }
                if (!i.caption().isEmpty()) {
                    inlines(node, "caption", i.caption());
                }
            }
            case Block.Table t -> {
                ArrayNode rows = node.putArray("content");
                t.rows().forEach(row -> rows.add(row(row)));
            }
            case Block.Embed e -> node.putObject("attrs").put("url", e.url());
        }
        return node;
    }

    private static void items(ObjectNode list, List<ListItem> items) {
        ArrayNode content = list.putArray("content");
        for (ListItem item : items) {
            ObjectNode node = content.addObject().put("type", "listItem");
            ArrayNode blocks = node.putArray("content");
            item.content().forEach(child -> blocks.add(block(child)));
        }
    }

    private static ObjectNode row(TableRow row) {
        ObjectNode node = JSON.objectNode().put("type", "tableRow");
        ArrayNode cells = node.putArray("content");
        for (TableCell cell : row.cells()) {
            ObjectNode cellNode = cells.addObject().put("type", cell.header() ? "tableHeader" : "tableCell");
            inlines(cellNode, "content", cell.content());
        }
        return node;
    }

    private static void inlines(ObjectNode owner, String name, List<Inline> content) {
        ArrayNode array = owner.putArray(name);
        for (Inline inline : content) {
            switch (inline) {
                case Inline.Text t -> {
                    ObjectNode text = array.addObject().put("type", "text").put("text", t.text());
                    if (!t.marks().isEmpty()) {
                        ArrayNode marks = text.putArray("marks");
                        t.marks().forEach(mark -> marks.add(mark(mark)));
                    }
                }
                case Inline.HardBreak b -> array.addObject().put("type", "hardBreak");
            }
        }
    }

    private static ObjectNode mark(Mark mark) {
        ObjectNode node = JSON.objectNode().put("type", mark.type());
        if (mark instanceof Mark.Link(String href, String title)) {
            ObjectNode attrs = node.putObject("attrs").put("href", href);
            if (title != null) {
                attrs.put("title", title);
            }
        }
        return node;
    }
}
