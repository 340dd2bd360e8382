package dev.vellum.richtext;

import static dev.vellum.richtext.Nodes.h;
import static dev.vellum.richtext.Nodes.link;
import static dev.vellum.richtext.Nodes.t;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vellum.richtext.Dropped.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pasted and exported HTML as editors produce it (src/test/resources/dev/vellum/richtext/html):
 * Google Docs, Microsoft Word, a blog article page, a rendered GitHub README.
 */
class RealWorldHtmlTest {

    private static String sample(String name) throws IOException {
        try (InputStream in = RealWorldHtmlTest.class.getResourceAsStream("html/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static HtmlConversion read(String name) throws IOException {
        return RichText.fromHtml(sample(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"google-docs.html", "word.html", "blog-article.html", "github-readme.html"})
    void htmlIsStableAfterOnePassAndMarkdownRoundTrips(String name) throws IOException {
        Document first = read(name).document();
        assertThat(first.content()).isNotEmpty();
        Stability.assertStable(first);
    }

    @Test
    void googleDocsStylesBecomeMarks() throws IOException {
        HtmlConversion conversion = read("google-docs.html");
        List<Block> blocks = conversion.document().content();
        assertThat(blocks.getFirst()).isEqualTo(h(2, t("Quarterly notes")));
        assertThat(blocks.get(1)).isEqualTo(new Block.Paragraph(t("Plain text, then "), t("bold", Mark.BOLD),
                t(" and italic", Mark.ITALIC), t(" underlined", Mark.UNDERLINE), t(" struck", Mark.STRIKE), t(".")));
        assertThat(blocks.get(2)).isInstanceOfSatisfying(Block.BulletList.class, list -> {
            assertThat(list.items()).hasSize(2);
            assertThat(list.items().get(1).content()).containsExactly(new Block.Paragraph(
                    t("A link", link("https://www.example.com/report?q=1&lang=en"), Mark.UNDERLINE)));
        });
        assertThat(blocks.get(3)).isInstanceOfSatisfying(Block.Table.class, table -> {
            assertThat(table.rows()).hasSize(2);
            assertThat(table.rows().getFirst().cells().getFirst().content()).containsExactly(t("Region", Mark.BOLD));
        });
        assertThat(conversion.dropped()).contains(new Dropped(Kind.ATTRIBUTE, "p[dir]", 7), new Dropped(Kind.ELEMENT, "span", 12),
                new Dropped(Kind.ELEMENT_WITH_CONTENT, "meta", 1));
        assertThat(RichText.toHtml(conversion.document())).doesNotContain("style", "dir=", "docs-internal");
    }

    @Test
    void wordKeepsContentAndDropsItsMachinery() throws IOException {
        Document document = read("word.html").document();
        String text = RichText.plainText(document);
        assertThat(document.content().getFirst()).isEqualTo(h(1, t("Meeting minutes")));
        assertThat(text).contains("Attendees: Ana, Ben & Chloé", "Budget approved", "Next meeting: see the calendar.")
                .doesNotContain("MsoNormal", "Style Definitions", "shapedefaults");
        assertThat(document.content()).contains(new Block.Image("https://files.example.com/image001.png", "Logo"));
        assertThat(DocumentCensus.of(document).tableCells).isEqualTo(4);
    }

    @Test
    void blogArticleKeepsTheArticleNotThePage() throws IOException {
        HtmlConversion conversion = read("blog-article.html");
        Document document = conversion.document();
        DocumentCensus census = DocumentCensus.of(document);
        String text = RichText.plainText(document);
        assertThat(census.headings[1]).isEqualTo(1);
        assertThat(census.listItems).isEqualTo(5);
        assertThat(census.codeBlocks).isEqualTo(1);
        assertThat(census.blockquotes).isEqualTo(1);
        assertThat(census.embeds).containsExactly("https://www.youtube.com/embed/dQw4w9WgXcQ");
        assertThat(census.links).contains("mailto:team@example.com", "/faq#deploys", "https://twitter.com/sam/status/1");
        assertThat(document.content()).contains(new Block.CodeBlock("bash", "./mvnw verify && ./deploy.sh --env=prod\necho \"done\""));
        assertThat(text).contains("Our release talk", "Thanks for reading.").doesNotContain("Subscribe", "analytics", "widgets.js");
        assertThat(conversion.dropped()).contains(new Dropped(Kind.ELEMENT_WITH_CONTENT, "script", 2),
                new Dropped(Kind.ATTRIBUTE, "a[onclick]", 1));
    }

    @Test
    void githubReadmeKeepsBadgesCodeAndTables() throws IOException {
        Document document = read("github-readme.html").document();
        DocumentCensus census = DocumentCensus.of(document);
        assertThat(census.headings[1]).isEqualTo(1);
        assertThat(census.headings[2]).isEqualTo(1);
        assertThat(document.content()).contains(new Block.Image("https://github.com/example/vellum/actions/workflows/ci.yml/badge.svg",
                "CI", List.of(), "https://github.com/example/vellum/actions"));
        assertThat(document.content()).contains(new Block.CodeBlock(null, "curl -fsSL https://example.com/install.sh | sh"));
        assertThat(census.listItems).isEqualTo(2);
        assertThat(census.tableCells).isEqualTo(4);
        assertThat(RichText.plainText(document)).contains("Deprecated flags are listed in CHANGELOG.md.");
        assertThat(RichText.toMarkdown(document)).contains("~~Deprecated~~", "| Option | Default |");
    }
}
