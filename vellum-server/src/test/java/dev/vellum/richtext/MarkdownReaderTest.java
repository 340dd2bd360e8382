package dev.vellum.richtext;

import static dev.vellum.richtext.Nodes.br;
import static dev.vellum.richtext.Nodes.code;
import static dev.vellum.richtext.Nodes.doc;
import static dev.vellum.richtext.Nodes.h;
import static dev.vellum.richtext.Nodes.image;
import static dev.vellum.richtext.Nodes.li;
import static dev.vellum.richtext.Nodes.link;
import static dev.vellum.richtext.Nodes.ol;
import static dev.vellum.richtext.Nodes.p;
import static dev.vellum.richtext.Nodes.quote;
import static dev.vellum.richtext.Nodes.row;
import static dev.vellum.richtext.Nodes.t;
import static dev.vellum.richtext.Nodes.td;
import static dev.vellum.richtext.Nodes.th;
import static dev.vellum.richtext.Nodes.ul;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How CommonMark + GFM maps onto the model. */
class MarkdownReaderTest {

    @Test
    void blocks() {
        assertThat(RichText.fromMarkdown("# Title\n\nSetext\n---\n\n> quoted\n\n```kotlin\nval x = 1\n```\n\n    indented\n\n***\n"))
                .isEqualTo(doc(h(1, t("Title")), h(2, t("Setext")), quote(p("quoted")), code("kotlin", "val x = 1"),
                        code(null, "indented"), Block.HORIZONTAL_RULE));
    }

    @Test
    void tightAndLooseListsReadTheSame() {
        Document expected = doc(ul(li(p("a"), ol(1, li("b"))), li("c")));
        assertThat(RichText.fromMarkdown("- a\n  1. b\n- c\n")).isEqualTo(expected);
        assertThat(RichText.fromMarkdown("* a\n\n  1. b\n\n* c\n")).isEqualTo(expected);
        // Only a list starting at 1 may interrupt a paragraph; the writer knows it too.
        assertThat(RichText.fromMarkdown("- a\n  3. b\n")).isEqualTo(doc(ul(li("a 3. b"))));
    }

    @Test
    void inlineSyntax() {
        assertThat(RichText.fromMarkdown("**b** _i_ ~~s~~ `c` [l](/x \"T\") <u>u</u> <https://auto.link>  \nnext\nsoft"))
                .isEqualTo(doc(p(t("b", Mark.BOLD), t(" "), t("i", Mark.ITALIC), t(" "), t("s", Mark.STRIKE), t(" "),
                        t("c", Mark.CODE), t(" "), t("l", new Mark.Link("/x", "T")), t(" "), t("u", Mark.UNDERLINE), t(" "),
                        t("https://auto.link", link("https://auto.link")), br(), t("next soft"))));
    }

    @Test
    void referenceLinksAndLinkedImages() {
        assertThat(RichText.fromMarkdown("[text][ref]\n\n[![alt](/i.png)](/big.png)\n\n[ref]: /target"))
                .isEqualTo(doc(p(t("text", link("/target"))), image("/i.png", "alt", List.of(), "/big.png")));
    }

    @Test
    void gfmTablesWithAlignmentDropped() {
        assertThat(RichText.fromMarkdown("| a | b |\n|:--|--:|\n| 1 | **2** |\n| 3 |"))
                .isEqualTo(doc(new Block.Table(row(th("a"), th("b")), row(td("1"), td(t("2", Mark.BOLD))),
                        row(td("3"), TableCell.data()))));
    }

    @Test
    void rawHtmlIsReadAndSanitisedByTheHtmlReader() {
        assertThat(RichText.fromMarkdown("Hi <script>alert(1)</script><a href=\"javascript:x\">there</a>\n\n"
                + "<figure><img src=\"/a.png\" alt=\"A\" onerror=\"x()\"><figcaption>Cap</figcaption></figure>\n"))
                .isEqualTo(doc(p("Hi there"), image("/a.png", "A", List.of(t("Cap")), null)));
    }

    @Test
    void entitiesAndEscapes() {
        assertThat(RichText.fromMarkdown("&copy; &#35; \\*not em\\* &amp;")).isEqualTo(doc(p("© # *not em* &")));
    }
}
