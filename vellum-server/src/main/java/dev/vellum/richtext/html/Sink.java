package dev.vellum.richtext.html;

import dev.vellum.richtext.Block;
import dev.vellum.richtext.Inline;
import dev.vellum.richtext.InlineNormalizer;
import dev.vellum.richtext.Mark;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the walker puts what it reads: a {@link Blocks} sink where blocks may stand (body, list items,
 * quotes), or an {@link Inlines} sink for inline-only content (headings, table cells, captions), where
 * block edges become line breaks and blocks cannot stand.
 */
sealed interface Sink {

    void text(String text, List<Mark> marks);

    void hardBreak();

    /** The edge of a block element: ends the current paragraph, or separates lines of inline content. */
    void boundary();

    final class Blocks implements Sink {
        private final List<Block> blocks = new ArrayList<>();
        private final List<Inline> paragraph = new ArrayList<>();

        @Override
        public void text(String text, List<Mark> marks) {
            paragraph.add(new Inline.Text(text, marks));
        }

        @Override
        public void hardBreak() {
            paragraph.add(Inline.HARD_BREAK);
        }

        @Override
        public void boundary() {
            if (!paragraph.isEmpty()) {
                if (!isBlank(paragraph)) {
                    blocks.add(new Block.Paragraph(paragraph));
                }
                paragraph.clear();
            }
        }

        void block(Block block) {
            boundary();
            blocks.add(block);
        }

        List<Block> finish() {
            boundary();
            return blocks;
        }

        private static boolean isBlank(List<Inline> content) {
            for (Inline inline : content) {
                if (inline instanceof Inline.Text text && !InlineNormalizer.isBlank(text.text())) {
                    return false;
                }
            }
            return true;
        }
    }

    final class Inlines implements Sink {
        private final List<Inline> content = new ArrayList<>();
        private boolean pendingBreak;

        @Override
        public void text(String text, List<Mark> marks) {
            if (pendingBreak) {
                if (InlineNormalizer.isBlank(text)) {
                    return;
                }
                content.add(Inline.HARD_BREAK);
                pendingBreak = false;
            }
            content.add(new Inline.Text(text, marks));
        }

        @Override
        public void hardBreak() {
            pendingBreak = false;
            content.add(Inline.HARD_BREAK);
        }

        @Override
        public void boundary() {
            pendingBreak = !content.isEmpty();
        }

        List<Inline> content() {
            return content;
        }
    }
}
