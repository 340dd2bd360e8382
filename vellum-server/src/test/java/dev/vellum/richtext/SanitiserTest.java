package dev.vellum.richtext;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * XSS filter-evasion vectors (src/test/resources/dev/vellum/richtext/xss-vectors.txt), read as HTML,
 * as WordPress content (shortcodes) and as Markdown: after conversion to a document and back to HTML nothing executable survives, and
 * every element and attribute of the output is on the writer's allow-list.
 */
class SanitiserTest {
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("p", Set.of()), Map.entry("h1", Set.of()), Map.entry("h2", Set.of()), Map.entry("h3", Set.of()),
            Map.entry("h4", Set.of()), Map.entry("h5", Set.of()), Map.entry("h6", Set.of()), Map.entry("ul", Set.of()),
            Map.entry("ol", Set.of("start")), Map.entry("li", Set.of()), Map.entry("blockquote", Set.of()),
            Map.entry("pre", Set.of()), Map.entry("code", Set.of("class")), Map.entry("hr", Set.of()),
            Map.entry("figure", Set.of("class")), Map.entry("figcaption", Set.of()), Map.entry("img", Set.of("src", "alt")),
            Map.entry("table", Set.of()), Map.entry("thead", Set.of()), Map.entry("tbody", Set.of()), Map.entry("tr", Set.of()),
            Map.entry("th", Set.of()), Map.entry("td", Set.of()), Map.entry("a", Set.of("href", "title")),
            Map.entry("strong", Set.of()), Map.entry("em", Set.of()), Map.entry("u", Set.of()), Map.entry("s", Set.of()),
            Map.entry("br", Set.of()));
    private static final Set<String> SAFE_SCHEMES = Set.of("http", "https", "mailto", "tel");
    private static final Pattern SCHEME = Pattern.compile("^([a-z][a-z0-9+.\\-]*):");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    static Stream<String> vectors() throws IOException {
        try (InputStream in = SanitiserTest.class.getResourceAsStream("xss-vectors.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .toList().stream();
        }
    }

    @Test
    void thereAreEnoughVectors() throws IOException {
        assertThat(vectors().count()).isGreaterThanOrEqualTo(120);
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void nothingExecutableSurvivesHtml(String vector) {
        assertSafeAndStable(RichText.fromHtml(vector).document());
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void nothingExecutableSurvivesWordPressContent(String vector) {
        assertSafeAndStable(RichText.fromWordPress(vector).document());
    }

    private static void assertSafeAndStable(Document document) {
        String html = RichText.toHtml(document);
        assertSafe(html);
        assertThat(RichText.fromHtml(html).document()).as("the output reads back to the same document").isEqualTo(document);
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void nothingExecutableSurvivesMarkdown(String vector) {
        Document document = RichText.fromMarkdown(vector);
        assertSafe(RichText.toHtml(document));
        assertThat(RichText.fromMarkdown(RichText.toMarkdown(document))).isEqualTo(document);
    }

    @Test
    void harmlessContentOfTheVectorsIsKept() throws IOException {
        String html = String.join("\n", vectors().map(vector -> RichText.toHtml(RichText.fromHtml(vector).document())).toList());
        assertThat(html).contains("<a href=\"https://ok.example/\" title=\"t\">ok</a>", "xxs link", "tab entity",
                "<a href=\"http://66.102.7.147/\">XSS</a>", "<a href=\"/safe\" title=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\">");
    }

    private static void assertSafe(String html) {
        String lower = html.toLowerCase(Locale.ROOT);
        for (String element : List.of("<script", "<iframe", "<object", "<embed", "<style", "<svg", "<math", "<meta",
                "<link", "<base", "<form", "<input", "<frame", "<body", "<xml")) {
            assertThat(lower).as(html).doesNotContain(element);
        }
        Matcher tags = TAG.matcher(html);
        while (tags.find()) {
            String tag = strip(tags.group().toLowerCase(Locale.ROOT));
            assertThat(tag).as(html).doesNotContainPattern("\\son[a-z]+=").doesNotContain("javascript:", "vbscript:", "data:");
        }
        for (Element element : Jsoup.parseBodyFragment(html).body().select("*")) {
            if (element.normalName().equals("body")) {
                continue;
            }
            assertThat(ALLOWED).as(html).containsKey(element.normalName());
            for (Attribute attribute : element.attributes()) {
                assertThat(ALLOWED.get(element.normalName())).as(element.outerHtml()).contains(attribute.getKey());
                switch (attribute.getKey()) {
                    case "href", "src" -> assertSafeUrl(attribute.getValue());
                    case "class" -> assertThat(attribute.getValue()).matches("embed|language-[A-Za-z0-9_+#.\\-]+");
                    case "start" -> assertThat(attribute.getValue()).matches("[0-9]+");
                    default -> { }
                }
            }
        }
    }

    /** Checks a URL as a browser resolves it: controls and whitespace ignored, scheme case-insensitive. */
    private static void assertSafeUrl(String url) {
        Matcher scheme = SCHEME.matcher(strip(url).toLowerCase(Locale.ROOT));
        if (scheme.find()) {
            assertThat(SAFE_SCHEMES).as(url).contains(scheme.group(1));
        }
    }

    private static String strip(String s) {
        return s.replaceAll("[\\x00-\\x20\\x7f]", "");
    }
}
