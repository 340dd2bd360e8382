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

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Hand-written documents, one per node, mark and tricky combination, through every format and back. */
class NodeAndMarkRoundTripTest {

    static Stream<Arguments> documents() {
        return Stream.of(
                Arguments.of("paragraph", doc(p("Hello, world."))),
                Arguments.of("headings 1-6", doc(h(1, t("One")), h(2, t("Two")), h(3, t("Three")), h(4, t("Four")),
                        h(5, t("Five")), h(6, t("Six")))),
                Arguments.of("heading with a hard break", doc(h(2, t("Line"), br(), t("two")))),
                Arguments.of("heading ending in hashes", doc(h(3, t("C# and F #")), h(1, t("##")))),
                Arguments.of("nested bullet lists", doc(ul(li(p("one"), ul(li(p("two"), ul(li("three"))))), li("four")))),
                Arguments.of("ordered lists from 0 and 3", doc(ol(0, li("zero"), li("one")), ol(3, li("three")))),
                Arguments.of("mixed nesting", doc(ol(1, li(p("a"), ul(li(p("b"), ol(7, li("c")))))))),
                Arguments.of("adjacent lists stay apart", doc(ul(li("a")), ul(li("b")), ol(1, li("c")), ol(1, li("d")))),
                Arguments.of("empty list item", doc(ul(li(), li("b"), li()))),
                Arguments.of("nested empty items are not a rule", doc(ul(li(ul(li(ul(li()))))), ol(1, li(ol(1, li(ol(1, li()))))))),
                Arguments.of("list item with blocks", doc(ul(li(p("a"), p("b"), code("sh", "ls -l\n\n  x"), quote(p("q")))))),
                Arguments.of("code with blank lines in a list item", doc(ol(1, li(code(null, "a\n\n\n    b\n\n\tc"))))),
                Arguments.of("list item starting with a rule", doc(ul(li(Block.HORIZONTAL_RULE, p("after"))))),
                Arguments.of("blockquote with nested quote and list", doc(quote(p("outer"), quote(p("inner")), ul(li("item"))))),
                Arguments.of("adjacent blockquotes", doc(quote(p("a")), quote(p("b")))),
                Arguments.of("code block with language", doc(code("java", "class A {\n\tint x;\n}"))),
                Arguments.of("code block with fences and blank lines inside", doc(code(null, "\n```\n~~~\n\n    indented\n````end"))),
                Arguments.of("code with markup", doc(code("html", "<script>alert('x')</script> &amp; *no* [md]"))),
                Arguments.of("horizontal rule", doc(p("above"), Block.HORIZONTAL_RULE, p("below"))),
                Arguments.of("image", doc(image("https://example.com/a.png", "An image", List.of(), null))),
                Arguments.of("image with caption and link", doc(image("/uploads/a b.jpg", "alt [x] *y*",
                        List.of(t("Caption "), t("bold", Mark.BOLD), t(" link", link("https://example.com"))), "https://example.com/full.jpg"))),
                Arguments.of("image src with parentheses", doc(image("pic(1).png", "", List.of(), null))),
                Arguments.of("table", doc(new Block.Table(row(th("Name"), th("Value")), row(td("a"), td("1")), row(td("b"), td("2"))))),
                Arguments.of("table with header column and empty cells", doc(new Block.Table(row(new TableCell(true, List.of()), th("x")),
                        row(th("row"), td()), row(td("ragged"))))),
                Arguments.of("table cell with break, pipes and code", doc(new Block.Table(row(th("a|b")),
                        row(td(t("x"), br(), t("y|z", Mark.CODE), t(" \\|")))))),
                Arguments.of("embed", doc(new Block.Embed("https://www.youtube.com/watch?v=abc&t=1s"))),
                Arguments.of("hard breaks", doc(p(t("one"), br(), t("two"), br(), br(), t("four")))),
                Arguments.of("each mark", doc(p(t("b", Mark.BOLD), t(" "), t("i", Mark.ITALIC), t(" "), t("u", Mark.UNDERLINE),
                        t(" "), t("s", Mark.STRIKE), t(" "), t("c", Mark.CODE), t(" "), t("l", link("/l"))))),
                Arguments.of("all marks at once", doc(p(t("everything", new Mark.Link("https://x.y", "T"), Mark.BOLD,
                        Mark.ITALIC, Mark.UNDERLINE, Mark.STRIKE, Mark.CODE)))),
                Arguments.of("link spanning styled runs", doc(p(t("a ", link("/x")), t("bold", link("/x"), Mark.BOLD),
                        t(" c", link("/x")), t(" after")))),
                Arguments.of("adjacent links", doc(p(t("one", link("/1")), t("two", link("/2"))))),
                Arguments.of("link title with quotes", doc(p(t("q", new Mark.Link("https://x.y/?a=1&b=2", "say \"hi\" & bye"))))),
                Arguments.of("link with spaces and parentheses", doc(p(t("x", link("https://x.y/a b(c)"))))),
                Arguments.of("mark ending in a space", doc(p(t("bold ", Mark.BOLD), t("plain")))),
                Arguments.of("marks around punctuation", doc(p(t("a"), t("\"quoted\"", Mark.BOLD), t("b"), t("(x)", Mark.ITALIC), t("c")))),
                Arguments.of("intraword emphasis", doc(p(t("un"), t("believ", Mark.ITALIC), t("able"), t("snake_case", Mark.BOLD)))),
                Arguments.of("code with backticks", doc(p(t("`", Mark.CODE), t(" "), t("a``b", Mark.CODE), t(" and"), t(" x ", Mark.CODE), t("end")))),
                Arguments.of("special characters", doc(p("*_[]<>&#\\`|~! {} () + - = . : ; ' \" $ % ^ @"))),
                Arguments.of("line-start syntax", doc(p("1. not a list"), p("- not a list"), p("+ nor this"), p("# not a heading"),
                        p("> not a quote"), p("```"), p("~~~"), p("===="), p("---"), p("***"), p("<div>"),
                        p("[ref]: /url"), p("| a | b |"))),
                Arguments.of("entities and tags as text", doc(p("&amp; &copy; &#123; <b>not bold</b> <!-- not a comment --> <script>x</script>"))),
                Arguments.of("backslashes", doc(p("a\\b\\*c\\"), p(t("x"), br(), t("\\")))),
                Arguments.of("unicode and nbsp", doc(p("Ελληνικά 中文 😀 a\u00a0b \u00a0"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void documentIsCanonical(String name, Document document) {
        assertThat(DocumentNormalizer.normalize(document)).isEqualTo(document);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void htmlRoundTrip(String name, Document document) {
        String html = RichText.toHtml(document);
        assertThat(RichText.fromHtml(html).document()).as(html).isEqualTo(document);
        assertThat(RichText.fromHtml(html).dropped()).as("our own HTML drops nothing").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void markdownRoundTrip(String name, Document document) {
        String markdown = RichText.toMarkdown(document);
        assertThat(RichText.fromMarkdown(markdown)).as(markdown).isEqualTo(document);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void jsonRoundTrip(String name, Document document) throws Exception {
        String json = new ObjectMapper().writeValueAsString(RichText.toJson(document));
        assertThat(RichText.fromJson(new ObjectMapper().readTree(json))).as(json).isEqualTo(document);
    }
}
