package dev.vellum.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vellum.testing.Api;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Rich-text fields through the API: HTML or Markdown in, any of the three formats out, sanitised, in batches too. */
abstract class RichTextApiScenarios extends ServerScenarios {
    private Api api;
    private String entries;

    @BeforeAll
    void collection() {
        String p = "rich-" + Long.toHexString(System.nanoTime());
        api = server.project(p, "admin");
        api.post("/v1/projects/" + p + "/collections", Map.of("id", "posts", "fields",
                List.of(Map.of("id", "body", "type", "rich_text"), Map.of("id", "blocks", "type", "array", "of", Map.of("type", "rich_text")))));
        entries = "/v1/projects/" + p + "/collections/posts/entries";
    }

    @Test
    void htmlInIsStoredAsADocumentAndSanitised() {
        Api.Response r = api.post(entries, Map.of("fields", Map.of("body", Map.of("html",
                "<h2>Title</h2><p>Hello <strong>world</strong> <a href=\"https://example.com\" onclick=\"evil()\">link</a>"
                        + "<script>alert(1)</script><img src=x onerror=alert(2)></p>"))));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonNode doc = r.json().at("/fields/body");
        assertThat(doc.get("type").asText()).isEqualTo("doc");
        assertThat(doc.toString()).contains("Title", "world", "https://example.com").doesNotContain("script", "onclick", "onerror", "alert");
        String id = r.json().get("id").asText();
        String html = api.get(entries + "/" + id + "?rich_text=html").json().at("/fields/body/html").asText();
        assertThat(html).contains("<h2>Title</h2>", "<strong>world</strong>", "href=\"https://example.com\"").doesNotContain("<script", "onclick");
        String md = api.get(entries + "/" + id + "?rich_text=markdown").json().at("/fields/body/markdown").asText();
        assertThat(md).contains("## Title", "**world**", "[link](https://example.com)");
    }

    @Test
    void markdownInRoundTripsThroughEveryFormat() {
        String markdown = "# Heading\n\n- one\n- two\n\n> quoted\n\n```java\nint x = 1;\n```\n";
        Api.Response r = api.post(entries, Map.of("fields", Map.of("body", Map.of("markdown", markdown))));
        assertThat(r.status()).isEqualTo(201);
        String id = r.json().get("id").asText();
        JsonNode asJson = r.json().at("/fields/body");
        String asMarkdown = api.get(entries + "/" + id + "?rich_text=markdown").json().at("/fields/body/markdown").asText();
        String asHtml = api.get(entries + "/" + id + "?rich_text=html").json().at("/fields/body/html").asText();
        // what the API returns is accepted back as input, and gives the same document
        JsonNode fromMarkdown = api.patch(entries + "/" + id, Map.of("fields", Map.of("body", Map.of("markdown", asMarkdown)))).json().at("/fields/body");
        JsonNode fromHtml = api.patch(entries + "/" + id, Map.of("fields", Map.of("body", Map.of("html", asHtml)))).json().at("/fields/body");
        assertThat(fromMarkdown).isEqualTo(asJson);
        assertThat(fromHtml).isEqualTo(asJson);
        assertThat(api.get(entries + "/" + id).json().get("version").asLong()).as("the same document is no change").isEqualTo(1);
    }

    @Test
    void invalidDocumentsAre422WithThePathOfTheNode() {
        Api.Response r = api.post(entries, "{\"fields\": {\"body\": {\"type\": \"doc\", \"version\": 1, \"content\": ["
                + "{\"type\": \"paragraph\", \"content\": [{\"type\": \"text\", \"text\": \"x\", \"marks\": [{\"type\": \"blink\"}]}]}]}}}");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().at("/errors/0/field").asText()).isEqualTo("fields.body");
        assertThat(r.json().at("/errors/0/code").asText()).isEqualTo("invalid_rich_text");
        assertThat(r.json().at("/errors/0/message").asText()).contains("blink").contains("content[0]");
    }

    @Test
    void listsAndBatchesConvertToo() {
        Api.Response batch = api.post(entries + "/batch", Map.of("entries", List.of(
                Map.of("fields", Map.of("blocks", List.of(Map.of("markdown", "*a*"), Map.of("html", "<p><u>b</u></p>")))))));
        assertThat(batch.json().at("/results/0/status").asText()).as(batch.toString()).isEqualTo("created");
        String id = batch.json().at("/results/0/id").asText();
        JsonNode html = api.get(entries + "/" + id + "?rich_text=html").json().at("/fields/blocks");
        assertThat(html.get(0).get("html").asText()).contains("<em>a</em>");
        assertThat(html.get(1).get("html").asText()).contains("<u>b</u>");
    }
}
