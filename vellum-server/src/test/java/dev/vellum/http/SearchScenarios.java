package dev.vellum.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vellum.content.EntryTables;
import dev.vellum.schema.CollectionSchema;
import dev.vellum.search.SearchIndexMerger;
import dev.vellum.search.SearchIndexRepository;
import dev.vellum.storage.Dialect;
import dev.vellum.testing.Api;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Full-text search over HTTP: words, phrases, prefixes, accents and stems; searchable:false; drafts; every write
 * path and schema change reflected at once; relevance order; filter, sort, cursors and totals combined.
 */
abstract class SearchScenarios extends ServerScenarios {
    private String p;
    private Api admin;
    private Api reader;
    private String articles;

    @BeforeAll
    void createArticles() {
        p = "search-" + Long.toHexString(System.nanoTime());
        admin = server.project(p, "admin");
        reader = server.token(p, "read");
        created(admin.post("/v1/projects/" + p + "/collections", """
                {"id": "articles", "fields": [
                  {"id": "title", "type": "text"}, {"id": "body", "type": "rich_text"},
                  {"id": "tags", "type": "multi_enum", "options": ["java", "food", "travel"]},
                  {"id": "notes", "type": "array", "of": {"type": "text"}},
                  {"id": "secret", "type": "text", "searchable": false},
                  {"id": "views", "type": "number", "integer": true}, {"id": "website", "type": "link"}]}"""));
        articles = "/v1/projects/" + p + "/collections/articles/entries";
        created(admin.post(articles, Map.of("slug", "threads", "fields", Map.of("title", "Virtual threads in Java",
                "body", Map.of("markdown", "Running **many** blocking calls on cheap threads."), "views", 10, "tags", List.of("java")))));
        created(admin.post(articles, Map.of("slug", "cafe", "fields", Map.of("title", "Café culture",
                "body", Map.of("markdown", "Espresso and croissants in Paris."), "views", 5, "tags", List.of("food", "travel"),
                "website", "https://example.com/lazy"))));
        created(admin.post(articles, Map.of("slug", "streams", "fields", Map.of("title", "Streams",
                "body", Map.of("markdown", "Java streams are lazy: optimisation of pipelines."), "views", 30, "tags", List.of("java")))));
        created(admin.post(articles, Map.of("slug", "hidden", "fields", Map.of("title", "Hidden", "secret", "kangaroo",
                "notes", List.of("wombat sighting"), "views", 1))));
        created(admin.post(articles, Map.of("slug", "draft-java", "draft", true, "fields", Map.of("title", "Draft about Java threads", "views", 50))));
    }

    @Test
    void wordsPhrasesPrefixesStemsAndAccentsMatch() {
        assertThat(slugSet(reader, articles, "java")).containsExactlyInAnyOrder("threads", "streams");
        assertThat(slugSet(admin, articles, "java")).containsExactlyInAnyOrder("threads", "streams", "draft-java");
        assertThat(slugSet(reader, articles, "thread")).containsExactly("threads");
        assertThat(slugSet(reader, articles, "THREADING")).containsExactly("threads");
        assertThat(slugSet(reader, articles, "\"virtual threads\"")).containsExactly("threads");
        assertThat(slugSet(reader, articles, "\"threads virtual\"")).isEmpty();
        assertThat(slugSet(reader, articles, "optim*")).containsExactly("streams");
        assertThat(slugSet(reader, articles, "CAFE")).containsExactly("cafe");
        assertThat(slugSet(reader, articles, "café croissant")).containsExactly("cafe");
        assertThat(slugSet(reader, articles, "java lazy")).containsExactly("streams");
        assertThat(slugSet(reader, articles, "java paris")).isEmpty();
        assertThat(slugSet(reader, articles, "travel")).containsExactly("cafe"); // multi_enum values
        assertThat(slugSet(reader, articles, "wombat")).containsExactly("hidden"); // lists of text
        assertThat(slugSet(reader, articles, "blocking")).containsExactly("threads"); // rich text as plain text
        assertThat(slugSet(reader, articles, "paragraph")).isEmpty(); // not the document's JSON keys
        assertThat(slugSet(reader, articles, "kangaroo")).isEmpty(); // "searchable": false
        assertThat(slugSet(reader, articles, "example")).isEmpty(); // links are not text
    }

    @Test
    void searchableFalseIsPartOfTheSchema() {
        JsonNode c = admin.get("/v1/projects/" + p + "/collections/articles").json();
        for (JsonNode f : c.get("fields")) {
            if (f.get("id").asText().equals("secret")) assertThat(f.get("searchable").asBoolean(true)).isFalse();
            else assertThat(f.has("searchable")).as(f.toString()).isFalse();
        }
        Api.Response bad = admin.post("/v1/projects/" + p + "/collections", """
                {"id": "bad", "fields": [{"id": "t", "type": "text", "searchable": "no"}]}""");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().at("/errors/0/field").asText()).isEqualTo("fields[0].searchable");
    }

    @Test
    void searchCombinesWithFilterAndSort() {
        assertThat(slugs(reader, articles + "?search=java&filter=" + enc("views >= 20"))).containsExactly("streams");
        assertThat(slugs(admin, articles + "?search=java&sort=-views")).containsExactly("draft-java", "streams", "threads");
        assertThat(slugs(reader, articles + "?search=java&sort=views")).containsExactly("threads", "streams");
        assertThat(slugs(reader, articles + "?search=&sort=slug")).containsExactly("cafe", "hidden", "streams", "threads");
        JsonNode page = reader.get(articles + "?search=java&include_total=true&limit=1&sort=slug").json();
        assertThat(page.get("total").asInt()).isEqualTo(2);
        assertThat(page.get("data").size()).isEqualTo(1);
    }

    @Test
    void aQueryThatCannotRunIs400AndEngineSyntaxIsJustText() {
        Api.Response none = reader.get(articles + "?search=" + enc("!!! ???"));
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.contentType()).startsWith("application/problem+json");
        assertThat(none.json().get("code").asText()).isEqualTo("invalid_search");
        assertThat(none.json().at("/errors/0/field").asText()).isEqualTo("search");
        assertThat(none.json().at("/errors/0/code").asText()).isEqualTo("no_words");
        assertThat(reader.get(articles + "?search=" + enc("j*")).json().at("/errors/0/code").asText()).isEqualTo("prefix_too_short");
        assertThat(reader.get(articles + "?search=" + enc("x".repeat(501))).status()).isEqualTo(400);
        for (String hostile : List.of("title:java", "NEAR(java threads)", "\"unclosed java", "java OR kangaroo", "java AND NOT x",
                "^java", "java*)*", "'java' & !x | y", "java <-> threads", "{title body}: java", "java -threads")) {
            Api.Response r = reader.get(articles + "?search=" + enc(hostile));
            assertThat(r.status()).as(hostile + ": " + r).isEqualTo(200);
        }
        assertThat(slugSet(reader, articles, "\"unclosed java")).isEmpty();
        assertThat(slugSet(reader, articles, "java OR kangaroo")).isEmpty(); // OR is a word here: every word must match
    }

    @Test
    void everyWritePathIsReflectedAtOnce() {
        Fixture f = fixture("writes", """
                {"id": "notes", "fields": [{"id": "title", "type": "text"}]}""");
        Api a = f.admin();
        Api r = f.reader();
        String notes = f.entries();
        String id = created(a.post(notes, Map.of("slug", "one", "fields", Map.of("title", "Green tea")))).get("id").asText();
        assertThat(slugSet(r, notes, "tea")).containsExactly("one");
        assertThat(a.patch(notes + "/" + id, Map.of("fields", Map.of("title", "Black coffee"))).status()).isEqualTo(200);
        assertThat(slugSet(r, notes, "tea")).isEmpty();
        assertThat(slugSet(r, notes, "coffee")).containsExactly("one");
        assertThat(a.patch(notes + "/" + id, Map.of("slug", "renamed")).status()).isEqualTo(200);
        assertThat(slugSet(r, notes, "renamed coffee")).containsExactly("renamed"); // the slug is indexed too
        assertThat(slugSet(r, notes, "one")).isEmpty();

        Api.Response batch = a.post(notes + "/batch", Map.of("mode", "upsert", "entries", List.of(
                Map.of("slug", "matcha", "fields", Map.of("title", "Matcha tea")),
                Map.of("slug", "renamed", "fields", Map.of("title", "Iced coffee")))));
        assertThat(batch.status()).as(batch.toString()).isEqualTo(200);
        assertThat(slugSet(r, notes, "tea")).containsExactly("matcha");
        assertThat(slugSet(r, notes, "iced")).containsExactly("renamed");
        Api.Response atomic = a.post(notes + "/batch", Map.of("atomic", true, "entries", List.of(
                Map.of("slug", "oolong", "fields", Map.of("title", "Oolong tea")),
                Map.of("slug", "matcha", "fields", Map.of("title", "duplicate slug")))));
        assertThat(atomic.status()).isEqualTo(422);
        assertThat(slugSet(r, notes, "oolong")).isEmpty(); // rolled back with its batch

        assertThat(a.patch(notes + "/" + id, Map.of("draft", true)).status()).isEqualTo(200);
        assertThat(slugSet(r, notes, "coffee")).isEmpty();
        assertThat(slugSet(a, notes, "coffee")).containsExactly("renamed");
        assertThat(a.delete(notes + "/" + id).status()).isEqualTo(204);
        assertThat(slugSet(a, notes, "coffee")).isEmpty();
        assertThat(slugSet(a, notes, "tea")).containsExactly("matcha");
    }

    @Test
    void schemaChangesRebuildTheIndexInTheirTransaction() {
        String q = "schema-search-" + Long.toHexString(System.nanoTime());
        Api a = server.project(q, "admin");
        String collection = "/v1/projects/" + q + "/collections/items";
        created(a.post("/v1/projects/" + q + "/collections", """
                {"id": "items", "fields": [{"id": "name", "type": "text"}, {"id": "secret", "type": "text", "searchable": false},
                  {"id": "body", "type": "rich_text"}, {"id": "code", "type": "number"}]}"""));
        String items = collection + "/entries";
        created(a.post(items, Map.of("slug", "first", "fields", Map.of("name", "alpha", "secret", "kangaroo",
                "body", Map.of("markdown", "wombat"), "code", 4711))));
        assertThat(slugSet(a, items, "kangaroo")).isEmpty();

        assertThat(a.patch(collection, """
                {"fields": [{"id": "name", "type": "text"}, {"id": "secret", "type": "text"},
                  {"id": "body", "type": "rich_text"}, {"id": "code", "type": "number"}]}""").status()).isEqualTo(200);
        assertThat(slugSet(a, items, "kangaroo")).containsExactly("first");

        assertThat(a.patch(collection, """
                {"fields": [{"id": "headline", "type": "text", "renamed_from": "name"}, {"id": "secret", "type": "text"},
                  {"id": "code", "type": "text"}, {"id": "extra", "type": "text", "required": true}],
                 "resolve": {"body": "discard", "extra": {"set": "zebra crossing"}}}""").status()).isEqualTo(200);
        assertThat(slugSet(a, items, "alpha")).containsExactly("first"); // renamed, still indexed
        assertThat(slugSet(a, items, "wombat")).isEmpty(); // removed with its field
        assertThat(slugSet(a, items, "zebra")).containsExactly("first"); // a new field filled by the change
        assertThat(slugSet(a, items, "4711")).containsExactly("first"); // number → text: now text

        assertThat(a.delete(collection).status()).isEqualTo(204);
        created(a.post("/v1/projects/" + q + "/collections", """
                {"id": "items", "fields": [{"id": "name", "type": "text"}]}"""));
        assertThat(slugSet(a, items, "alpha")).isEmpty(); // a new collection starts with an empty index
    }

    @Test
    void unsortedSearchesListTheMostRelevantFirstAndPageThroughAll() {
        Fixture f = fixture("rank", """
                {"id": "docs", "fields": [{"id": "title", "type": "text"}, {"id": "body", "type": "rich_text"}]}""");
        Api a = f.admin();
        String docs = f.entries();
        created(a.post(docs, Map.of("slug", "in-body", "fields", Map.of("title", "Notes",
                "body", Map.of("markdown", "A long text that mentions alpha once among many other words of little interest here.")))));
        created(a.post(docs, Map.of("slug", "in-title", "fields", Map.of("title", "Alpha alpha"))));
        created(a.post(docs, Map.of("slug", "unrelated", "fields", Map.of("title", "Beta"))));
        List<String> ranked = slugs(a, docs + "?search=alpha");
        assertThat(ranked).containsExactly("in-title", "in-body");

        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 37; i++) {
            many.add(Map.of("slug", "g-" + i, "fields", Map.of("title", ("gamma ".repeat(1 + i % 5) + "filler ".repeat(i % 7)).strip())));
        }
        assertThat(a.post(docs + "/batch", Map.of("entries", many)).status()).isEqualTo(200);
        List<String> all = slugs(a, docs + "?search=gamma&limit=100");
        assertThat(all).hasSize(37);
        assertThat(allPages(a, docs + "?search=gamma&limit=4", null)).isEqualTo(all);
        Api.Response mismatch = a.get(docs + "?search=filler&limit=4&cursor="
                + enc(a.get(docs + "?search=gamma&limit=4").json().get("next_cursor").asText()));
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.json().get("code").asText()).isEqualTo("cursor_mismatch");
    }

    @Test
    void filterSortCursorAndTotalCombineOnManyEntries() {
        Fixture f = fixture("combined", """
                {"id": "posts", "fields": [{"id": "title", "type": "text"}, {"id": "body", "type": "rich_text"},
                  {"id": "status", "type": "enum", "options": ["draft", "live"]}, {"id": "views", "type": "number", "integer": true}]}""");
        Api a = f.admin();
        Api r = f.reader();
        String posts = f.entries();
        String[] words = {"apple", "banana", "cherry"};
        List<Map<String, Object>> batch = new ArrayList<>();
        Map<String, Integer> views = new HashMap<>();
        Set<String> expected = new HashSet<>();
        Set<String> expectedForReader = new HashSet<>();
        for (int i = 0; i < 90; i++) {
            String slug = "e-" + i;
            String status = i % 4 == 0 ? "draft" : "live";
            boolean draft = i % 5 == 0;
            String body = (i % 2 == 0 ? "a common thread" : "something else") + " " + words[i % 3];
            batch.add(Map.of("slug", slug, "draft", draft, "fields", Map.of("title", "Post " + words[(i + 1) % 3],
                    "body", Map.of("markdown", body), "status", status, "views", (i * 37) % 50)));
            views.put(slug, (i * 37) % 50);
            if (i % 2 == 0 && status.equals("live")) {
                expected.add(slug);
                if (!draft) expectedForReader.add(slug);
            }
        }
        assertThat(a.post(posts + "/batch", Map.of("entries", batch)).status()).isEqualTo(200);
        String filter = enc("status = \"live\"");
        for (Api who : List.of(a, r)) {
            Set<String> want = who == a ? expected : expectedForReader;
            for (String sort : new String[] {"-views", "views,-slug", null}) {
                List<String> got = allPages(who, posts + "?search=common&filter=" + filter + "&limit=7&include_total=true"
                        + (sort == null ? "" : "&sort=" + enc(sort)), want.size());
                assertThat(got).as(sort).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(want);
                if (sort != null && sort.equals("-views")) {
                    for (int i = 1; i < got.size(); i++) assertThat(views.get(got.get(i - 1))).isGreaterThanOrEqualTo(views.get(got.get(i)));
                }
            }
        }
    }

    @Test
    void aSortedSearchThatMatchesManyEntriesPagesExactly() {
        // 700 matches: past the point where SQLite walks the sort's index and tests each row instead of joining
        Fixture f = fixture("many", """
                {"id": "posts", "fields": [{"id": "title", "type": "text"}, {"id": "status", "type": "enum", "options": ["draft", "live"]},
                  {"id": "views", "type": "number", "integer": true}]}""");
        Api a = f.admin();
        Api r = f.reader();
        String posts = f.entries();
        List<Map<String, Object>> batch = new ArrayList<>();
        Map<String, Integer> views = new HashMap<>();
        Set<String> live = new HashSet<>();
        Set<String> rare = new HashSet<>();
        for (int i = 0; i < 760; i++) {
            String slug = "m-" + i;
            boolean matches = i < 700;
            String status = i % 3 == 0 ? "draft" : "live";
            boolean draft = i % 10 == 0;
            batch.add(Map.of("slug", slug, "draft", draft, "fields", Map.of("title", (matches ? "common " : "other ") + "word" + (i % 50),
                    "status", status, "views", (i * 31) % 97)));
            views.put(slug, (i * 31) % 97);
            if (matches && status.equals("live") && !draft) {
                live.add(slug);
                if (i % 50 == 7) rare.add(slug);
            }
        }
        assertThat(a.post(posts + "/batch", Map.of("entries", batch)).status()).isEqualTo(200);
        for (String search : new String[] {"common", "comm*", "common word7"}) {
            Set<String> want = search.equals("common word7") ? rare : live;
            List<String> got = allPages(r, posts + "?search=" + enc(search) + "&filter=" + enc("status = \"live\"")
                    + "&sort=-views&limit=25&include_total=true", want.size());
            assertThat(got).as(search).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(want);
            for (int i = 1; i < got.size(); i++) assertThat(views.get(got.get(i - 1))).isGreaterThanOrEqualTo(views.get(got.get(i)));
        }
    }

    @Test
    void theStartUpStepIndexesEntriesThatHaveNoIndex() {
        Fixture f = fixture("rebuild", """
                {"id": "old", "fields": [{"id": "title", "type": "text"}]}""");
        Api a = f.admin();
        String old = f.entries();
        created(a.post(old, Map.of("slug", "legacy", "fields", Map.of("title", "Entry from before search"))));
        var services = server.vellum().services();
        CollectionSchema c = services.collections().get(f.project(), "old");
        // as a database from before V24: no index and no record of one
        services.database().write(tx -> {
            new SearchIndexRepository().drop(tx, c);
            return null;
        });
        new EntryTables().buildSearchIndexes(services.database(), List.of(c));
        assertThat(slugSet(a, old, "before")).containsExactly("legacy");
        new EntryTables().buildSearchIndexes(services.database(), List.of(c)); // built: nothing to do
        assertThat(slugSet(a, old, "search")).containsExactly("legacy");
    }

    @Test
    void mergingAnIndexIntoOneSegmentKeepsEveryMatch() {
        Fixture f = fixture("merge", """
                {"id": "posts", "fields": [{"id": "title", "type": "text"}, {"id": "views", "type": "number", "integer": true}]}""");
        Api a = f.admin();
        String posts = f.entries();
        String[] words = {"alpha", "beta", "gamma", "delta", "common"};
        String third = null;
        for (int b = 0; b < 6; b++) { // a transaction each: a segment each
            List<Map<String, Object>> batch = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = b * 40 + i;
                batch.add(Map.of("slug", "m-" + n, "fields", Map.of("title", "common " + words[n % 5] + " " + words[(n / 5) % 5] + " word" + n,
                        "views", n % 37)));
            }
            Api.Response r = a.post(posts + "/batch", Map.of("entries", batch));
            assertThat(r.status()).isEqualTo(200);
            if (b == 0) third = r.json().get("results").get(3).get("id").asText();
        }
        assertThat(a.delete(posts + "/" + third).status()).isEqualTo(204); // a deleted entry stays out after merging
        var db = server.vellum().services().database();
        CollectionSchema c = server.vellum().services().collections().get(f.project(), "posts");
        if (db.dialect() == Dialect.SQLITE) { // just written: the server's own merger waits for a round without writes
            int written = db.read(tx -> new SearchIndexRepository().segments(tx, c.pk()));
            assertThat(written).as("a segment a batch").isGreaterThan(1);
        }
        List<String> searches = List.of("common", "\"common alpha\"", "\"alpha beta\"", "gam*", "delta word17", "word3*");
        Map<String, List<String>> before = new HashMap<>();
        for (String s : searches) before.put(s, pages(f, s));
        SearchIndexMerger merger = new SearchIndexMerger(db, 10_000);
        if (db.dialect() == Dialect.SQLITE) {
            SearchIndexRepository index = new SearchIndexRepository();
            // a round sees the index first, the next merges it if nothing was written meanwhile (the server's own merger
            // may also be at it: a round that sees its work waits for the next)
            for (int round = 0; round < 6 && db.read(tx -> index.segments(tx, c.pk())) > 1; round++) merger.run();
            int segments = db.read(tx -> index.segments(tx, c.pk()));
            assertThat(segments).isEqualTo(1);
        } else {
            assertThat(merger.run()).isZero(); // PostgreSQL's GIN index needs none of this
        }
        for (String s : searches) assertThat(pages(f, s)).as(s).isEqualTo(before.get(s));
        created(a.post(posts, Map.of("slug", "after", "fields", Map.of("title", "common zeta"))));
        assertThat(slugSet(f.reader(), posts, "zeta")).containsExactly("after");
    }

    /** A search's entries sorted (every page, by cursor) and by relevance. */
    private static List<String> pages(Fixture f, String search) {
        List<String> out = new ArrayList<>(allPages(f.reader(), f.entries() + "?limit=15&sort=-views,slug&search=" + enc(search), null));
        out.add("|");
        out.addAll(slugs(f.reader(), f.entries() + "?limit=500&search=" + enc(search)));
        return out;
    }

    /** A project of its own with one collection ({@code collection}: its JSON), an admin and a read token. */
    private record Fixture(Api admin, Api reader, String project, String entries) {}

    private Fixture fixture(String prefix, String collection) {
        String q = prefix + "-" + Long.toHexString(System.nanoTime());
        Api a = server.project(q, "admin");
        JsonNode c = created(a.post("/v1/projects/" + q + "/collections", collection));
        return new Fixture(a, server.token(q, "read"), q, "/v1/projects/" + q + "/collections/" + c.get("id").asText() + "/entries");
    }

    private static JsonNode created(Api.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    /** The slugs of every page of {@code url} (no cursor in it), following next_cursor; each page's total must be {@code total} when given. */
    private static List<String> allPages(Api who, String url, Integer total) {
        List<String> got = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Api.Response r = who.get(url + (cursor == null ? "" : "&cursor=" + enc(cursor)));
            assertThat(r.status()).as(url + ": " + r).isEqualTo(200);
            if (total != null) assertThat(r.json().get("total").asInt()).as(url).isEqualTo(total);
            r.json().get("data").forEach(e -> got.add(e.get("slug").asText()));
            cursor = r.json().get("next_cursor").isNull() ? null : r.json().get("next_cursor").asText();
        } while (cursor != null && ++pages < 200);
        return got;
    }

    private static List<String> slugs(Api who, String url) {
        Api.Response r = who.get(url);
        assertThat(r.status()).as(url + ": " + r).isEqualTo(200);
        List<String> out = new ArrayList<>();
        r.json().get("data").forEach(e -> out.add(e.get("slug").asText()));
        return out;
    }

    private static List<String> slugSet(Api who, String entries, String search) {
        return slugs(who, entries + "?limit=500&search=" + enc(search));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
