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

/** The HTML the writer emits: semantic elements, escaped text, nothing else. */
class HtmlWriterTest {

    private static String html(Block... blocks) {
        return RichText.toHtml(doc(blocks));
    }

    @Test
    void blocksAreSemanticElementsOnePerLine() {
        assertThat(html(h(1, t("T")), p("x"), Block.HORIZONTAL_RULE, new Block.CodeBlock("js", "a < b"),
                new Block.Blockquote(p("q"))))
                .isEqualTo("<h1>T</h1>\n<p>x</p>\n<hr>\n<pre><code class=\"language-js\">a &lt; b</code></pre>\n"
                        + "<blockquote><p>q</p></blockquote>");
    }

    @Test
    void marksNestInCanonicalOrderAndLinksSpanStyledRuns() {
        assertThat(html(p(t("a", link("/x")), t("b", link("/x"), Mark.BOLD), t("c", Mark.ITALIC, Mark.UNDERLINE, Mark.STRIKE, Mark.CODE))))
                .isEqualTo("<p><a href=\"/x\">a<strong>b</strong></a><em><u><s><code>c</code></s></u></em></p>");
    }

    @Test
    void listsWriteALeadingParagraphBare() {
        assertThat(html(ul(li(p("a"), ul(li("b"))), li()), ol(4, li("c")), ol(1, li("d"))))
                .isEqualTo("<ul><li>a<ul><li>b</li></ul></li><li></li></ul>\n<ol start=\"4\"><li>c</li></ol>\n<ol><li>d</li></ol>");
    }

    @Test
    void textAndAttributesAreEscaped() {
        assertThat(html(p(t("<script>&\"'\u00a0", new Mark.Link("/?a=1&b='2'", "<t>")))))
                .isEqualTo("<p><a href=\"/?a=1&amp;b='2'\" title=\"&lt;t&gt;\">&lt;script&gt;&amp;\"'&nbsp;</a></p>");
    }

    @Test
    void imagesAreFigures() {
        assertThat(html(image("a.png", "A \"q\"", List.of(t("cap"), br(), t("x")), "/big.png")))
                .isEqualTo("<figure><a href=\"/big.png\"><img src=\"a.png\" alt=\"A &quot;q&quot;\"></a>"
                        + "<figcaption>cap<br>x</figcaption></figure>");
    }

    @Test
    void tablesPutAnAllHeaderFirstRowInThead() {
        assertThat(html(new Block.Table(row(th("h")), row(td("d")))))
                .isEqualTo("<table><thead><tr><th>h</th></tr></thead><tbody><tr><td>d</td></tr></tbody></table>");
        assertThat(html(new Block.Table(row(th("h"), td("d")))))
                .isEqualTo("<table><tbody><tr><th>h</th><td>d</td></tr></tbody></table>");
    }
}
