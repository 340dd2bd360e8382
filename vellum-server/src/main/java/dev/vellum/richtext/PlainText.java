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
import dev.vellum.richtext.Inline.HardBreak;
import dev.vellum.richtext.Inline.Text;
import java.util.ArrayList;
import java.util.List;

/**
 * The words of a document, for search and excerpts: one line per paragraph, heading, list item
 * paragraph, code line and table row (cells separated by a tab); image alt text and captions count
 * as text, rules and embeds do not.
 */
public final class PlainText {

    private static final String ELLIPSIS = "…";

    private PlainText() {}

    public static String of(Document document) {
        List<String> lines = new ArrayList<>();
        blocks(document.content(), lines);
        return String.join("\n", lines);
    }

    /**
     * At most {@code maxChars} chars of the text with whitespace collapsed, cut after the last whole
     * word that fits and ended with an ellipsis (counted in {@code maxChars}) when anything was cut.
     */
    public static String excerpt(Document document, int maxChars) {
        if (maxChars < 1) {
            throw new IllegalArgumentException("maxChars must be at least 1, got " + maxChars);
        }
        String text = of(document).replaceAll("\\s+", " ").strip();
        if (text.length() <= maxChars) {
            return text;
        }
        int room = maxChars - ELLIPSIS.length();
        int cut = text.lastIndexOf(' ', room);
        if (cut <= 0) {
            // One word longer than the room: cut inside it, but never inside a surrogate pair.
            cut = room > 0 && Character.isLowSurrogate(text.charAt(room)) ? room - 1 : room;
        }
        String head = text.substring(0, cut).replaceAll("[\\s,;:]+$", "");
        return head + ELLIPSIS;
    }

    private static void blocks(List<Block> blocks, List<String> lines) {
        for (Block block : blocks) {
            switch (block) {
                case Paragraph p -> addInline(p.content(), lines);
                case Heading h -> addInline(h.content(), lines);
                case BulletList l -> l.items().forEach(item -> blocks(item.content(), lines));
                case OrderedList l -> l.items().forEach(item -> blocks(item.content(), lines));
                case Blockquote q -> blocks(q.content(), lines);
                case CodeBlock c -> lines.add(c.code());
                case Image i -> {
                    if (!i.alt().isEmpty()) {
                        lines.add(i.alt());
                    }
                    addInline(i.caption(), lines);
                }
                case Table t -> t.rows().forEach(row -> lines.add(String.join("\t",
                        row.cells().stream().map(cell -> inline(cell.content())).toList())));
                case HorizontalRule r -> { }
                case Embed e -> { }
            }
        }
    }

    private static void addInline(List<Inline> content, List<String> lines) {
        if (!content.isEmpty()) {
            lines.add(inline(content));
        }
    }

    public static String inline(List<Inline> content) {
        StringBuilder out = new StringBuilder();
        for (Inline node : content) {
            switch (node) {
                case Text t -> out.append(t.text());
                case HardBreak b -> out.append('\n');
            }
        }
        return out.toString();
    }
}
