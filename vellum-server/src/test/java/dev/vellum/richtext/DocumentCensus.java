package dev.vellum.richtext;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Counts what a document holds, to compare with what its source had. */
final class DocumentCensus {
    final int[] headings = new int[7];
    int listItems;
    int tableCells;
    int blockquotes;
    int codeBlocks;
    final Set<String> links = new TreeSet<>();
    final List<String> images = new ArrayList<>();
    final List<String> embeds = new ArrayList<>();
    private final StringBuilder code = new StringBuilder();

    static DocumentCensus of(Document document) {
        DocumentCensus census = new DocumentCensus();
        census.blocks(document.content());
        return census;
    }

    /** All text with the code mark; runs from different places are separated by a NUL. */
    String codeText() {
        return code.toString().replaceAll("\\s+", " ");
    }

    private void blocks(List<Block> blocks) {
        for (Block block : blocks) {
            switch (block) {
                case Block.Paragraph p -> inline(p.content());
                case Block.Heading h -> {
                    headings[h.level()]++;
                    inline(h.content());
                }
                case Block.BulletList l -> l.items().forEach(item -> {
                    listItems++;
                    blocks(item.content());
                });
                case Block.OrderedList l -> l.items().forEach(item -> {
                    listItems++;
                    blocks(item.content());
                });
                case Block.Blockquote q -> {
                    blockquotes++;
                    blocks(q.content());
                }
                case Block.CodeBlock c -> codeBlocks++;
                case Block.Image i -> {
                    images.add(i.src());
                    if (i.link() != null) {
                        links.add(i.link());
                    }
                    inline(i.caption());
                }
                case Block.Table t -> t.rows().forEach(row -> row.cells().forEach(cell -> {
                    tableCells++;
                    inline(cell.content());
                }));
                case Block.Embed e -> embeds.add(e.url());
                case Block.HorizontalRule r -> { }
            }
        }
    }

    private void inline(List<Inline> content) {
        boolean inCode = false;
        for (Inline node : content) {
            switch (node) {
                case Inline.Text t -> {
                    t.marks().stream().filter(Mark.Link.class::isInstance).map(m -> ((Mark.Link) m).href()).forEach(links::add);
                    if (t.has(Mark.Code.class)) {
                        code.append(t.text());
                        inCode = true;
                    } else {
                        code.append('\u0000');
                        inCode = false;
                    }
                }
                case Inline.HardBreak b -> code.append(inCode ? " " : "\u0000");
            }
        }
        code.append('\u0000');
    }
}
