package dev.vellum.richtext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.vellum.richtext.WordPressFixture.Post;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every post and page of the WordPress theme unit test export converts, and keeps its structure:
 * per post, the headings of each level, list items, links, images, table cells, quotes and code of
 * the source (counted with jsoup) are all in the document. Its HTML is stable after one pass.
 */
class WordPressFixtureTest {
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"\\]\\[]+");

    static List<Post> posts() throws Exception {
        Optional<Path> export = WordPressFixture.find();
        assumeThat(export).as("WordPress fixture " + WordPressFixture.FILE + " not found under ../shared or ../../shared").isPresent();
        return WordPressFixture.postsAndPages(export.get());
    }

    @Test
    void theExportHoldsThePostsAndPages() throws Exception {
        List<Post> posts = posts();
        assertThat(posts).hasSizeGreaterThanOrEqualTo(70);
        assertThat(posts).extracting(Post::title).contains("Markup: HTML Tags and Formatting", "Block: Gallery");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("posts")
    void postKeepsItsStructure(Post post) {
        HtmlConversion conversion = RichText.fromWordPress(post.content());
        DocumentCensus census = DocumentCensus.of(conversion.document());
        Element source = Jsoup.parseBodyFragment(post.content()).body();

        for (int level = 1; level <= 6; level++) {
            assertThat(census.headings[level]).as("h%d", level).isEqualTo(source.select("h" + level).size());
        }
        int galleryItems = source.select(".blocks-gallery-grid > li, .wp-block-gallery li").size();
        assertThat(census.listItems).as("list items").isEqualTo(source.select("li").size() - galleryItems);
        assertThat(census.tableCells).as("table cells").isEqualTo(source.select("td, th").size());
        assertThat(census.blockquotes).as("blockquotes").isEqualTo(source.select("blockquote").size());
        assertThat(census.codeBlocks).as("code blocks").isEqualTo(source.select("pre").size());
        assertThat(census.images).as("image sources, in order").containsExactlyElementsOf(
                source.select("img[src]").stream().map(img -> UrlPolicy.IMAGE.accept(img.attr("src")).orElseThrow()).toList());

        Set<String> sourceLinks = new TreeSet<>();
        for (Element a : source.select("a[href]")) {
            if (a.hasText() || a.selectFirst("img") != null) {
                UrlPolicy.LINK.accept(a.attr("href")).ifPresent(sourceLinks::add);
            }
        }
        assertThat(census.links).as("links").containsAll(sourceLinks);
        Set<String> sourceUrls = new TreeSet<>(sourceLinks);
        Matcher urls = URL.matcher(source.text());
        while (urls.find()) {
            sourceUrls.add(urls.group());
        }
        assertThat(sourceUrls).as("no link the source did not have").containsAll(census.links);

        for (Element code : source.select("code")) {
            if (code.closest("pre") == null && !code.text().isBlank()) {
                assertThat(census.codeText()).as("inline code").contains(code.text().replaceAll("\\s+", " ").strip());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("posts")
    void postHtmlIsStableAfterOnePass(Post post) {
        Stability.assertStable(RichText.fromWordPress(post.content()).document());
        Stability.assertStable(RichText.fromHtml(post.content()).document());
    }

    @Test
    void theFixtureExercisesEveryMapping() throws Exception {
        List<DocumentCensus> all = new ArrayList<>();
        List<Dropped> dropped = new ArrayList<>();
        for (Post post : posts()) {
            HtmlConversion conversion = RichText.fromWordPress(post.content());
            all.add(DocumentCensus.of(conversion.document()));
            dropped.addAll(conversion.dropped());
        }
        assertThat(all.stream().mapToInt(c -> c.headings[2]).sum()).isGreaterThan(20);
        assertThat(all.stream().mapToInt(c -> c.listItems).sum()).isGreaterThan(100);
        assertThat(all.stream().mapToInt(c -> c.tableCells).sum()).isGreaterThan(100);
        assertThat(all.stream().mapToInt(c -> c.images.size()).sum()).isGreaterThan(50);
        assertThat(all.stream().mapToInt(c -> c.embeds.size()).sum()).isGreaterThan(5);
        assertThat(dropped).extracting(Dropped::name).contains("[gallery]", "abbr", "p[class]");
    }
}
