package dev.vellum.richtext;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The round-trip laws on hundreds of seeded random documents: for every canonical document d,
 * reading what a writer wrote gives d back, for HTML, Markdown and JSON; and normalising is idempotent.
 */
class RoundTripTest {
    private static final int DOCUMENTS = 600;

    @Test
    void htmlRoundTripIsIdentity() {
        law("HTML", RichText::toHtml, html -> RichText.fromHtml(html).document());
    }

    @Test
    void markdownRoundTripIsIdentity() {
        law("Markdown", RichText::toMarkdown, RichText::fromMarkdown);
    }

    @Test
    void jsonRoundTripIsIdentity() {
        law("JSON", doc -> RichText.toJson(doc).toString(), json -> {
            try {
                return RichText.fromJson(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void normalisingIsIdempotent() {
        for (long seed = 0; seed < DOCUMENTS; seed++) {
            Document document = new DocumentGenerator(seed).document();
            assertThat(DocumentNormalizer.normalize(document)).as("seed %d", seed).isEqualTo(document);
        }
    }

    @Test
    void generatedDocumentsCoverEveryNodeAndMark() {
        java.util.Set<String> seen = new java.util.TreeSet<>();
        for (long seed = 0; seed < DOCUMENTS; seed++) {
            collectTypes(RichText.toJson(new DocumentGenerator(seed).document()), seen);
        }
        assertThat(seen).contains("paragraph", "heading", "bulletList", "orderedList", "listItem", "blockquote",
                "codeBlock", "horizontalRule", "image", "table", "tableRow", "tableCell", "tableHeader", "embed",
                "text", "hardBreak", "bold", "italic", "underline", "strike", "code", "link");
    }

    private static void collectTypes(com.fasterxml.jackson.databind.JsonNode node, java.util.Set<String> seen) {
        if (node.has("type")) {
            seen.add(node.get("type").asText());
        }
        node.forEach(child -> collectTypes(child, seen));
    }

    private static void law(String format, Function<Document, String> write, Function<String, Document> read) {
        for (long seed = 0; seed < DOCUMENTS; seed++) {
            Document document = new DocumentGenerator(seed).document();
            String written = write.apply(document);
            long s = seed;
            assertThat(read.apply(written))
                    .as(() -> format + " round trip, seed " + s + "\n--- written:\n" + written
                            + "\n--- document:\n" + RichText.toJson(document).toPrettyString())
                    .isEqualTo(document);
        }
    }
}
