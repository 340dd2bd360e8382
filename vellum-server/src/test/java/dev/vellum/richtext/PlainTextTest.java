package dev.vellum.richtext;

import static dev.vellum.richtext.Nodes.br;
import static dev.vellum.richtext.Nodes.code;
import static dev.vellum.richtext.Nodes.doc;
import static dev.vellum.richtext.Nodes.h;
import static dev.vellum.richtext.Nodes.image;
import static dev.vellum.richtext.Nodes.li;
import static dev.vellum.richtext.Nodes.p;
import static dev.vellum.richtext.Nodes.row;
import static dev.vellum.richtext.Nodes.t;
import static dev.vellum.richtext.Nodes.td;
import static dev.vellum.richtext.Nodes.ul;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlainTextTest {

    @Test
    void oneLinePerTextualBlock() {
        Document document = doc(h(1, t("Title")), p(t("Some "), t("bold", Mark.BOLD), br(), t("next")),
                ul(li("one"), li("two")), code("sh", "ls\npwd"), Block.HORIZONTAL_RULE,
                image("/a.png", "Alt", List.of(t("Caption")), null), new Block.Table(row(td("a"), td("b"))),
                new Block.Embed("https://vimeo.com/1"));
        assertThat(RichText.plainText(document)).isEqualTo("Title\nSome bold\nnext\none\ntwo\nls\npwd\nAlt\nCaption\na\tb");
    }

    @Test
    void excerptIsWholeTextWhenItFits() {
        assertThat(RichText.excerpt(doc(p("Short text."), p("More.")), 100)).isEqualTo("Short text. More.");
        assertThat(RichText.excerpt(doc(p("exactly ten")), 11)).isEqualTo("exactly ten");
    }

    @Test
    void excerptCutsOnAWordBoundaryWithinTheLimit() {
        Document document = doc(p("The quick brown fox jumps over the lazy dog"));
        String excerpt = RichText.excerpt(document, 20);
        assertThat(excerpt).isEqualTo("The quick brown fox…");
        assertThat(excerpt.length()).isLessThanOrEqualTo(20);
        assertThat(RichText.excerpt(doc(p("Hello, world, again")), 14)).isEqualTo("Hello, world…");
    }

    @Test
    void excerptCutsALongWordWithoutSplittingASurrogatePair() {
        assertThat(RichText.excerpt(doc(p("Supercalifragilistic")), 6)).isEqualTo("Super…");
        String emoji = RichText.excerpt(doc(p("ab😀😀😀")), 4);
        assertThat(emoji).isEqualTo("ab…");
        assertThat(emoji.codePoints().allMatch(Character::isValidCodePoint)).isTrue();
    }

    @Test
    void excerptNeedsRoomForAtLeastOneChar() {
        assertThat(RichText.excerpt(doc(p("word")), 1)).isEqualTo("…");
        assertThatThrownBy(() -> RichText.excerpt(doc(p("x")), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void emptyDocumentHasNoText() {
        assertThat(RichText.plainText(Document.empty())).isEmpty();
        assertThat(RichText.excerpt(Document.empty(), 10)).isEmpty();
    }
}
