package dev.vellum.richtext;

import static dev.vellum.richtext.Nodes.br;
import static dev.vellum.richtext.Nodes.code;
import static dev.vellum.richtext.Nodes.doc;
import static dev.vellum.richtext.Nodes.h;
import static dev.vellum.richtext.Nodes.li;
import static dev.vellum.richtext.Nodes.p;
import static dev.vellum.richtext.Nodes.quote;
import static dev.vellum.richtext.Nodes.t;
import static dev.vellum.richtext.Nodes.ul;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The canonical form that makes record equality mean "same content". */
class DocumentNormalizerTest {

    private static Document normalize(Block... blocks) {
        return DocumentNormalizer.normalize(doc(blocks));
    }

    @Test
    void whitespaceCollapsesAcrossNodesAndIsTrimmedAtEdgesAndBreaks() {
        assertThat(normalize(p(t("  a \n\t"), t("  b ", Mark.BOLD), t(" c  "), br(), t("  d"))))
                .isEqualTo(doc(p(t("a "), t("b ", Mark.BOLD), t("c"), br(), t("d"))));
    }

    @Test
    void neighboursWithEqualMarksMergeAndEmptyTextDisappears() {
        assertThat(normalize(p(t("a", Mark.ITALIC, Mark.BOLD), t(""), t("b", Mark.BOLD, Mark.ITALIC), t("c"))))
                .isEqualTo(doc(p(t("ab", Mark.BOLD, Mark.ITALIC), t("c"))));
    }

    @Test
    void marksAreASetInCanonicalOrder() {
        Inline.Text text = t("x", Mark.CODE, Mark.STRIKE, Mark.UNDERLINE, Mark.ITALIC, Mark.BOLD, new Mark.Link("/a", null), Mark.BOLD);
        assertThat(text.marks()).containsExactly(new Mark.Link("/a", null), Mark.BOLD, Mark.ITALIC, Mark.UNDERLINE, Mark.STRIKE, Mark.CODE);
    }

    @Test
    void leadingAndTrailingHardBreaksAndControlCharactersGo() {
        assertThat(normalize(p(br(), t("a\u0000b\u0007\u0085"), br(), br()))).isEqualTo(doc(p("ab")));
        assertThat(normalize(p(t("lone \ud800 surrogate 😀")))).isEqualTo(doc(p("lone surrogate 😀")));
    }

    @Test
    void emptyBlocksGoButEmptyListItemsStay() {
        assertThat(normalize(p(t(" ")), h(2), quote(p()), ul(), code(null, "\n  \n"), ul(li(p(" ")))))
                .isEqualTo(doc(ul(li())));
    }

    @Test
    void codeKeepsItsWhitespaceButNotBlankLineWhitespaceOrTrailingNewlines() {
        assertThat(normalize(code("js", "\n  a\r\n\t\r\n  \tb  \n\n"))).isEqualTo(doc(code("js", "\n  a\n\n  \tb  ")));
    }

    @Test
    void linkTitlesAreOneLine() {
        assertThat(normalize(p(t("x", new Mark.Link("/a", " two\n lines ")))))
                .isEqualTo(doc(p(t("x", new Mark.Link("/a", "two lines")))));
    }

    @Test
    void constructorsRefuseWhatCanNeverBeValid() {
        assertThatThrownBy(() -> new Mark.Link("javascript:alert(1)", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Block.Heading(7)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Block.Image("data:image/png;base64,AA", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Block.Embed("/relative")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Block.OrderedList(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Block.CodeBlock("has space", "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
