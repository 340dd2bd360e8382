package dev.vellum.richtext;

import static org.assertj.core.api.Assertions.assertThat;

/** The law for documents read from real-world input: HTML is stable after one pass, Markdown round-trips. */
final class Stability {

    private Stability() {}

    static void assertStable(Document first) {
        String html = RichText.toHtml(first);
        Document second = RichText.fromHtml(html).document();
        assertThat(second).as("HTML read back").isEqualTo(first);
        assertThat(RichText.toHtml(second)).as("HTML written again").isEqualTo(html);
        assertThat(RichText.fromMarkdown(RichText.toMarkdown(first))).as("Markdown read back").isEqualTo(first);
    }
}
