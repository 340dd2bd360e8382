package dev.vellum.richtext;

import dev.vellum.richtext.Block.Blockquote;
import dev.vellum.richtext.Block.BulletList;
import dev.vellum.richtext.Block.CodeBlock;
import dev.vellum.richtext.Block.Embed;
import dev.vellum.richtext.Block.Heading;
import dev.vellum.richtext.Block.HorizontalRule;
import dev.vellum.richtext.Block.Image;
import dev.vellum.richtext.Block.OrderedList;
import dev.vellum.richtext.Block.Paragraph;
import dev.vellum.richtext.Block.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * The canonical form of a document, so that record equality means "same content". Inline content
 * is normalised by {@link InlineNormalizer}; empty paragraphs, headings, lists, quotes, code blocks,
 * tables and rows are dropped (empty list items and table cells are kept, they hold a place); code
 * keeps its whitespace but uses {@code \n} line ends, has no whitespace on blank lines and no trailing
 * newline. Idempotent.
 */
public final class DocumentNormalizer {

    private DocumentNormalizer() {}

    public static Document normalize(Document document) {
        return new Document(blocks(document.content()));
    }

    public static List<Block> blocks(List<Block> blocks) {
        List<Block> out = new ArrayList<>(blocks.size());
        for (Block block : blocks) {
            Block normal = block(block);
            if (normal != null) {
                out.add(normal);
            }
        }
        return out;
    }

    private static Block block(Block block) {
        return switch (block) {
            case Paragraph p -> nonEmpty(InlineNormalizer.normalize(p.content()), Paragraph::new);
            case Heading h -> nonEmpty(InlineNormalizer.normalize(h.content()), c -> new Heading(h.level(), c));
            case BulletList l -> nonEmpty(items(l.items()), BulletList::new);
            case OrderedList l -> nonEmpty(items(l.items()), items -> new OrderedList(l.start(), items));
            case Blockquote q -> nonEmpty(blocks(q.content()), Blockquote::new);
            case CodeBlock c -> {
                String code = code(c.code());
                yield code.isEmpty() ? null : new CodeBlock(c.language(), code);
            }
            case HorizontalRule r -> r;
            case Image i -> new Image(i.src(), InlineNormalizer.line(i.alt()), InlineNormalizer.normalize(i.caption()), i.link(), i.asset(),
                    i.variant());
            case Table t -> nonEmpty(rows(t.rows()), Table::new);
            case Embed e -> e;
        };
    }

    private static <T> Block nonEmpty(List<T> content, java.util.function.Function<List<T>, Block> make) {
        return content.isEmpty() ? null : make.apply(content);
    }

    private static List<ListItem> items(List<ListItem> items) {
        return items.stream().map(item -> new ListItem(blocks(item.content()))).toList();
    }

    private static List<TableRow> rows(List<TableRow> rows) {
        return rows.stream()
                .filter(row -> !row.cells().isEmpty())
                .map(row -> new TableRow(row.cells().stream()
                        .map(cell -> new TableCell(cell.header(), InlineNormalizer.normalize(cell.content())))
                        .toList()))
                .toList();
    }

    /** Code text: {@code \n} line ends, no control characters but tab, no blank-line whitespace, no trailing newlines. */
    public static String code(String code) {
        StringBuilder out = new StringBuilder(code.length());
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '\r') {
                out.append('\n');
                if (i + 1 < code.length() && code.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (c == '\n' || c == '\t') {
                out.append(c);
            } else if (Character.isHighSurrogate(c) && i + 1 < code.length() && Character.isLowSurrogate(code.charAt(i + 1))) {
                out.append(c).append(code.charAt(++i));
            } else if (!InlineNormalizer.isControl(c) && !Character.isSurrogate(c)) {
                out.append(c);
            }
        }
        return stripBlankLines(out.toString());
    }

    /**
     * Empties lines of only spaces and tabs, and drops trailing line ends: CommonMark cannot keep a
     * whitespace-only line of a fenced block inside a list item, and no reader can see the difference.
     */
    private static String stripBlankLines(String code) {
        StringBuilder out = new StringBuilder(code.length());
        int lineStart = 0;
        boolean blank = true;
        for (int i = 0; i <= code.length(); i++) {
            char c = i < code.length() ? code.charAt(i) : '\n';
            if (c == '\n') {
                if (!blank) {
                    out.append(code, lineStart, i);
                }
                if (i < code.length()) {
                    out.append('\n');
                }
                lineStart = i + 1;
                blank = true;
            } else if (c != ' ' && c != '\t') {
                blank = false;
            }
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == '\n') {
            end--;
        }
        return out.substring(0, end);
    }
}
