package dev.vellum.richtext.markdown;

import dev.vellum.richtext.Block;
import dev.vellum.richtext.Document;
import dev.vellum.richtext.Inline;
import dev.vellum.richtext.ListItem;
import dev.vellum.richtext.TableCell;
import dev.vellum.richtext.TableRow;
import dev.vellum.richtext.html.HtmlWriter;
import dev.vellum.richtext.markdown.MarkdownInlineWriter.Place;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes CommonMark with GFM tables that {@link MarkdownReader} reads back to the same document.
 * What Markdown cannot express is written as an HTML block in the writer's own HTML: images with a
 * caption ({@code <figure>}), embeds ({@code <figure class="embed">}), headings with line breaks, and
 * tables whose shape GFM cannot hold (no single header row first, header cells elsewhere, ragged rows).
 */
public final class MarkdownWriter {

    private MarkdownWriter() {}

    public static String write(Document document) {
        String markdown = blocks(document.content(), false, 0);
        return markdown.isEmpty() ? "" : markdown + "\n";
    }

    /** @param depth how many bullet lists enclose these blocks */
    private static String blocks(List<Block> blocks, boolean inItem, int depth) {
        StringBuilder out = new StringBuilder();
        Block previous = null;
        boolean alternate = false;
        for (Block block : blocks) {
            // Two lists of the same kind in a row would merge; a different marker keeps them apart.
            alternate = previous != null && previous.getClass() == block.getClass() && !alternate;
            if (previous != null) {
                out.append(inItem && interruptsParagraph(previous, block) ? "\n" : "\n\n");
            }
            out.append(block(block, alternate, depth));
            previous = block;
        }
        return out.toString();
    }

    /**
     * In a list item, a list right under a paragraph ({@code - one} / {@code   - two}) reads best without a blank line,
     * which CommonMark allows when the list starts with a non-empty item, and for ordered lists at 1.
     */
    private static boolean interruptsParagraph(Block previous, Block block) {
        if (!(previous instanceof Block.Paragraph)) {
            return false;
        }
        return switch (block) {
            case Block.BulletList l -> !l.items().getFirst().content().isEmpty();
            case Block.OrderedList l -> l.start() == 1 && !l.items().getFirst().content().isEmpty();
            default -> false;
        };
    }

    private static String block(Block block, boolean alternate, int depth) {
        return switch (block) {
            case Block.Paragraph p -> MarkdownInlineWriter.write(p.content(), Place.PARAGRAPH);
            case Block.Heading h -> h.content().contains(Inline.HARD_BREAK)
                    ? HtmlWriter.block(h)
                    : "#".repeat(h.level()) + " " + MarkdownInlineWriter.write(h.content(), Place.HEADING);
            // Bullets alternate with depth too, so "- - -" (nested empty items) never reads as a rule.
            case Block.BulletList l -> list(l.items(), i -> (alternate == (depth % 2 == 0)) ? "+ " : "- ", depth + 1);
            case Block.OrderedList l -> list(l.items(), i -> Math.min(Block.OrderedList.MAX_START, (long) l.start() + i)
                    + (alternate ? ") " : ". "), depth);
            case Block.Blockquote q -> prefixLines(blocks(q.content(), false, depth), "> ", "> ", ">");
            case Block.CodeBlock c -> codeBlock(c);
            case Block.HorizontalRule r -> "***";
            case Block.Image i -> i.caption().isEmpty() ? image(i) : HtmlWriter.block(i);
            case Block.Table t -> isGfm(t) ? table(t) : HtmlWriter.block(t);
            case Block.Embed e -> HtmlWriter.block(e);
        };
    }

    private interface Marker {
        String at(int index);
    }

    private static String list(List<ListItem> items, Marker marker, int depth) {
        List<String> rendered = new ArrayList<>(items.size());
        boolean loose = false;
        for (int i = 0; i < items.size(); i++) {
            String m = marker.at(i);
            String content = blocks(items.get(i).content(), true, depth);
            loose |= content.contains("\n\n");
            rendered.add(content.isEmpty() ? m.stripTrailing() : prefixLines(content, m, " ".repeat(m.length()), ""));
        }
        return String.join(loose ? "\n\n" : "\n", rendered);
    }

    /** Prefixes the first line with {@code first}, later lines with {@code rest}, and blank lines with {@code blank}. */
    private static String prefixLines(String text, String first, String rest, String blank) {
        String[] lines = text.split("\n", -1);
        StringBuilder out = new StringBuilder(text.length() + lines.length * rest.length());
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append('\n');
            }
            if (i == 0) {
                out.append(lines[i].isEmpty() ? first.stripTrailing() : first + lines[i]);
            } else {
                out.append(lines[i].isEmpty() ? blank : rest + lines[i]);
            }
        }
        return out.toString();
    }

    private static String codeBlock(Block.CodeBlock code) {
        String fence = "`".repeat(Math.max(3, MarkdownEscaper.longestRun(code.code(), '`') + 1));
        return fence + (code.language() == null ? "" : code.language()) + "\n" + code.code() + "\n" + fence;
    }

    private static String image(Block.Image image) {
        String markdown = "![" + MarkdownEscaper.text(image.alt(), false, true) + "]("
                + (image.src() == null ? "" : MarkdownEscaper.destination(image.src())) + ")";
        return image.link() == null ? markdown : "[" + markdown + "](" + MarkdownEscaper.destination(image.link()) + ")";
    }

    /** GFM holds one header row, first, then data rows, all of the same width. */
    private static boolean isGfm(Block.Table table) {
        List<TableRow> rows = table.rows();
        int width = rows.getFirst().cells().size();
        for (int r = 0; r < rows.size(); r++) {
            TableRow row = rows.get(r);
            if (row.cells().size() != width) {
                return false;
            }
            for (TableCell cell : row.cells()) {
                if (cell.header() != (r == 0)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String table(Block.Table table) {
        List<String> lines = new ArrayList<>();
        for (int r = 0; r < table.rows().size(); r++) {
            List<TableCell> cells = table.rows().get(r).cells();
            lines.add(row(cells.stream().map(cell -> MarkdownInlineWriter.write(cell.content(), Place.TABLE_CELL)).toList()));
            if (r == 0) {
                lines.add(row(cells.stream().map(cell -> "---").toList()));
            }
        }
        return String.join("\n", lines);
    }

    private static String row(List<String> cells) {
        return "| " + String.join(" | ", cells) + " |";
    }
}
