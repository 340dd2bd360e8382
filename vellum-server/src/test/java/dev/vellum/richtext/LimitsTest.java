package dev.vellum.richtext;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vellum.richtext.Dropped.Kind;
import org.junit.jupiter.api.Test;

/** Hostile nesting and size: flattened or truncated and reported, never a stack overflow. */
class LimitsTest {

    private static int depth(java.util.List<Block> blocks) {
        int deepest = 0;
        for (Block block : blocks) {
            int depth = switch (block) {
                case Block.BulletList l -> 1 + l.items().stream().mapToInt(item -> depth(item.content())).max().orElse(0);
                case Block.OrderedList l -> 1 + l.items().stream().mapToInt(item -> depth(item.content())).max().orElse(0);
                case Block.Blockquote q -> 1 + depth(q.content());
                default -> 0;
            };
            deepest = Math.max(deepest, depth);
        }
        return deepest;
    }

    @Test
    void deeplyNestedHtmlListsAreFlattenedBeyondTheLimit() {
        HtmlConversion conversion = RichText.fromHtml("<ul><li>x".repeat(300) + "deep");
        assertThat(depth(conversion.document().content())).isEqualTo(Limits.MAX_DEPTH);
        assertThat(RichText.plainText(conversion.document())).endsWith("deep");
        assertThat(conversion.dropped()).anyMatch(d -> d.kind() == Kind.LIMIT);
        assertThat(RichText.fromHtml(RichText.toHtml(conversion.document())).document()).isEqualTo(conversion.document());
    }

    @Test
    void deeplyNestedQuotesInHtmlAndMarkdownStayWithinTheLimit() {
        Document html = RichText.fromHtml("<blockquote>".repeat(5_000) + "text").document();
        assertThat(depth(html.content())).isLessThanOrEqualTo(Limits.MAX_DEPTH);
        assertThat(RichText.plainText(html)).isEqualTo("text");
        Document markdown = RichText.fromMarkdown(">".repeat(50_000) + " text");
        assertThat(depth(markdown.content())).isLessThanOrEqualTo(Limits.MAX_DEPTH);
        assertThat(RichText.fromMarkdown(RichText.toMarkdown(markdown))).isEqualTo(markdown);
    }

    @Test
    void deeplyNestedMarkdownListsStayWithinTheLimit() {
        StringBuilder markdown = new StringBuilder();
        for (int i = 0; i < 1_000; i++) { // about a million chars, under the input limit
            markdown.append("  ".repeat(i)).append("- item ").append(i).append('\n');
        }
        Document document = RichText.fromMarkdown(markdown.toString());
        assertThat(depth(document.content())).isLessThanOrEqualTo(Limits.MAX_DEPTH);
        assertThat(RichText.plainText(document)).contains("item 999");
    }

    @Test
    void deeplyNestedInlineElementsKeepTheirText() {
        HtmlConversion conversion = RichText.fromHtml("<b><i><span>".repeat(50_000) + "core" + "</span></i></b>".repeat(50_000));
        assertThat(RichText.plainText(conversion.document())).isEqualTo("core");
        HtmlConversion divs = RichText.fromHtml("<div>".repeat(100_000) + "bottom<script>x()</script>");
        assertThat(RichText.plainText(divs.document())).isEqualTo("bottom");
    }

    @Test
    void oversizedInputIsTruncatedAndReported() {
        String html = "<p>" + "word ".repeat(Limits.MAX_INPUT_CHARS / 5 + 10) + "</p>";
        HtmlConversion conversion = RichText.fromHtml(html);
        assertThat(conversion.dropped()).anyMatch(d -> d.kind() == Kind.LIMIT && d.name().contains("truncated"));
        assertThat(RichText.plainText(conversion.document()).length()).isLessThanOrEqualTo(Limits.MAX_INPUT_CHARS);
    }
}
