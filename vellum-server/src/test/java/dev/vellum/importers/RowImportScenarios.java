package dev.vellum.importers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.content.RichTextFormat;
import dev.vellum.query.ListParams;
import dev.vellum.testing.LocalScenarios;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** CSV and JSON/NDJSON rows into a collection: mapping, coercion, per-row errors, idempotent re-runs. */
public abstract class RowImportScenarios extends LocalScenarios {
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    void project() throws Exception {
        vellum.services().projects().create("rows", "Rows");
        for (String id : List.of("products", "items")) {
            vellum.services().collections().create("rows", JSON.readTree("""
                    {"id": "%s", "slug_from": "name", "fields": [
                      {"id": "name", "type": "text", "required": true},
                      {"id": "price", "type": "number", "min": 0},
                      {"id": "active", "type": "boolean"},
                      {"id": "labels", "type": "array", "of": {"type": "text"}},
                      {"id": "description", "type": "rich_text"}]}""".formatted(id)), null);
        }
    }

    private ObjectNode run(String job, String kind, String text, ObjectNode options) {
        return vellum.services().importers().rows("rows", job, kind, "test-file", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                options, ImportContext.NONE);
    }

    private Map<String, JsonNode> entries(String collection) {
        ObjectNode page = vellum.services().entries().list("rows", collection, new ListParams("100", null, null, null, null, null), true,
                RichTextFormat.MARKDOWN);
        Map<String, JsonNode> out = new HashMap<>();
        page.get("data").forEach(e -> out.put(e.get("slug").asText(), e));
        return out;
    }

    @Test
    void csvRowsAreMappedCoercedAndReportedPerRow() {
        String csv = """
                SKU,Title,Price,Active,Labels,Description,Colour\r
                a1,Red chair,12.5,yes,home;garden,"A **red** chair,\r
                with a line break",red\r
                a2,"Blue ""deluxe"" table",abc,no,,plain,blue\r
                a3,Green lamp,7,1,light,,green\r
                """;
        ObjectNode options = JSON.createObjectNode().put("collection", "products").put("key", "SKU");
        options.putObject("mapping").put("Title", "name").put("Price", "price").put("Active", "active").put("Labels", "labels")
                .put("Description", "description");
        ObjectNode result = run("csv-1", "csv", csv, options);
        assertThat(result.get("counts").get("created").asLong()).isEqualTo(2);
        assertThat(result.get("counts").get("failed").asLong()).isEqualTo(1);
        assertThat(result.get("ignored_columns")).extracting(JsonNode::asText).containsExactly("Colour");
        ImportLog.Row failed = vellum.services().importers().log("csv-1", 0, 10, ImportLog.Action.FAILED).get(0);
        assertThat(failed.sourceId()).isEqualTo("row:a2");
        assertThat(failed.error()).contains("line 4").contains("fields.price").contains("'abc' is not a number");

        Map<String, JsonNode> products = entries("products");
        JsonNode chair = products.get("red-chair").get("fields");
        assertThat(chair.get("price").asDouble()).isEqualTo(12.5);
        assertThat(chair.get("active").asBoolean()).isTrue();
        assertThat(chair.get("labels")).extracting(JsonNode::asText).containsExactly("home", "garden");
        assertThat(chair.get("description").get("markdown").asText()).contains("**red**");
        assertThat(products.get("green-lamp").get("fields").get("price").asInt()).isEqualTo(7);

        String fixed = csv.replace(",abc,", ",30,").replace("Green lamp,7", "Green lamp,8");
        ObjectNode again = run("csv-2", "csv", fixed, options);
        assertThat(again.get("counts").get("created").asLong()).isEqualTo(1);
        assertThat(again.get("counts").get("updated").asLong()).isEqualTo(1);
        assertThat(again.get("counts").get("unchanged").asLong()).isEqualTo(1);
        assertThat(entries("products")).hasSize(3);
        assertThat(entries("products").get("green-lamp").get("version").asLong()).isEqualTo(2);
    }

    @Test
    void jsonArraysAndNdjsonImportTheSameWay() {
        String array = """
                [{"id": 1, "name": "One", "price": 1, "slug": "one"},
                 {"id": 2, "slug": "two", "draft": true, "fields": {"name": "Two", "price": "2", "labels": ["x", "y"]}},
                 {"id": 3, "name": "Three", "price": -4}]""";
        ObjectNode options = JSON.createObjectNode().put("collection", "items");
        ObjectNode result = run("json-1", "json", array, options);
        assertThat(result.get("counts").get("created").asLong()).isEqualTo(2);
        assertThat(result.get("counts").get("failed").asLong()).isEqualTo(1);
        assertThat(vellum.services().importers().log("json-1", 0, 10, ImportLog.Action.FAILED).get(0).error()).contains("price");
        Map<String, JsonNode> items = entries("items");
        assertThat(items.get("two").get("draft").asBoolean()).isTrue();
        assertThat(items.get("two").get("fields").get("price").asInt()).isEqualTo(2);

        String ndjson = """
                {"id": 1, "name": "One", "price": 1, "slug": "one"}
                {"id": 2, "slug": "two", "draft": true, "fields": {"name": "Two", "price": "2", "labels": ["x", "y"]}}
                {"id": 3, "name": "Three", "price": 4}
                """;
        ObjectNode again = run("json-2", "json", ndjson, options);
        assertThat(again.get("counts").get("unchanged").asLong()).isEqualTo(2);
        assertThat(again.get("counts").get("created").asLong()).isEqualTo(1);
        assertThat(entries("items")).hasSize(3);
    }
}
