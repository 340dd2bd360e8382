package dev.vellum.richtext;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A seeded mutation fuzzer for the HTML, WordPress and Markdown readers, bounded in time (default 2 s each;
 * {@code -Drichtext.fuzz.seconds=N} for a longer run, {@code -Drichtext.fuzz.seed=S} for another
 * sequence). Any string must read without an exception to a canonical document, and every writer's
 * output of that document must read back to it.
 */
class FuzzTest {
    private static final long SECONDS = Long.getLong("richtext.fuzz.seconds", 2);
    /** At least this many inputs, however slow the machine: a count, not a timing, decides how much is fuzzed. */
    private static final int MIN_RUNS = 200;
    private static final long SEED = Long.getLong("richtext.fuzz.seed", 20261121);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String[] HTML_TOKENS = {
        "<p>", "</p>", "<b>", "</b>", "<i>", "<em>", "</em>", "<a href=\"/x\">", "<a href=\"javascript:x\">", "</a>", "<ul>", "<ol start=5>",
        "<li>", "</li>", "</ul>", "<blockquote>", "</blockquote>", "<pre><code class=\"language-js\">", "</code></pre>", "<br>",
        "<hr>", "<img src=\"a.png\" alt=\"a\">", "<figure>", "<figcaption>", "</figure>", "<table>", "<tr>", "<td>", "<th>",
        "</table>", "<h2>", "</h2>", "<script>", "</script>", "<style>", "<iframe src=\"https://x.y/v\">", "<div>", "</div>",
        "<span style=\"font-weight:bold\">", "&amp;", "&nbsp;", "&#0;", "&#x1F600;", "<!-- wp:paragraph -->", "<!--", "-->",
        "[caption]", "[/caption]", "[gallery]", "[embed]", "[/embed]", "\n", "\n\n", " ", "\t", "<", ">", "\"", "'", "=", "`",
        "*", "_", "#", "|", "\\", "\u0000", "\ud800", "😀", "\u00a0", "é", "<svg onload=x>", "<u>", "<s>", "<code>", "<math>"
    };
    private static final String[] MARKDOWN_TOKENS = {
        "*", "**", "_", "__", "~~", "`", "```", "~~~", "#", "## ", "> ", "- ", "+ ", "* ", "1. ", "2) ", "---", "***", "===",
        "[", "]", "(", ")", "![", "](", "[x]: /y", "<", ">", "<u>", "</u>", "<div>", "</div>", "<script>", "<http://x.y>",
        "|", "| --- |", "\\", "&amp;", "&#35;", "&nbsp;", "\n", "\n\n", "    ", "\t", " ", "  \n", "\\\n", "😀", "\u0000",
        "<!--", "-->", "<figure class=\"embed\"><a href=\"https://x.y\">x</a></figure>", "\"", "'", "javascript:", "a", "word"
    };

    @Test
    void htmlReaderNeverFailsAndItsDocumentsSurviveEveryWriter() {
        fuzz(HTML_TOKENS, html -> RichText.fromHtml(html).document());
    }

    @Test
    void wordPressReaderNeverFailsAndItsDocumentsSurviveEveryWriter() {
        fuzz(HTML_TOKENS, content -> RichText.fromWordPress(content).document());
    }

    @Test
    void markdownReaderNeverFailsAndItsDocumentsSurviveEveryWriter() {
        fuzz(MARKDOWN_TOKENS, RichText::fromMarkdown);
    }

    private static void fuzz(String[] tokens, Function<String, Document> read) {
        Random random = new Random(SEED);
        List<String> corpus = new ArrayList<>();
        for (long seed = 0; seed < 20; seed++) {
            Document document = new DocumentGenerator(seed).document();
            corpus.add(RichText.toHtml(document));
            corpus.add(RichText.toMarkdown(document));
        }
        long deadline = System.nanoTime() + SECONDS * 1_000_000_000L;
        int runs = 0;
        while (System.nanoTime() < deadline || runs < MIN_RUNS) {
            String input = mutate(corpus.get(random.nextInt(corpus.size())), corpus, tokens, random);
            check(input, read);
            if (input.length() > 40 && input.length() < 20_000 && random.nextInt(4) == 0) {
                corpus.add(input); // keep mutants, so mutations compound (but not ones truncated to nothing)
            }
            runs++;
        }
        System.out.printf("%d fuzz runs (at least %d s and %d runs)%n", runs, SECONDS, MIN_RUNS);
    }

    private static void check(String input, Function<String, Document> read) {
        Document document;
        try {
            document = read.apply(input);
        } catch (RuntimeException | StackOverflowError e) {
            throw new AssertionError("reader failed on input " + JSON.valueToTree(input), e);
        }
        assertThat(DocumentNormalizer.normalize(document)).as("canonical, input %s", JSON.valueToTree(input)).isEqualTo(document);
        String html = RichText.toHtml(document);
        assertThat(RichText.fromHtml(html).document()).as("HTML %s from input %s", html, JSON.valueToTree(input)).isEqualTo(document);
        String markdown = RichText.toMarkdown(document);
        assertThat(RichText.fromMarkdown(markdown)).as("Markdown %s from input %s", JSON.valueToTree(markdown), JSON.valueToTree(input))
                .isEqualTo(document);
    }

    private static String mutate(String base, List<String> corpus, String[] tokens, Random random) {
        StringBuilder s = new StringBuilder(base);
        int mutations = 1 + random.nextInt(8);
        for (int m = 0; m < mutations; m++) {
            int at = s.isEmpty() ? 0 : random.nextInt(s.length() + 1);
            switch (random.nextInt(10)) {
                case 0, 1, 2, 3 -> s.insert(at, tokens[random.nextInt(tokens.length)]);
                case 4 -> s.insert(at, (char) random.nextInt(0x3000));
                case 5 -> {
                    String other = corpus.get(random.nextInt(corpus.size()));
                    int from = random.nextInt(other.length() + 1);
                    s.insert(at, other, from, Math.min(other.length(), from + random.nextInt(200)));
                }
                case 6 -> s.delete(at, Math.min(s.length(), at + random.nextInt(16)));
                case 7, 8 -> {
                    int end = Math.min(s.length(), at + random.nextInt(64));
                    s.insert(end, s.substring(at, end));
                }
                default -> s.setLength(Math.min(s.length(), at));
            }
        }
        return s.toString();
    }
}
