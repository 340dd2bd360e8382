package dev.vellum.richtext.html;

import dev.vellum.richtext.Block;
import dev.vellum.richtext.TableCell;
import dev.vellum.richtext.TableRow;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * {@code <table>}: rows from thead, tbody, tfoot or directly, cells with inline content (block
 * content in a cell becomes lines). A caption is kept as a paragraph before the table; spans and
 * alignment are dropped (reported as attributes). A table inside a cell is flattened to lines.
 */
final class TableReader {
    private final HtmlWalker walker;

    TableReader(HtmlWalker walker) {
        this.walker = walker;
    }

    void read(Element table, Context context) {
        switch (context.sink()) {
            case Sink.Blocks blocks -> {
                walker.report.attributes(table, HtmlWalker.NO_ATTRIBUTES);
                List<TableRow> rows = new ArrayList<>();
                for (Element child : table.children()) {
                    switch (child.normalName()) {
                        case "thead", "tbody", "tfoot" -> child.children().forEach(row -> row(row, context, rows));
                        case "tr" -> row(child, context, rows);
                        case "caption" -> walker.block(child, context);
                        case "colgroup", "col" -> { }
                        default -> walker.node(child, context);
                    }
                }
                blocks.block(new Block.Table(rows));
            }
            case Sink.Inlines inlines -> {
                walker.report.element(table);
                walker.block(table, context);
            }
        }
    }

    private void row(Element row, Context context, List<TableRow> rows) {
        if (!row.normalName().equals("tr")) {
            walker.node(row, context);
            return;
        }
        walker.report.attributes(row, HtmlWalker.NO_ATTRIBUTES);
        List<TableCell> cells = new ArrayList<>();
        for (Node node : row.childNodes()) {
            if (node instanceof Element cell && (cell.normalName().equals("td") || cell.normalName().equals("th"))) {
                walker.report.attributes(cell, HtmlWalker.NO_ATTRIBUTES);
                Sink.Inlines content = new Sink.Inlines();
                walker.children(cell, context.into(content).deeperHtml());
                cells.add(new TableCell(cell.normalName().equals("th"), content.content()));
            }
        }
        rows.add(new TableRow(cells));
    }
}
