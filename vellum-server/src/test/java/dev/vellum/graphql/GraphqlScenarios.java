package dev.vellum.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vellum.testing.Api;
import dev.vellum.testing.Backend;
import dev.vellum.testing.TestServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** GraphQL over a real server: every field type, batched references, REST parity, draft rules, limits, persisted queries. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class GraphqlScenarios {
    private static final int POSTS = 120;
    private Backend backend;
    private TestServer server;
    private String p;
    private String base;
    private Api admin;
    private Api writer;
    private Api reader;
    private String fullPostId;
    private String draftAuthorId;

    protected abstract Backend newBackend();

    @BeforeAll
    void start() {
        backend = newBackend();
        // background chores read the database too: slow them down so connection counts are this test's own
        server = new TestServer(backend, Map.of("VELLUM_POLL_MS", "600000", "VELLUM_SCHEDULER_TICK_MS", "600000"));
        p = "gql-" + Long.toHexString(System.nanoTime());
        admin = server.project(p, "admin");
        writer = server.token(p, "write");
        reader = server.token(p, "read");
        base = "/v1/projects/" + p;
        created(admin.post(base + "/collections", """
                {"id": "authors", "fields": [{"id": "name", "type": "text"}, {"id": "avatar", "type": "image"}]}"""));
        created(admin.post(base + "/collections", """
                {"id": "blog-categories", "fields": [{"id": "name", "type": "text"}]}"""));
        created(admin.post(base + "/collections", """
                {"id": "posts", "fields": [
                  {"id": "title", "type": "text"}, {"id": "body", "type": "rich_text"},
                  {"id": "views", "type": "number", "integer": true}, {"id": "rating", "type": "number"},
                  {"id": "featured", "type": "boolean"}, {"id": "published_on", "type": "date"},
                  {"id": "status", "type": "enum", "options": ["draft", "live"]},
                  {"id": "tags", "type": "multi_enum", "options": ["a", "b", "c"]},
                  {"id": "cover", "type": "image"}, {"id": "attachment", "type": "file"},
                  {"id": "accent", "type": "color"}, {"id": "website", "type": "link"},
                  {"id": "author", "type": "reference", "collection": "authors"},
                  {"id": "category", "type": "reference", "collection": "blog-categories"},
                  {"id": "related", "type": "references", "collection": "posts"},
                  {"id": "gallery", "type": "array", "of": {"type": "image"}},
                  {"id": "notes", "type": "array", "of": {"type": "text"}}]}"""));
        List<String> authors = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            authors.add(id(writer.post(base + "/collections/authors/entries", Map.of("fields",
                    Map.of("name", "Author " + i, "avatar", Map.of("url", "https://img.example.com/a" + i + ".png", "width", 64, "height", 64))))));
        }
        draftAuthorId = id(writer.post(base + "/collections/authors/entries", Map.of("draft", true, "fields", Map.of("name", "Hidden author"))));
        List<String> categories = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            categories.add(id(writer.post(base + "/collections/blog-categories/entries", Map.of("fields", Map.of("name", "Category " + i)))));
        }
        String[] titles = {"Java streams", "Kotlin notes", "café culture", "Records", "plain"};
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < POSTS; i++) {
            Map<String, Object> f = new HashMap<>();
            f.put("title", titles[i % titles.length] + " " + i);
            f.put("views", i * 7 % 50);
            f.put("rating", (i % 10) / 2.0);
            f.put("featured", i % 3 == 0);
            f.put("status", i % 4 == 0 ? "draft" : "live");
            f.put("tags", i % 2 == 0 ? List.of("a") : List.of("b", "c"));
            f.put("author", i % 17 == 0 ? draftAuthorId : authors.get(i % authors.size()));
            f.put("category", categories.get(i % categories.size()));
            batch.add(Map.of("slug", "post-" + i, "draft", i % 10 == 9, "fields", f));
        }
        assertThat(writer.post(base + "/collections/posts/entries/batch", Map.of("entries", batch)).status()).isEqualTo(200);
        Map<String, Object> full = new HashMap<>();
        full.put("title", "Everything");
        full.put("body", Map.of("markdown", "# Hello\n\nSome **bold** text and a [link](https://example.com)."));
        full.put("views", 42);
        full.put("rating", 4.5);
        full.put("featured", true);
        full.put("published_on", "2026-11-01");
        full.put("status", "live");
        full.put("tags", List.of("a", "c"));
        full.put("cover", Map.of("url", "https://img.example.com/cover.jpg", "alt", "A cover", "width", 1200, "height", 630));
        full.put("attachment", Map.of("url", "https://files.example.com/report.pdf", "name", "report.pdf", "size", 12345,
                "content_type", "application/pdf"));
        full.put("accent", "#ff8800");
        full.put("website", "https://example.com/about");
        full.put("author", authors.get(0));
        full.put("category", categories.get(1));
        full.put("gallery", List.of(Map.of("url", "https://img.example.com/g1.jpg"), Map.of("url", "https://img.example.com/g2.jpg", "alt", "two")));
        full.put("notes", List.of("first", "second"));
        fullPostId = id(writer.post(base + "/collections/posts/entries", Map.of("slug", "everything", "fields", full)));
        String firstPost = reader.get(base + "/collections/posts/entries?limit=2&sort=slug").json().at("/data/1/id").asText(); // post-0 ("everything" sorts first)
        assertThat(writer.patch(base + "/collections/posts/entries/" + fullPostId,
                Map.of("fields", Map.of("related", List.of(firstPost, fullPostId)))).status()).isEqualTo(200);
    }

    @AfterAll
    void stop() {
        if (server != null) server.close();
        if (backend != null) backend.close();
    }

    private static void created(Api.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }

    private static String id(Api.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    private Api.Response gql(Api as, String query) {
        return as.post(base + "/graphql", Map.of("query", query));
    }

    private JsonNode data(Api as, String query) {
        Api.Response r = gql(as, query);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().has("errors")).as(r.toString()).isFalse();
        return r.json().get("data");
    }

    @Test
    void everyFieldTypeIsMappedAsRestRendersIt() {
        JsonNode e = data(reader, """
                { posts_by_id(id: "%s") { id slug draft version created_at updated_at title
                    html: body(format: html) markdown: body(format: markdown) json: body
                    views rating featured published_on status tags accent website
                    cover { url alt width height } attachment { url name size content_type }
                    author { id name avatar { url width } } category { name }
                    related { id slug } gallery { url alt } notes } }""".formatted(fullPostId)).get("posts_by_id");
        JsonNode rest = reader.get(base + "/collections/posts/entries/" + fullPostId).json();
        JsonNode fields = rest.get("fields");
        assertThat(e.get("id").asText()).isEqualTo(fullPostId);
        assertThat(e.get("slug").asText()).isEqualTo("everything");
        assertThat(e.get("draft").asBoolean()).isFalse();
        assertThat(e.get("version").asLong()).isEqualTo(rest.get("version").asLong());
        assertThat(e.get("created_at").asText()).isEqualTo(rest.get("created_at").asText());
        for (String f : List.of("title", "views", "rating", "featured", "published_on", "status", "tags", "accent", "website", "cover",
                "notes")) {
            assertThat(e.get(f)).as(f).isEqualTo(fields.get(f));
        }
        for (String k : List.of("url", "name", "content_type")) assertThat(e.at("/attachment/" + k)).isEqualTo(fields.at("/attachment/" + k));
        assertThat(e.at("/attachment/size").asDouble()).isEqualTo(12345.0); // a Float: files may pass 2^31 bytes
        assertThat(e.get("json")).isEqualTo(fields.get("body"));
        assertThat(e.get("html").asText()).isEqualTo(
                reader.get(base + "/collections/posts/entries/" + fullPostId + "?rich_text=html").json().at("/fields/body/html").asText())
                .contains("<strong>bold</strong>");
        assertThat(e.get("markdown").asText()).isEqualTo(
                reader.get(base + "/collections/posts/entries/" + fullPostId + "?rich_text=markdown").json().at("/fields/body/markdown").asText());
        assertThat(e.at("/author/id").asText()).isEqualTo(fields.get("author").asText());
        assertThat(e.at("/author/name").asText()).isEqualTo("Author 0");
        assertThat(e.at("/author/avatar/width").asInt()).isEqualTo(64);
        assertThat(e.at("/category/name").asText()).isEqualTo("Category 1");
        assertThat(e.get("related")).hasSize(2);
        assertThat(e.at("/related/1/slug").asText()).isEqualTo("everything");
        assertThat(e.at("/gallery/1/alt").asText()).isEqualTo("two");
    }

    @Test
    void aCollectionIdWithADashBecomesAnUnderscoreAndEmptyValuesAreNull() {
        JsonNode d = data(reader, "{ blog_categories(sort: \"name\") { data { name } total } posts(filter: \"slug = \\\"post-1\\\"\") { data { slug cover { url } notes body } } }");
        assertThat(d.at("/posts/data/0/slug").asText()).isEqualTo("post-1");
        assertThat(d.at("/blog_categories/total").asInt()).isEqualTo(3);
        assertThat(d.at("/blog_categories/data/0/name").asText()).isEqualTo("Category 0");
        assertThat(d.at("/posts/data/0/cover").isNull()).isTrue();
        assertThat(d.at("/posts/data/0/body").isNull()).isTrue();
    }

    @Test
    void listsMatchRestForTheSameFiltersSortsAndCursors() {
        List<String[]> cases = List.of(
                new String[] {null, null, "7"},
                new String[] {"views > 20 and featured = false", "-views,title", "9"},
                new String[] {"status = \"live\" or tags in [\"a\"]", "rating,-created_at", "11"},
                new String[] {"title ~ \"java\"", "-title", "3"},
                new String[] {"author.name = \"Author 2\"", "slug", "5"},
                new String[] {"category is null", null, "4"},
                new String[] {null, null, "6", "java"},
                new String[] {"views > 10", "-views,title", "4", "java"},
                new String[] {"featured = true", null, "3", "\"java streams\""},
                new String[] {null, "slug", "7", "kotlin not*"},
                new String[] {"status = \"live\"", null, "5", "cafe*"},
                new String[] {null, null, "8", "\"café culture\""});
        for (Api who : List.of(reader, writer)) {
            for (String[] c : cases) {
                String cursor = null;
                int pages = 0;
                do {
                    StringBuilder rest = new StringBuilder(base + "/collections/posts/entries?include_total=true&limit=" + c[2]);
                    if (c[0] != null) rest.append("&filter=").append(enc(c[0]));
                    if (c[1] != null) rest.append("&sort=").append(enc(c[1]));
                    if (c.length > 3) rest.append("&search=").append(enc(c[3]));
                    if (cursor != null) rest.append("&cursor=").append(enc(cursor));
                    JsonNode r = who.get(rest.toString()).json();
                    String args = "limit: " + c[2] + (c[0] == null ? "" : ", filter: " + quote(c[0])) + (c[1] == null ? "" : ", sort: " + quote(c[1]))
                            + (c.length > 3 ? ", search: " + quote(c[3]) : "") + (cursor == null ? "" : ", cursor: " + quote(cursor));
                    JsonNode g = data(who, "{ posts(" + args + ") { data { id slug views } next_cursor total } }").get("posts");
                    List<String> restIds = new ArrayList<>();
                    r.get("data").forEach(x -> restIds.add(x.get("id").asText()));
                    List<String> gqlIds = new ArrayList<>();
                    g.get("data").forEach(x -> gqlIds.add(x.get("id").asText()));
                    assertThat(gqlIds).as(String.join(" | ", java.util.Arrays.asList(c)) + " page " + pages).isEqualTo(restIds);
                    assertThat(g.get("total").asLong()).isEqualTo(r.get("total").asLong());
                    assertThat(g.get("next_cursor").isNull()).isEqualTo(r.get("next_cursor").isNull());
                    cursor = r.get("next_cursor").isNull() ? null : r.get("next_cursor").asText();
                    if (cursor != null) assertThat(g.get("next_cursor").asText()).isEqualTo(cursor);
                    pages++;
                } while (cursor != null && pages < 40);
                assertThat(pages).isGreaterThanOrEqualTo(1);
            }
        }
    }

    @Test
    void draftsAreHiddenFromReadTokensAndShownToWriteTokens() {
        JsonNode asReader = data(reader, "{ posts(limit: 500) { total data { draft author { id name } } } }").get("posts");
        JsonNode asWriter = data(writer, "{ posts(limit: 500) { total data { draft author { id name } } } }").get("posts");
        assertThat(asWriter.get("total").asInt()).isEqualTo(POSTS + 1);
        assertThat(asReader.get("total").asInt()).isEqualTo(POSTS + 1 - POSTS / 10);
        asReader.get("data").forEach(e -> assertThat(e.get("draft").asBoolean()).isFalse());
        long hiddenAuthors = 0;
        for (JsonNode e : asReader.get("data")) if (e.get("author").isNull()) hiddenAuthors++;
        assertThat(hiddenAuthors).as("posts whose author is a draft show no author to a read token").isPositive();
        for (JsonNode e : asWriter.get("data")) assertThat(e.get("author").isNull()).isFalse();
        assertThat(data(reader, "{ authors_by_id(id: \"" + draftAuthorId + "\") { name } }").get("authors_by_id").isNull()).isTrue();
        assertThat(data(writer, "{ authors_by_id(id: \"" + draftAuthorId + "\") { name } }").at("/authors_by_id/name").asText())
                .isEqualTo("Hidden author");
    }

    @Test
    void anotherProjectsTokenSeesNothing() {
        String other = "gql-other-" + Long.toHexString(System.nanoTime());
        Api stranger = server.project(other, "admin");
        Api.Response r = gql(stranger, "{ posts { data { id } } }");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("code").asText()).isEqualTo("project_not_found");
        assertThat(r.raw().body()).doesNotContain("Everything");
        assertThat(stranger.get(base + "/graphql?query=" + enc("{ posts { total } }")).status()).isEqualTo(404);
        assertThat(server.anonymous().post(base + "/graphql", Map.of("query", "{ posts { total } }")).status()).isEqualTo(401);
        // and the stranger's own project has no posts type at all
        assertThat(stranger.post("/v1/projects/" + other + "/graphql", Map.of("query", "{ posts { total } }")).status()).isEqualTo(400);
    }

    @Test
    void referencesAreBatchedSoQueriesDoNotGrowWithThePageSize() {
        String q = "{ posts(limit: %d, sort: \"slug\") { data { title author { name avatar { url } } category { name } } } }";
        long small = Long.MAX_VALUE;
        long large = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) { // other work only adds checkouts: the least of five runs is the query's own
            small = Math.min(small, checkouts(() -> assertThat(data(reader, q.formatted(10)).at("/posts/data")).hasSize(10)));
            large = Math.min(large, checkouts(() -> assertThat(data(reader, q.formatted(100)).at("/posts/data")).hasSize(100)));
        }
        // schema check, posts page, one authors batch, one categories batch, asset lookups of image fields, the webhook gauge
        // read by the measuring scrape (+ a token lookup when its cache entry expired): unbatched, 10 posts would cost 20
        // more round trips and 100 posts 200 more
        assertThat(small).isBetween(4L, 9L);
        assertThat(large).isBetween(4L, 9L).isLessThanOrEqualTo(small + 2);
    }

    @Test
    void nestedReferencesAreBatchedPerLevelSoQueriesDoNotGrowWithThePageSize() {
        String q = "{ posts(limit: %d, sort: \"slug\") { data { title author { name } related { slug author { name } category { name } } } } }";
        long small = Long.MAX_VALUE;
        long large = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            small = Math.min(small, checkouts(() -> assertThat(data(reader, q.formatted(10)).at("/posts/data")).hasSize(10)));
            large = Math.min(large, checkouts(() -> assertThat(data(reader, q.formatted(80)).at("/posts/data")).hasSize(80)));
        }
        // schema check, posts page, authors and posts (related) of level one, authors and categories of level two, asset
        // lookups, the measuring scrape's gauge (+ a token lookup): unbatched, 80 posts would cost over a hundred
        assertThat(large).isBetween(6L, 12L).isLessThanOrEqualTo(small + 2);
        JsonNode everything = data(reader, q.formatted(1).replace("limit: 1, sort: \"slug\"", "filter: \"slug = \\\"everything\\\"\""))
                .at("/posts/data/0");
        assertThat(everything.at("/related/0/slug").asText()).isEqualTo("post-0");
        assertThat(everything.at("/related/1/author/name").asText()).isEqualTo("Author 0");
        assertThat(everything.at("/related/1/category/name").asText()).isEqualTo("Category 1");
    }

    @Test
    void fragmentsAliasesAndSkipOrIncludeSelectWhatIsResolved() {
        String query = """
                query($withCategory: Boolean!, $noAuthor: Boolean!) {
                  posts(limit: 6, sort: "slug") {
                    ... on posts_Page { total }
                    data { ...Post a1: author { name } a2: author { id avatar { url } } category @include(if: $withCategory) { name } }
                  }
                }
                fragment Post on posts { slug author @skip(if: $noAuthor) { slug } ... { views } }""";
        JsonNode rest = writer.get(base + "/collections/posts/entries?limit=6&sort=slug").json().get("data");
        for (boolean withCategory : List.of(true, false)) {
            for (boolean noAuthor : List.of(true, false)) {
                Api.Response r = writer.post(base + "/graphql", Map.of("query", query,
                        "variables", Map.of("withCategory", withCategory, "noAuthor", noAuthor)));
                assertThat(r.json().has("errors")).as(r.toString()).isFalse();
                JsonNode page = r.json().at("/data/posts");
                assertThat(page.get("total").asInt()).isEqualTo(POSTS + 1);
                for (int i = 0; i < 6; i++) {
                    JsonNode e = page.get("data").get(i);
                    JsonNode fields = rest.get(i).get("fields");
                    assertThat(e.get("slug").asText()).isEqualTo(rest.get(i).get("slug").asText());
                    assertThat(e.get("views")).isEqualTo(fields.get("views"));
                    String author = fields.get("author").asText();
                    JsonNode restAuthor = writer.get(base + "/collections/authors/entries/" + author).json();
                    assertThat(e.at("/a1/name").asText()).isEqualTo(restAuthor.at("/fields/name").asText());
                    assertThat(e.at("/a2/id").asText()).isEqualTo(author);
                    assertThat(e.at("/a2/avatar/url").asText()).isEqualTo(restAuthor.at("/fields/avatar/url").asText());
                    assertThat(e.has("author")).isEqualTo(!noAuthor);
                    if (!noAuthor) assertThat(e.at("/author/slug").asText()).isEqualTo(restAuthor.get("slug").asText());
                    assertThat(e.has("category")).isEqualTo(withCategory);
                    if (withCategory) assertThat(e.at("/category/name").asText()).startsWith("Category ");
                }
            }
        }
    }

    @Test
    void aCachedQueryIsStillCostedWithItsVariablesAndCheckedAgainstTheCurrentSchema() {
        String costly = "query($n: Int) { posts(limit: $n) { data { id } } }";
        assertThat(reader.post(base + "/graphql", Map.of("query", costly, "variables", Map.of("n", 3))).json().at("/data/posts/data"))
                .hasSize(3);
        Api.Response tooMany = reader.post(base + "/graphql", Map.of("query", costly, "variables", Map.of("n", 100_000)));
        assertThat(tooMany.status()).as(tooMany.toString()).isEqualTo(400);
        assertThat(tooMany.json().get("code").asText()).isEqualTo("graphql_too_complex");

        String q = "gql-cached-" + Long.toHexString(System.nanoTime());
        Api a = server.project(q, "admin");
        String b = "/v1/projects/" + q;
        created(a.post(b + "/collections", Map.of("id", "notes", "fields", List.of(Map.of("id", "title", "type", "text"),
                Map.of("id", "mood", "type", "text")))));
        a.post(b + "/collections/notes/entries", Map.of("fields", Map.of("title", "one", "mood", "calm")));
        String query = "{ notes { data { title mood } } }";
        assertThat(a.post(b + "/graphql", Map.of("query", query)).json().at("/data/notes/data/0/mood").asText()).isEqualTo("calm");
        assertThat(a.patch(b + "/collections/notes", Map.of("fields", List.of(Map.of("id", "title", "type", "text")),
                "resolve", Map.of("mood", "discard"))).status()).isEqualTo(200);
        Api.Response stale = a.post(b + "/graphql", Map.of("query", query));
        assertThat(stale.status()).as(stale.toString()).isEqualTo(400);
        assertThat(stale.json().get("code").asText()).isEqualTo("graphql_invalid");
    }

    @Test
    void mutationsResolveTheReferencesTheySelect() {
        String q = "gqlwriterefs-" + Long.toHexString(System.nanoTime());
        Api a = server.project(q, "admin");
        Api w = server.token(q, "write");
        String b = "/v1/projects/" + q;
        created(a.post(b + "/collections", Map.of("id", "people", "fields", List.of(Map.of("id", "name", "type", "text")))));
        created(a.post(b + "/collections", Map.of("id", "notes", "fields", List.of(Map.of("id", "title", "type", "text"),
                Map.of("id", "by", "type", "reference", "collection", "people"),
                Map.of("id", "cc", "type", "references", "collection", "people")))));
        String ann = id(w.post(b + "/collections/people/entries", Map.of("fields", Map.of("name", "Ann"))));
        String bob = id(w.post(b + "/collections/people/entries", Map.of("draft", true, "fields", Map.of("name", "Bob"))));
        Api.Response made = w.post(b + "/graphql", Map.of("query", "mutation($d: JSON!) { create_notes_item(data: $d) { id by { name } cc { name } } }",
                "variables", Map.of("d", Map.of("fields", Map.of("title", "Hi", "by", ann, "cc", List.of(bob, ann))))));
        assertThat(made.json().has("errors")).as(made.toString()).isFalse();
        assertThat(made.json().at("/data/create_notes_item/by/name").asText()).isEqualTo("Ann");
        assertThat(made.json().at("/data/create_notes_item/cc/0/name").asText()).isEqualTo("Bob"); // a write token sees drafts
        String note = made.json().at("/data/create_notes_item/id").asText();
        JsonNode read = server.token(q, "read").post(b + "/graphql", Map.of("query", "{ notes_by_id(id: \"" + note + "\") { cc { name } } }")).json();
        assertThat(read.at("/data/notes_by_id/cc")).as(read.toString()).hasSize(1); // Bob is a draft: left out for a read token
        JsonNode changed = w.post(b + "/graphql", Map.of("query", "mutation { update_notes_item(id: \"" + note + "\", data: {fields: {by: \""
                + bob + "\"}}) { by { name } } }")).json();
        assertThat(changed.at("/data/update_notes_item/by/name").asText()).as(changed.toString()).isEqualTo("Bob");
    }

    @Test
    void hostileQueriesAreRefusedBeforeTheyRun() {
        StringBuilder deep = new StringBuilder("{ posts_by_id(id: \"" + fullPostId + "\") { ");
        for (int i = 0; i < 30; i++) deep.append("related { ");
        deep.append("id").append(" }".repeat(30)).append(" } }");
        assertRefused(deep.toString(), "graphql_too_complex");

        StringBuilder aliases = new StringBuilder("{ ");
        for (int i = 0; i < 1000; i++) aliases.append("a").append(i).append(": posts(limit: 50) { data { id } } ");
        assertRefused(aliases.append("}").toString(), "graphql_too_large"); // 10,000 tokens: refused by the parser
        StringBuilder fewer = new StringBuilder("{ ");
        for (int i = 0; i < 120; i++) fewer.append("a").append(i).append(": posts(limit: 50) { data { id } } ");
        assertRefused(fewer.append("}").toString(), "graphql_too_complex"); // each list is a query: 120 of them cost too much
        StringBuilder typenames = new StringBuilder("{ ");
        for (int i = 0; i < 1000; i++) typenames.append("t").append(i).append(": __typename ");
        assertRefused(typenames.append("}").toString(), "graphql_too_complex"); // more than 500 fields

        assertRefused("{ posts(limit: 100000) { data { id } } }", "graphql_too_complex");
        assertRefused("{ posts(limit: 500) { data { related { related { related { author { name } } } } } } }", "graphql_too_complex");
        StringBuilder bomb = new StringBuilder("query { posts_by_id(id: \"x\") { ...F0 } } ");
        for (int i = 0; i < 12; i++) bomb.append("fragment F").append(i).append(" on posts { id ...F").append(i + 1).append(" related { ...F")
                .append(i + 1).append(" } } ");
        bomb.append("fragment F12 on posts { id slug title }");
        assertRefused(bomb.toString(), "graphql_too_complex");
        assertRefused("{ posts { data { id " + " ".repeat(25_000) + "} } }", "graphql_too_large");
        assertRefused("{ posts { data { nope } } }", "graphql_invalid");
        assertRefused("{ posts { data { id } }", "graphql_syntax_error");
    }

    private void assertRefused(String query, String code) {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) { // background work only adds checkouts: the least of three is the request's own
            used = Math.min(used, checkouts(() -> {
                Api.Response r = gql(reader, query);
                assertThat(r.status()).as(r.toString()).isEqualTo(400);
                assertThat(r.contentType()).startsWith("application/problem+json");
                assertThat(r.json().get("code").asText()).isEqualTo(code);
                assertThat(r.json().at("/errors/0/message").asText()).isNotEmpty();
            }));
        }
        // the schema check, the webhook gauge read by the /metrics scrape that measures, and a token lookup when its cache
        // entry just expired; running any of these queries would read entries more often (5 to 120 round trips)
        assertThat(used).as("database work for a refused query").isLessThanOrEqualTo(3);
    }

    @Test
    void aFilterErrorIsAGraphqlErrorWithRestsCode() {
        Api.Response r = gql(reader, "{ posts(filter: \"views > \\\"ten\\\"\") { data { id } } }");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().at("/errors/0/extensions/code").asText()).isEqualTo("invalid_filter");
        assertThat(r.json().at("/errors/0/extensions/errors/0/code").asText()).isEqualTo("type_mismatch");
        assertThat(r.json().at("/errors/0/path/0").asText()).isEqualTo("posts");
    }

    @Test
    void introspectionWorksIncludingTheFullStandardQuery() {
        JsonNode types = data(reader, "{ __schema { types { name } } }").at("/__schema/types");
        List<String> names = new ArrayList<>();
        types.forEach(t -> names.add(t.get("name").asText()));
        assertThat(names).contains("posts", "authors", "blog_categories", "posts_Page", "Image", "File", "JSON", "RichTextFormat");
        JsonNode full = data(reader, graphql.introspection.IntrospectionQuery.INTROSPECTION_QUERY);
        assertThat(full.at("/__schema/queryType/name").asText()).isEqualTo("Query");
    }

    @Test
    void persistedQueriesRunByHash() {
        String query = "{ blog_categories(sort: \"name\") { data { name } } }";
        String hash = GraphqlService.sha256(query + " # " + System.nanoTime());
        Map<String, Object> byHash = Map.of("extensions", Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash)));
        Api.Response unknown = reader.post(base + "/graphql", byHash);
        assertThat(unknown.status()).isEqualTo(200);
        assertThat(unknown.json().at("/errors/0/extensions/code").asText()).isEqualTo("PERSISTED_QUERY_NOT_FOUND");
        String text = query + " # " + hash.substring(0, 4);
        String realHash = GraphqlService.sha256(text);
        Map<String, Object> ext = Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", realHash));
        assertThat(reader.post(base + "/graphql", Map.of("query", text, "extensions", ext)).json().at("/data/blog_categories/data/0/name").asText())
                .isEqualTo("Category 0");
        Api.Response again = reader.post(base + "/graphql", Map.of("extensions", ext));
        assertThat(again.json().at("/data/blog_categories/data/2/name").asText()).isEqualTo("Category 2");
        Api.Response viaGet = reader.get(base + "/graphql?extensions=" + enc("{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + realHash + "\"}}"));
        assertThat(viaGet.json().at("/data/blog_categories/data/1/name").asText()).isEqualTo("Category 1");
        Api.Response mismatch = reader.post(base + "/graphql", Map.of("query", "{ posts { total } }", "extensions", ext));
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.json().get("code").asText()).isEqualTo("persisted_query_hash_mismatch");
    }

    @Test
    void theSchemaFollowsSchemaChangesAtOnce() {
        String q = "gql-change-" + Long.toHexString(System.nanoTime());
        Api a = server.project(q, "admin");
        String b = "/v1/projects/" + q;
        created(a.post(b + "/collections", Map.of("id", "notes", "fields", List.of(Map.of("id", "title", "type", "text")))));
        a.post(b + "/collections/notes/entries", Map.of("fields", Map.of("title", "one")));
        assertThat(a.post(b + "/graphql", Map.of("query", "{ notes { data { title } } }")).json().at("/data/notes/data/0/title").asText())
                .isEqualTo("one");
        assertThat(a.post(b + "/graphql", Map.of("query", "{ notes { data { mood } } }")).status()).isEqualTo(400);
        assertThat(a.patch(b + "/collections/notes", Map.of("fields", List.of(Map.of("id", "title", "type", "text"),
                Map.of("id", "mood", "type", "enum", "options", List.of("happy", "sad"))))).status()).isEqualTo(200);
        Api.Response after = a.post(b + "/graphql", Map.of("query", "{ notes { data { title mood } } }"));
        assertThat(after.status()).as(after.toString()).isEqualTo(200);
        assertThat(after.json().at("/data/notes/data/0/mood").isNull()).isTrue();
    }

    @Test
    void previewTokensReadDraftsOfTheirScopeOnly() {
        String token = writer.post(base + "/preview-tokens", Map.of("collection", "posts")).json().get("token").asText();
        Api preview = server.anonymous().as(token);
        JsonNode d = data(preview, "{ posts(limit: 500) { total data { author { name } } } }");
        assertThat(d.at("/posts/total").asInt()).isEqualTo(POSTS + 1); // drafts of posts
        long hiddenAuthors = 0;
        for (JsonNode e : d.at("/posts/data")) if (e.get("author").isNull()) hiddenAuthors++;
        assertThat(hiddenAuthors).as("authors are outside the preview's scope: published only").isPositive();
        Api.Response outside = gql(preview, "{ authors { data { name } } }");
        assertThat(outside.json().at("/errors/0/extensions/code").asText()).isEqualTo("preview_scope");
    }

    @Test
    void getQueriesHaveAnETagAndAnswer304() {
        String url = base + "/graphql?query=" + enc("{ blog_categories { total } }");
        Api.Response first = reader.get(url);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().at("/data/blog_categories/total").asInt()).isEqualTo(3);
        assertThat(reader.with("If-None-Match", first.header("ETag")).get(url).status()).isEqualTo(304);
        assertThat(first.header("Cache-Control")).isEqualTo("no-cache");
    }

    /** Connection checkouts (all pools) during {@code work}: each is one database round trip. */
    private long checkouts(Runnable work) {
        double before = usage();
        work.run();
        return Math.round(usage() - before);
    }

    private double usage() {
        String scrape = server.admin().get("/metrics").raw().body();
        Matcher m = Pattern.compile("(?m)^hikaricp_connections_usage_seconds_count\\{[^}]*} ([0-9.eE+]+)").matcher(scrape);
        double sum = 0;
        while (m.find()) sum += Double.parseDouble(m.group(1));
        return sum;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void searchFindsTheSameAsRestAndABadOneIsAFieldErrorWithRestsCode() {
        JsonNode page = data(reader, "{ posts(search: \"kotlin\", sort: \"slug\", limit: 500) { data { slug title } total } }").get("posts");
        page.get("data").forEach(e -> assertThat(e.get("title").asText()).startsWith("Kotlin notes"));
        JsonNode rest = reader.get(base + "/collections/posts/entries?limit=500&include_total=true&search=kotlin").json();
        assertThat(page.get("total").asInt()).isEqualTo(rest.get("total").asInt()).isEqualTo(page.get("data").size()).isGreaterThan(10);
        Api.Response bad = gql(reader, "{ posts(search: \"!!!\") { data { id } } }");
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.json().at("/errors/0/extensions/code").asText()).as(bad.toString()).isEqualTo("invalid_search");
    }

    @Test
    void imageAndFileValuesThatNameAnAssetCarryItsMetadata() {
        String q = "gqlassets-" + Long.toHexString(System.nanoTime());
        Api a = server.project(q, "admin");
        String secret = server.admin().post("/v1/projects/" + q + "/tokens", Map.of("name", "w", "scope", "write")).json().get("token").asText();
        dev.vellum.testing.RawHttp raw = new dev.vellum.testing.RawHttp(server.base(), secret);
        var up = raw.post("/v1/projects/" + q + "/assets?filename=cover.png", dev.vellum.testing.TestFiles.image("png", 40, 30, 7), "image/png");
        assertThat(up.status()).as(up.toString()).isIn(200, 201);
        String asset = up.json().get("id").asText();
        created(a.post("/v1/projects/" + q + "/collections", """
                {"id": "media", "fields": [{"id": "cover", "type": "image"}, {"id": "doc", "type": "file"},
                  {"id": "gallery", "type": "array", "of": {"type": "image"}}]}"""));
        String id = id(a.post("/v1/projects/" + q + "/collections/media/entries", Map.of("fields", Map.of(
                "cover", Map.of("asset", asset, "alt", "A cover"), "doc", Map.of("asset", asset),
                "gallery", List.of(Map.of("asset", asset), Map.of("url", "https://img.example.com/x.png"))))));
        Api.Response r = a.post("/v1/projects/" + q + "/graphql", Map.of("query",
                "{ media(limit: 5) { data { cover { url alt width height content_type size filename asset missing }"
                        + " doc { url name content_type size width height filename } gallery { url width asset } } }"
                        + " media_by_id(id: \"" + id + "\") { cover { url width } } }"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().has("errors")).as(r.toString()).isFalse();
        JsonNode e = r.json().at("/data/media/data/0");
        JsonNode rest = a.get("/v1/projects/" + q + "/collections/media/entries/" + id).json().get("fields");
        assertThat(e.at("/cover/url").asText()).isEqualTo(rest.at("/cover/url").asText()).isNotEmpty();
        assertThat(e.at("/cover/width").asInt()).isEqualTo(40);
        assertThat(e.at("/cover/height").asInt()).isEqualTo(30);
        assertThat(e.at("/cover/alt").asText()).isEqualTo("A cover");
        assertThat(e.at("/cover/content_type").asText()).isEqualTo("image/png");
        assertThat(e.at("/cover/size").asLong()).isEqualTo(rest.at("/cover/size").asLong()).isPositive();
        assertThat(e.at("/cover/asset").asText()).isEqualTo(asset);
        assertThat(e.at("/cover/missing").isNull()).isTrue();
        assertThat(e.at("/doc/content_type").asText()).isEqualTo("image/png");
        assertThat(e.at("/doc/width").asInt()).isEqualTo(40);
        assertThat(e.at("/gallery/0/width").asInt()).isEqualTo(40);
        assertThat(e.at("/gallery/1/url").asText()).isEqualTo("https://img.example.com/x.png");
        assertThat(r.json().at("/data/media_by_id/cover/width").asInt()).isEqualTo(40);
    }

    @Test
    void mutationsWriteThroughTheEntryServiceWithItsRulesAndChangeLog() {
        String q = "gqlwrite-" + Long.toHexString(System.nanoTime());
        Api a = server.project(q, "admin");
        Api w = server.token(q, "write");
        Api r = server.token(q, "read");
        created(a.post("/v1/projects/" + q + "/collections", """
                {"id": "notes", "fields": [{"id": "title", "type": "text", "required": true}, {"id": "body", "type": "rich_text"}]}"""));
        String gql = "/v1/projects/" + q + "/graphql";
        Api.Response made = w.post(gql, Map.of("query", "mutation($d: JSON!) { create_notes_item(data: $d) { id slug version title body(format: html) } }",
                "variables", Map.of("d", Map.of("slug", "first", "fields", Map.of("title", "Hello", "body", Map.of("markdown", "**hi**"))))));
        assertThat(made.json().has("errors")).as(made.toString()).isFalse();
        JsonNode note = made.json().at("/data/create_notes_item");
        String noteId = note.get("id").asText();
        assertThat(note.get("version").asInt()).isEqualTo(1);
        assertThat(note.get("body").asText()).contains("<strong>hi</strong>");
        assertThat(r.get("/v1/projects/" + q + "/collections/notes/entries/" + noteId).json().at("/fields/title").asText()).isEqualTo("Hello");

        JsonNode changed = w.post(gql, Map.of("query", "mutation { update_notes_item(id: \"" + noteId
                + "\", version: 1, data: {fields: {title: \"Changed\"}}) { version title } }")).json();
        assertThat(changed.at("/data/update_notes_item/version").asInt()).as(changed.toString()).isEqualTo(2);
        assertThat(changed.at("/data/update_notes_item/title").asText()).isEqualTo("Changed");
        JsonNode stale = w.post(gql, Map.of("query", "mutation { update_notes_item(id: \"" + noteId
                + "\", version: 1, data: {fields: {title: \"Lost\"}}) { version } }")).json();
        assertThat(stale.at("/errors/0/extensions/code").asText()).as(stale.toString()).isEqualTo("version_mismatch");
        JsonNode invalid = w.post(gql, Map.of("query", "mutation { create_notes_item(data: {fields: {}}) { id } }")).json();
        assertThat(invalid.at("/errors/0/extensions/code").asText()).as(invalid.toString()).isEqualTo("validation_failed");
        assertThat(invalid.at("/errors/0/extensions/errors/0/field").asText()).isEqualTo("fields.title");
        JsonNode readOnly = r.post(gql, Map.of("query", "mutation { create_notes_item(data: {fields: {title: \"x\"}}) { id } }")).json();
        assertThat(readOnly.at("/errors/0/extensions/code").asText()).as(readOnly.toString()).isEqualTo("insufficient_scope");
        assertThat(readOnly.at("/data/create_notes_item").isNull()).isTrue();
        JsonNode overGet = w.get(gql + "?query=" + enc("mutation { delete_notes_item(id: \"" + noteId + "\") }")).json();
        assertThat(overGet.at("/errors/0/extensions/code").asText()).as(overGet.toString()).isEqualTo("graphql_mutation_needs_post");

        JsonNode deleted = w.post(gql, Map.of("query", "mutation { delete_notes_item(id: \"" + noteId + "\") }")).json();
        assertThat(deleted.at("/data/delete_notes_item").asText()).as(deleted.toString()).isEqualTo(noteId);
        assertThat(r.get("/v1/projects/" + q + "/collections/notes/entries/" + noteId).status()).isEqualTo(404);
        List<String> kinds = new ArrayList<>();
        a.get("/v1/projects/" + q + "/changes?since=0").json().get("data").forEach(c -> {
            if (noteId.equals(c.path("entry_id").asText())) kinds.add(c.get("kind").asText());
        });
        assertThat(kinds).containsExactly("entry.created", "entry.updated", "entry.deleted");
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
