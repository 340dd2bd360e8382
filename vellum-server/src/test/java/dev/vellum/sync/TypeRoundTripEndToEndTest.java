package dev.vellum.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vellum.testing.Api;
import dev.vellum.testing.DirectusServer;
import dev.vellum.testing.Receiver;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every mapped type both ways through a real Directus: rich text (HTML and Markdown), dates with
 * zones, booleans (no cast flag: SQLite answers 1/0), integers, decimals, colours, enums, images and
 * files, many-to-one and many-to-many. Directus → Vellum → another Directus collection gives the same
 * Directus values; Vellum → Directus → another Vellum collection gives the same Vellum values.
 */
class TypeRoundTripEndToEndTest extends DirectusScenarios {
    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
    static final List<String> COMPARED = List.of("title", "body", "notes", "published_at", "day", "featured", "views", "price", "tint",
            "status", "cover", "attachment", "category");

    @Test
    void everyTypeRoundTripsBothWays() throws Exception {
        Project p = project("types");
        p.collection("categories", List.of(Map.of("id", "name", "type", "text")));
        p.collection("tags", List.of(Map.of("id", "name", "type", "text")));
        for (String c : List.of("articles", "articles2")) p.collection(c, articleFields());
        simple("categories");
        simple("tags");
        articles("articles");
        articles("articles_copy");
        String png = upload("pixel.png", "image/png", PNG);
        String txt = upload("notes.txt", "text/plain", "hello".getBytes(StandardCharsets.UTF_8));
        JsonNode news = createItems("categories", List.of(Map.of("name", "News", "slug", "news"), Map.of("name", "Tech", "slug", "tech")));
        JsonNode tags = createItems("tags", List.of(Map.of("name", "A", "slug", "a"), Map.of("name", "B", "slug", "b")));
        Map<String, Object> original = new HashMap<>();
        original.put("slug", "first");
        original.put("title", "First");
        original.put("body", "<p>Hello <strong>world</strong> and <a href=\"https://example.com/\">a link</a></p>");
        original.put("notes", "Some *emphasis* and `code`\n");
        original.put("published_at", "2026-01-02T03:04:05.000Z");
        original.put("day", "2026-02-03");
        original.put("featured", true);
        original.put("views", 42);
        original.put("price", "12.50");
        original.put("tint", "#12ab34");
        original.put("status", "live");
        original.put("cover", png);
        original.put("attachment", txt);
        original.put("category", news.path(1).path("id").asInt());
        original.put("tags", List.of(Map.of("tags_id", tags.path(1).path("id").asInt()), Map.of("tags_id", tags.path(0).path("id").asInt())));
        createItems("articles", List.of(original));

        String cats = connect(p, "categories", "categories");
        String tagc = connect(p, "tags", "tags");
        String arts = connect(p, "articles", "articles");
        assertThat(p.sync(cats, "pull").path("created").asInt()).isEqualTo(2);
        assertThat(p.sync(tagc, "pull").path("created").asInt()).isEqualTo(2);
        JsonNode pulled = p.sync(arts, "pull");
        assertThat(pulled.path("created").asInt()).as(pulled.toString()).isEqualTo(1);

        // Directus → Vellum: every value converted
        JsonNode e = p.entryBySlug("articles", "first").path("fields");
        assertThat(e.path("title").asText()).isEqualTo("First");
        assertThat(e.path("published_at").asText()).isEqualTo("2026-01-02T03:04:05.000Z");
        assertThat(e.path("day").asText()).isEqualTo("2026-02-03");
        assertThat(e.path("featured").isBoolean()).as(e.toString()).isTrue();
        assertThat(e.path("featured").asBoolean()).isTrue();
        assertThat(e.path("views").asInt()).isEqualTo(42);
        assertThat(e.path("price").asDouble()).isEqualTo(12.5);
        assertThat(e.path("tint").asText()).isEqualTo("#12ab34");
        assertThat(e.path("status").asText()).isEqualTo("live");
        assertThat(e.path("cover").path("url").asText()).isEqualTo(directus.url() + "/assets/" + png);
        assertThat(e.path("attachment").path("url").asText()).isEqualTo(directus.url() + "/assets/" + txt);
        assertThat(e.path("category").asText()).isEqualTo(p.entryBySlug("categories", "tech").path("id").asText());
        assertThat(e.path("tags")).hasSize(2);
        assertThat(e.path("tags").path(0).asText()).isEqualTo(p.entryBySlug("tags", "b").path("id").asText());
        String html = p.api().get(p.path("/collections/articles/entries/" + p.entryBySlug("articles", "first").path("id").asText()
                + "?rich_text=html")).json().path("fields").path("body").path("html").asText();
        assertThat(html).isEqualTo(original.get("body"));

        // … → another Directus collection: the same Directus values
        Api.Response moved = p.api().patch(p.path("/connections/" + arts), Map.of("remote_collection", "articles_copy"));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        JsonNode pushed = p.sync(arts, "push", Map.of("full", true));
        assertThat(pushed.path("created").asInt()).as(pushed.toString()).isEqualTo(1);
        JsonNode a = directusItem("articles", "first");
        JsonNode b = directusItem("articles_copy", "first");
        for (String f : COMPARED) assertThat(b.path(f)).as(f).isEqualTo(a.path(f));
        assertThat(tagIds(b)).isEqualTo(tagIds(a));

        // Vellum → Directus → another Vellum collection: the same Vellum values (dates given with a zone)
        try (Receiver site = new Receiver()) {
            site.respond("/readme.txt", (req, n) -> new Receiver.Reply(200, Map.of("Content-Type", "text/plain"), "read me", 0));
            Map<String, Object> fields = new HashMap<>();
            fields.put("title", "Made in Vellum");
            fields.put("body", Map.of("markdown", "# Heading\n\nText with **bold**.\n"));
            fields.put("notes", Map.of("markdown", "- one\n- two\n"));
            fields.put("published_at", "2026-05-01T12:00:00+02:00");
            fields.put("day", "2026-05-02");
            fields.put("featured", false);
            fields.put("views", 7);
            fields.put("price", 0.25);
            fields.put("tint", "#ff000080");
            fields.put("status", "draft");
            fields.put("cover", Map.of("url", directus.url() + "/assets/" + png));
            fields.put("attachment", Map.of("url", site.url("/readme.txt")));
            fields.put("category", p.entryBySlug("categories", "news").path("id").asText());
            fields.put("tags", List.of(p.entryBySlug("tags", "a").path("id").asText()));
            p.create("articles", Map.of("slug", "made-here", "fields", fields));
            JsonNode push = p.sync(arts, "push");
            assertThat(push.path("created").asInt()).as(push.toString()).isEqualTo(1);
            assertThat(site.requests("/readme.txt")).hasSize(1); // fetched once and uploaded to Directus as a file
        }
        JsonNode made = directusItem("articles_copy", "made-here");
        assertThat(made.path("published_at").asText()).startsWith("2026-05-01T10:00:00");
        assertThat(made.path("attachment").asText()).isNotBlank();
        JsonNode file = directus.api().get("/files/" + made.path("attachment").asText()).json().path("data");
        assertThat(file.path("type").asText()).startsWith("text/plain");
        assertThat(file.path("filename_download").asText()).isEqualTo("readme.txt");
        String second = connect(p, "articles2", "articles_copy");
        JsonNode pulled2 = p.sync(second, "pull");
        assertThat(pulled2.path("created").asInt()).as(pulled2.toString()).isEqualTo(2);
        JsonNode v1 = p.entryBySlug("articles", "made-here").path("fields");
        JsonNode v2 = p.entryBySlug("articles2", "made-here").path("fields");
        for (String f : List.of("title", "body", "notes", "published_at", "day", "featured", "views", "price", "tint", "status", "cover",
                "category", "tags")) {
            assertThat(v2.path(f)).as(f).isEqualTo(v1.path(f));
        }
        assertThat(v2.path("attachment").path("url").asText()).isEqualTo(directus.url() + "/assets/" + made.path("attachment").asText());
        // and nothing moves when nothing changed
        JsonNode quiet = p.sync(second, "pull", Map.of("full", true));
        assertThat(quiet.path("updated").asInt() + quiet.path("created").asInt()).as(quiet.toString()).isZero();
    }

    private String connect(Project p, String collection, String remote) {
        return p.connect(Map.of("collection", collection, "url", directus.url(), "token", DirectusServer.TOKEN, "remote_collection", remote))
                .path("id").asText();
    }

    private static List<Map<String, Object>> articleFields() {
        List<Map<String, Object>> f = new ArrayList<>();
        f.add(Map.of("id", "title", "type", "text"));
        f.add(Map.of("id", "body", "type", "rich_text"));
        f.add(Map.of("id", "notes", "type", "rich_text"));
        f.add(Map.of("id", "published_at", "type", "date"));
        f.add(Map.of("id", "day", "type", "date"));
        f.add(Map.of("id", "featured", "type", "boolean"));
        f.add(Map.of("id", "views", "type", "number", "integer", true));
        f.add(Map.of("id", "price", "type", "number"));
        f.add(Map.of("id", "tint", "type", "color"));
        f.add(Map.of("id", "status", "type", "enum", "options", List.of("draft", "live")));
        f.add(Map.of("id", "cover", "type", "image"));
        f.add(Map.of("id", "attachment", "type", "file"));
        f.add(Map.of("id", "category", "type", "reference", "collection", "categories"));
        f.add(Map.of("id", "tags", "type", "references", "collection", "tags"));
        return f;
    }

    private void simple(String name) {
        directus.createCollection(name, List.of(field("name", "string"), slug(), marker("date_created", "date-created"),
                marker("date_updated", "date-updated")));
    }

    private void articles(String name) {
        List<Map<String, Object>> f = new ArrayList<>();
        f.add(slug());
        f.add(marker("date_created", "date-created"));
        f.add(marker("date_updated", "date-updated"));
        f.add(field("title", "string"));
        f.add(field("body", "text", Map.of("interface", "input-rich-text-html")));
        f.add(field("notes", "text", Map.of("interface", "input-rich-text-md")));
        f.add(field("published_at", "timestamp", Map.of("interface", "datetime")));
        f.add(field("day", "date", Map.of("interface", "datetime")));
        f.add(field("featured", "boolean", Map.of("interface", "boolean")));
        f.add(field("views", "integer"));
        f.add(Map.of("field", "price", "type", "decimal", "meta", Map.of("interface", "input"), "schema", Map.of("numeric_precision", 10,
                "numeric_scale", 2)));
        f.add(field("tint", "string", Map.of("interface", "select-color")));
        f.add(field("status", "string", Map.of("interface", "select-dropdown", "options", Map.of("choices", List.of(
                Map.of("text", "Draft", "value", "draft"), Map.of("text", "Live", "value", "live"))))));
        f.add(field("cover", "uuid", Map.of("interface", "file-image", "special", List.of("file"))));
        f.add(field("attachment", "uuid", Map.of("interface", "file", "special", List.of("file"))));
        f.add(field("category", "integer", Map.of("interface", "select-dropdown-m2o", "special", List.of("m2o"))));
        directus.createCollection(name, f);
        ok(directus.api().post("/fields/" + name, Map.of("field", "tags", "type", "alias",
                "meta", Map.of("interface", "list-m2m", "special", List.of("m2m")))));
        String junction = name + "_tags";
        directus.createCollection(junction, List.of(field(name + "_id", "integer"), field("tags_id", "integer")));
        for (String[] r : new String[][] {{"cover", "directus_files"}, {"attachment", "directus_files"}, {"category", "categories"}}) {
            ok(directus.api().post("/relations", Map.of("collection", name, "field", r[0], "related_collection", r[1])));
        }
        Map<String, Object> back = new HashMap<>(Map.of("one_field", "tags", "junction_field", "tags_id"));
        ok(directus.api().post("/relations", Map.of("collection", junction, "field", name + "_id", "related_collection", name,
                "meta", back, "schema", Map.of("on_delete", "CASCADE"))));
        ok(directus.api().post("/relations", Map.of("collection", junction, "field", "tags_id", "related_collection", "tags",
                "meta", Map.of("junction_field", name + "_id"), "schema", Map.of("on_delete", "CASCADE"))));
    }

    private static void ok(Api.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    private JsonNode directusItem(String collection, String slug) {
        Api.Response r = directus.api().get("/items/" + collection + "?fields=*,tags.tags_id&filter[slug][_eq]=" + slug);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().path("data")).as(r.toString()).hasSize(1);
        return r.json().path("data").path(0);
    }

    private static List<String> tagIds(JsonNode item) {
        List<String> out = new ArrayList<>();
        item.path("tags").forEach(t -> out.add(t.path("tags_id").asText()));
        return out;
    }
}
