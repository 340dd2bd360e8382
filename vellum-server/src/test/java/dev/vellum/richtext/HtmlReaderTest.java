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

import dev.vellum.richtext.Dropped.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How real-world HTML maps onto the model, and what the report says about the rest. */
class HtmlReaderTest {

    private static Document read(String html) {
        return RichText.fromHtml(html).document();
    }

    private static List<Dropped> dropped(String html) {
        return RichText.fromHtml(html).dropped();
    }

    @Test
    void markElementsAndTheirSynonyms() {
        assertThat(read("<p><b>1</b><strong>2</strong><i>3</i><em>4</em><u>5</u><s>6</s><del>7</del><strike>8</strike>"
                + "<code>9</code><kbd>0</kbd></p>"))
                .isEqualTo(doc(p(t("12", Mark.BOLD), t("34", Mark.ITALIC), t("5", Mark.UNDERLINE), t("678", Mark.STRIKE),
                        t("90", Mark.CODE))));
    }

    @Test
    void nestedMarksCombineAndTheInnermostLinkWins() {
        assertThat(read("<p><b>a <i>b</i></b> <a href='/o'>c <a href='/i'>d</a></a></p>"))
                .isEqualTo(doc(p(t("a ", Mark.BOLD), t("b", Mark.BOLD, Mark.ITALIC), t(" "), t("c ", link("/o")), t("d", link("/i")))));
    }

    @Test
    void whitespaceCollapsesAsBrowsersRenderIt() {
        assertThat(read("<p>  a \n\t b <b> c </b> d  </p>")).isEqualTo(doc(p(t("a b "), t("c ", Mark.BOLD), t("d"))));
    }

    @Test
    void entitiesAreDecoded() {
        assertThat(read("<p>&amp; &lt;b&gt; &eacute; &#x27; &#8212; &nbsp;x</p>")).isEqualTo(doc(p("& <b> é ' — \u00a0x")));
    }

    @Test
    void lineBreaks() {
        assertThat(read("<p>a<br>b<br/><br>c<br></p>")).isEqualTo(doc(p(t("a"), br(), t("b"), br(), br(), t("c"))));
    }

    @Test
    void nestedListsIncludingListsWrittenDirectlyInLists() {
        assertThat(read("<ul><li>a<ul><li>b</li></ul></li><li>c</li><ol start='3'><li>d</li></ol></ul>"))
                .isEqualTo(doc(ul(li(p("a"), ul(li("b"))), li(p("c"), ol(3, li("d"))))));
    }

    @Test
    void listItemsHoldBlocks() {
        assertThat(read("<ol><li><p>one</p><p>two</p></li><li>three<blockquote>q</blockquote></li></ol>"))
                .isEqualTo(doc(ol(1, li(p("one"), p("two")), li(p("three"), quote(p("q"))))));
    }

    @Test
    void codeBlocksKeepWhitespaceAndFindTheirLanguage() {
        assertThat(read("<pre><code class=\"language-python\">def f():\n    return 1\n</code></pre>"))
                .isEqualTo(doc(code("python", "def f():\n    return 1")));
        assertThat(read("<pre class=\"brush: php; gutter: false\">&lt;?php echo 1; ?&gt;</pre>"))
                .isEqualTo(doc(code("php", "<?php echo 1; ?>")));
        assertThat(read("<pre class=\"wp-block-preformatted\">line<br>  two<span> three</span></pre>"))
                .isEqualTo(doc(code(null, "line\n  two three")));
    }

    @Test
    void figuresWithCaptionsAndLinkedImages() {
        assertThat(read("<figure class=\"wp-block-image\"><a href=\"/full.jpg\"><img src=\"/a.jpg\" alt=\"A\" width=\"300\"></a>"
                + "<figcaption>The <em>caption</em></figcaption></figure>"))
                .isEqualTo(doc(image("/a.jpg", "A", List.of(t("The "), t("caption", Mark.ITALIC)), "/full.jpg")));
        assertThat(dropped("<figure><img src=\"/a.jpg\" width=\"300\"></figure>"))
                .containsExactly(new Dropped(Kind.ATTRIBUTE, "img[width]", 1));
    }

    @Test
    void anImageInsideAParagraphSplitsIt() {
        assertThat(read("<p>before <img src=\"x.png\" alt=\"x\"> after</p>"))
                .isEqualTo(doc(p("before"), image("x.png", "x", List.of(), null), p("after")));
    }

    @Test
    void galleriesAreRunsOfImages() {
        assertThat(read("<figure class=\"wp-block-gallery\"><ul class=\"blocks-gallery-grid\">"
                + "<li><figure><img src=\"1.jpg\" alt=\"\"><figcaption>one</figcaption></figure></li>"
                + "<li><figure><img src=\"2.jpg\" alt=\"\"></figure></li></ul><figcaption>All</figcaption></figure>"))
                .isEqualTo(doc(image("1.jpg", "", List.of(t("one")), null), image("2.jpg", "", List.of(), null), p("All")));
    }

    @Test
    void tablesWithHeadersBodiesAndCaptions() {
        assertThat(read("<table><caption>Cap</caption><thead><tr><th>a</th><th>b</th></tr></thead>"
                + "<tbody><tr><th>r</th><td colspan=2><p>x</p><p>y</p></td></tr></tbody><tfoot><tr><td>f</td></tr></tfoot></table>"))
                .isEqualTo(doc(p("Cap"), new Block.Table(row(th("a"), th("b")), row(th("r"), td(t("x"), br(), t("y"))), row(td("f")))));
        assertThat(dropped("<table><tr><td colspan=2>x</td></tr></table>")).contains(new Dropped(Kind.ATTRIBUTE, "td[colspan]", 1));
    }

    @Test
    void blockContentInsideInlineOnlyPlacesBecomesLines() {
        assertThat(read("<h2><div>a</div><div>b</div></h2>")).isEqualTo(doc(h(2, t("a"), br(), t("b"))));
        assertThat(read("<table><tr><td><ul><li>x</li><li>y</li></ul></td></tr></table>"))
                .isEqualTo(doc(new Block.Table(row(td(t("x"), br(), t("y"))))));
    }

    @Test
    void mediaBecomeEmbeds() {
        Block.Embed video = new Block.Embed("https://www.youtube.com/embed/x");
        assertThat(read("<iframe src=\"https://www.youtube.com/embed/x\" width=560></iframe>")).isEqualTo(doc(video));
        assertThat(read("<video controls><source src=\"https://cdn.example.com/v.mp4\"></video>"))
                .isEqualTo(doc(new Block.Embed("https://cdn.example.com/v.mp4")));
        assertThat(read("<figure class=\"wp-block-embed is-provider-youtube\"><div class=\"wp-block-embed__wrapper\">\n"
                + "https://youtu.be/abc\n</div><figcaption>Watch</figcaption></figure>"))
                .isEqualTo(doc(new Block.Embed("https://youtu.be/abc"), p("Watch")));
    }

    @Test
    void blockquotesWithCitations() {
        assertThat(read("<blockquote cite=\"https://x.y\"><p>Quote</p><cite>Someone</cite></blockquote>"))
                .isEqualTo(doc(quote(p("Quote"), p("Someone"))));
    }

    @Test
    void inlineStylesBecomeMarksAndAreNeverKept() {
        assertThat(read("<b style=\"font-weight:normal\" id=\"docs-internal-guid\"><span style=\"font-weight:700\">bold</span>"
                + "<span style=\"font-style:italic;color:red\">it</span><span style=\"text-decoration:underline\">u</span>plain</b>"))
                .isEqualTo(doc(p(t("bold", Mark.BOLD), t("it", Mark.ITALIC), t("u", Mark.UNDERLINE), t("plain"))));
        assertThat(RichText.toHtml(read("<p style=\"color:red\">x</p>"))).doesNotContain("style");
    }

    @Test
    void unknownElementsKeepTheirTextAndAreCounted() {
        HtmlConversion conversion = RichText.fromHtml("<div><p>a <span>b</span> <abbr title=\"t\">c</abbr> <span>d</span></p>"
                + "<dl><dt>term</dt><dd>definition</dd></dl></div>");
        assertThat(conversion.document()).isEqualTo(doc(p("a b c d"), p("term"), p("definition")));
        assertThat(conversion.dropped()).contains(new Dropped(Kind.ELEMENT, "span", 2), new Dropped(Kind.ELEMENT, "abbr", 1),
                new Dropped(Kind.ELEMENT, "div", 1), new Dropped(Kind.ELEMENT, "dd", 1));
    }

    @Test
    void scriptsStylesAndFormsAreRemovedWithTheirContent() {
        HtmlConversion conversion = RichText.fromHtml("<p>a<script>alert(1)</script><style>p{}</style>"
                + "<textarea>secret</textarea><button>Click</button>b</p>");
        assertThat(conversion.document()).isEqualTo(doc(p("ab")));
        assertThat(conversion.dropped()).contains(new Dropped(Kind.ELEMENT_WITH_CONTENT, "script", 1),
                new Dropped(Kind.ELEMENT_WITH_CONTENT, "style", 1), new Dropped(Kind.ELEMENT_WITH_CONTENT, "textarea", 1));
    }

    @Test
    void unsafeUrlsAreDroppedButTextIsKept() {
        HtmlConversion conversion = RichText.fromHtml("<p><a href=\"javascript:alert(1)\">click</a>"
                + "<img src=\"data:image/png;base64,AAAA\" alt=\"pic\"></p><iframe src=\"javascript:x\"></iframe>");
        assertThat(conversion.document()).isEqualTo(doc(p("clickpic")));
        assertThat(conversion.dropped()).contains(new Dropped(Kind.UNSAFE_URL, "a[href]", 1),
                new Dropped(Kind.UNSAFE_URL, "img[src]", 1), new Dropped(Kind.UNSAFE_URL, "iframe[src]", 1));
    }

    @Test
    void lazyLoadedImagesUseTheirDataSource() {
        assertThat(read("<img src=\"data:image/gif;base64,R0lG\" data-src=\"/real.jpg\" alt=\"r\">"))
                .isEqualTo(doc(image("/real.jpg", "r", List.of(), null)));
    }

    @Test
    void orderedListStartIsClampedToWhatMarkdownCanWrite() {
        assertThat(read("<ol start=\"-5\"><li>a</li></ol><ol start=\"x\"><li>b</li></ol>"))
                .isEqualTo(doc(ol(0, li("a")), ol(1, li("b"))));
    }

    @Test
    void wordPressBlockCommentsAndShortcodesAreUnderstood() {
        assertThat(wordPress("<!-- wp:paragraph --><p>Hi [sic]</p><!-- /wp:paragraph -->"
                + "[caption id=\"attachment_1\" width=\"300\"]<a href=\"/big.jpg\"><img src=\"/small.jpg\" alt=\"S\" /></a>"
                + " A <a href=\"/c\">caption</a>[/caption][gallery ids=\"1,2\"][[caption]]"))
                .isEqualTo(doc(p("Hi [sic]"), image("/small.jpg", "S", List.of(t("A "), t("caption", link("/c"))), "/big.jpg"),
                        p("[caption]")));
        assertThat(RichText.fromWordPress("[gallery ids=\"1\"] [playlist]").dropped()).contains(new Dropped(Kind.SHORTCODE, "[gallery]", 1),
                new Dropped(Kind.SHORTCODE, "[playlist]", 1));
        assertThat(wordPress("[audio mp3=\"https://x.y/a.mp3\"][/audio][embed]https://vimeo.com/2[/embed][code lang=\"js\"]let a;[/code]"))
                .isEqualTo(doc(new Block.Embed("https://x.y/a.mp3"), new Block.Embed("https://vimeo.com/2"), code("js", "let a;")));
    }

    @Test
    void shortcodesAreTextOutsideWordPressContent() {
        assertThat(read("<p>[gallery] [embed]https://vimeo.com/1[/embed]</p>"))
                .isEqualTo(doc(p("[gallery] [embed]https://vimeo.com/1[/embed]")));
    }

    private static Document wordPress(String content) {
        return RichText.fromWordPress(content).document();
    }

    @Test
    void wordPressClassicContentHasLineBreaksAndAutoEmbeds() {
        HtmlConversion conversion = RichText.fromWordPress("First line\nsecond line\n\nNew paragraph\n"
                + "<ul>\n\t<li>item</li>\n</ul>\nhttps://www.youtube.com/watch?v=abc\n\nhttps://example.com/page\n");
        assertThat(conversion.document()).isEqualTo(doc(p(t("First line"), br(), t("second line")), p("New paragraph"),
                ul(li("item")), new Block.Embed("https://www.youtube.com/watch?v=abc"),
                p(t("https://example.com/page", link("https://example.com/page")))));
    }

    @Test
    void wordPressBlockContentHasNoAutomaticLineBreaks() {
        assertThat(RichText.fromWordPress("<!-- wp:paragraph -->\n<p>one\ntwo</p>\n<!-- /wp:paragraph -->").document())
                .isEqualTo(doc(p("one two")));
    }
}
