package dev.vellum.richtext;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random documents from a seed, for round-trip laws. Deliberately hostile: text full of Markdown and
 * HTML syntax, entities, odd whitespace and non-BMP characters; URLs with spaces, parentheses and
 * ampersands; code with backtick runs and blank lines; irregular tables. The output is normalised,
 * since the laws are about canonical documents.
 */
final class DocumentGenerator {
    private static final String[] TOKENS = {
        "a", "word", "Zeta", "42", "x_y", " ", " ", " ", "  ", "\t", "\n", "*", "**", "_", "__", "[", "]", "[x](y)",
        "<", ">", "<b>", "</p>", "&", "&amp;", "&#123;", "&copy", "#", "# ", "\\", "\\*", "`", "``", "|", "~", "~~",
        "!", "-", "- ", "+ ", "=", "===", "---", "1.", "2)", "(", ")", "\"", "'", ":", "é", "中文", "\u00a0", "😀",
        "http://x.y", "javascript:alert(1)", "<u>", "***", "> ", ".", ",", "$"
    };
    private static final String[] HREFS = {
        "https://example.com/a?b=1&c=2", "/relative/path", "#fragment", "mailto:someone@example.com", "tel:+1-555",
        "https://example.com/a b", "https://example.com/(paren)", "https://example.com/a\\b", "https://example.com/é",
        "https://example.com/*_[]", "?q=a|b", "https://example.com/&amp;x", "page.html", "//cdn.example.com/x"
    };
    private static final String[] TITLES = {null, null, "Title", "with \"quotes\"", "a & b", "back\\slash", "<i>"};
    private static final String[] IMAGES = {
        "https://img.example.com/a.png", "/uploads/x y.jpg", "pic(1).png", "https://img.example.com/a&b.png", "img.gif"
    };
    private static final String[] EMBEDS = {
        "https://www.youtube.com/watch?v=abc&t=1", "https://vimeo.com/1", "https://example.com/a b", "http://x.y/(1)"
    };
    private static final String[] LANGUAGES = {null, null, "java", "c++", "c#", "objective-c", "x86asm", "py"};
    private static final String[] CODE = {"int x = 1;", "", "  indented", "\tTab", "```", "````", "~~~", "a`b", "<script>",
        "&amp;", "trailing  ", "    four", "*not* [md]", "\\", "# h", "- item", "😀"};
    private static final int[] STARTS = {0, 1, 1, 2, 7, 10, 99, 123456789, 999999999};

    private final Random random;

    DocumentGenerator(long seed) {
        this.random = new Random(seed);
    }

    Document document() {
        return DocumentNormalizer.normalize(new Document(blocks(0, 1 + random.nextInt(6))));
    }

    private List<Block> blocks(int depth, int count) {
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            blocks.add(block(depth));
        }
        return blocks;
    }

    private Block block(int depth) {
        int kind = random.nextInt(100);
        if (depth >= 3 && kind >= 30 && kind < 53) {
            kind = 0; // keep containers from nesting forever
        }
        if (kind < 30) {
            return new Block.Paragraph(inlines());
        } else if (kind < 40) {
            return new Block.Heading(1 + random.nextInt(6), inlines());
        } else if (kind < 47) {
            return new Block.BulletList(items(depth));
        } else if (kind < 53) {
            return random.nextInt(3) == 0 ? new Block.Blockquote(blocks(depth + 1, 1 + random.nextInt(3)))
                    : new Block.OrderedList(pick(STARTS), items(depth));
        } else if (kind < 62) {
            return new Block.CodeBlock(pick(LANGUAGES), code());
        } else if (kind < 67) {
            return Block.HORIZONTAL_RULE;
        } else if (kind < 77) {
            return new Block.Image(pick(IMAGES), text(), random.nextBoolean() ? inlines() : List.of(),
                    random.nextInt(3) == 0 ? pick(HREFS) : null);
        } else if (kind < 90) {
            return table();
        } else if (kind < 95) {
            return new Block.Embed(pick(EMBEDS));
        }
        return new Block.Paragraph(inlines());
    }

    private List<ListItem> items(int depth) {
        List<ListItem> items = new ArrayList<>();
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            items.add(new ListItem(blocks(depth + 1, random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(3))));
        }
        return items;
    }

    private Block table() {
        int rows = 1 + random.nextInt(4);
        int columns = 1 + random.nextInt(4);
        boolean regular = random.nextInt(10) < 6;
        List<TableRow> out = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            int width = regular ? columns : 1 + random.nextInt(4);
            List<TableCell> cells = new ArrayList<>();
            for (int c = 0; c < width; c++) {
                boolean header = regular ? r == 0 : random.nextInt(3) == 0;
                cells.add(new TableCell(header, random.nextInt(6) == 0 ? List.of() : inlines()));
            }
            out.add(new TableRow(cells));
        }
        return new Block.Table(out);
    }

    private List<Inline> inlines() {
        List<Inline> out = new ArrayList<>();
        int count = 1 + random.nextInt(6);
        for (int i = 0; i < count; i++) {
            out.add(random.nextInt(10) == 0 ? Inline.HARD_BREAK : new Inline.Text(text(), marks()));
        }
        return out;
    }

    private List<Mark> marks() {
        List<Mark> marks = new ArrayList<>();
        for (Mark mark : List.of(Mark.BOLD, Mark.ITALIC, Mark.UNDERLINE, Mark.STRIKE, Mark.CODE)) {
            if (random.nextInt(5) == 0) {
                marks.add(mark);
            }
        }
        if (random.nextInt(6) == 0) {
            marks.add(new Mark.Link(pick(HREFS), pick(TITLES)));
        }
        return marks;
    }

    private String text() {
        StringBuilder out = new StringBuilder();
        int count = 1 + random.nextInt(6);
        for (int i = 0; i < count; i++) {
            out.append(pick(TOKENS));
        }
        return out.toString();
    }

    private String code() {
        List<String> lines = new ArrayList<>();
        int count = 1 + random.nextInt(5);
        for (int i = 0; i < count; i++) {
            lines.add(pick(CODE));
        }
        return String.join(random.nextInt(8) == 0 ? "\r\n" : "\n", lines);
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private int pick(int[] values) {
        return values[random.nextInt(values.length)];
    }
}
