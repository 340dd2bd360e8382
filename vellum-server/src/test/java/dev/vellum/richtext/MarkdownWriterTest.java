package dev.vellum.richtext;

import static dev.vellum.richtext.Nodes.br;
import static dev.vellum.richtext.Nodes.doc;
import static dev.vellum.richtext.Nodes.h;
import static dev.vellum.richtext.Nodes.image;
import static dev.vellum.richtext.Nodes.li;
import static dev.vellum.richtext.Nodes.link;
import static dev.vellum.richtext.Nodes.ol;
import static dev.vellum.richtext.Nodes.p;
import static dev.vellum.richtext.Nodes.row;
import static dev.vellum.richtext.Nodes.t;
import static dev.vellum.richtext.Nodes.td;
import static dev.vellum.richtext.Nodes.th;
import static dev.vellum.richtext.Nodes.ul;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The Markdown the writer chooses: plain CommonMark where it exists, inline HTML where it does not. */
class MarkdownWriterTest {

    private static String markdown(Block... blocks) {
        return RichText.toMarkdown(doc(blocks));
    }

    @Test
    void marksUseMarkdownSyntax() {
        assertThat(markdown(p(t("b", Mark.BOLD), t(" "), t("i", Mark.ITALIC), t(" "), t("s", Mark.STRIKE), t(" "),
                t("c", Mark.CODE), t(" "), t("l", new Mark.Link("https://x.y", "T")))))
                .isEqualTo("**b** *i* ~~s~~ `c` [l](https://x.y \"T\")\n");
    }

    @Test
    void underlineHasNoMarkdownSyntaxSoItIsInlineHtmlThatReadsBack() {
        assertThat(markdown(p(t("under", Mark.UNDERLINE)))).isEqualTo("<u>under</u>\n");
        assertThat(RichText.fromMarkdown("a <u>b</u> c")).isEqualTo(doc(p(t("a "), t("b", Mark.UNDERLINE), t(" c"))));
    }

    @Test
    void emphasisThatCannotFlankFallsBackToHtmlTags() {
        String written = markdown(p(t("bold ", Mark.BOLD), t("plain")));
        assertThat(written).isEqualTo("<strong>bold </strong>plain\n");
    }

    @Test
    void blocksUseMarkdownSyntax() {
        assertThat(markdown(h(2, t("Title")), p("text"), ul(li("a"), li("b")), ol(3, li("c")), Block.HORIZONTAL_RULE,
                new Block.CodeBlock("java", "x();"), new Block.Blockquote(p("q"))))
                .isEqualTo("## Title\n\ntext\n\n- a\n- b\n\n3. c\n\n***\n\n```java\nx();\n```\n\n> q\n");
    }

    @Test
    void nestedListsAreIndentedUnderTheirItem() {
        assertThat(markdown(ul(li(p("one"), ul(li("two"))), li("three"))))
                .isEqualTo("- one\n  + two\n- three\n");
    }

    @Test
    void hardBreakIsABackslash() {
        assertThat(markdown(p(t("a"), br(), t("b")))).isEqualTo("a\\\nb\n");
    }

    @Test
    void textIsEscapedWhereItWouldBeSyntax() {
        assertThat(markdown(p("*a* _b_ [c] <d> `e` a|b ~f~ \\ &amp;"))).isEqualTo(
                "\\*a\\* \\_b\\_ \\[c\\] \\<d> \\`e\\` a\\|b \\~f\\~ \\\\ \\&amp;\n");
        assertThat(markdown(p("# x"), p("1. y"), p("- z"), p("> q"))).isEqualTo("\\# x\n\n1\\. y\n\n\\- z\n\n\\> q\n");
        assertThat(markdown(p("snake_case stays readable"))).isEqualTo("snake_case stays readable\n");
    }

    @Test
    void codeSpanFenceIsLongerThanAnyBacktickRunInside() {
        assertThat(markdown(p(t("a``b", Mark.CODE)))).isEqualTo("```a``b```\n");
        assertThat(markdown(p(t("`x", Mark.CODE)))).isEqualTo("`` `x ``\n");
    }

    @Test
    void codeBlockFenceIsLongerThanAnyBacktickRunInside() {
        assertThat(markdown(new Block.CodeBlock(null, "```\ncode\n````"))).isEqualTo("`````\n```\ncode\n````\n`````\n");
    }

    @Test
    void gfmTableWhenTheShapeFitsHtmlOtherwise() {
        assertThat(markdown(new Block.Table(row(th("a"), th("b")), row(td("1"), td("2|3")))))
                .isEqualTo("| a | b |\n| --- | --- |\n| 1 | 2\\|3 |\n");
        assertThat(markdown(new Block.Table(row(td("no"), td("header")))))
                .isEqualTo("<table><tbody><tr><td>no</td><td>header</td></tr></tbody></table>\n");
    }

    @Test
    void imagesAreMarkdownUnlessCaptioned() {
        assertThat(markdown(image("a b.png", "alt", List.of(), null))).isEqualTo("![alt](<a b.png>)\n");
        assertThat(markdown(image("a.png", "alt", List.of(), "/full"))).isEqualTo("[![alt](a.png)](/full)\n");
        assertThat(markdown(image("a.png", "alt", List.of(t("cap")), null)))
                .isEqualTo("<figure><img src=\"a.png\" alt=\"alt\"><figcaption>cap</figcaption></figure>\n");
    }

    @Test
    void embedsAreAFigureLinkingTheUrl() {
        assertThat(markdown(new Block.Embed("https://vimeo.com/1")))
                .isEqualTo("<figure class=\"embed\"><a href=\"https://vimeo.com/1\">https://vimeo.com/1</a></figure>\n");
    }

    @Test
    void headingWithALineBreakIsAnHtmlBlock() {
        assertThat(markdown(h(3, t("a"), br(), t("b")))).isEqualTo("<h3>a<br>b</h3>\n");
    }

    @Test
    void linkDestinationsAndTitlesAreEscaped() {
        assertThat(markdown(p(t("x", new Mark.Link("https://x.y/a b?c=1&d", "say \"hi\"")))))
                .isEqualTo("[x](<https://x.y/a b?c=1\\&d> \"say \\\"hi\\\"\")\n");
        assertThat(markdown(p(t("x", link("a\\b"))))).isEqualTo("[x](a\\\\b)\n");
    }

    @Test
    void emptyDocumentIsEmptyText() {
        assertThat(markdown()).isEmpty();
    }
}
