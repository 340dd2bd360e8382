package dev.vellum.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vellum.testing.Api;
import dev.vellum.testing.Backend;
import dev.vellum.testing.TestServer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The same entries on SQLite and on PostgreSQL answer every search with the same entries: both index the words
 * Java analysed, so stems, accents, phrases and prefixes match alike. With a sort the pages are equal; by
 * relevance (bm25 on SQLite, ts_rank on PostgreSQL) the same entries come, in each engine's order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchDifferentialTest {
    private static final String[] VOCABULARY = {"quick", "brown", "fox", "jumps", "jumping", "jumped", "over", "lazy", "dog",
        "café", "Cafe", "naïve", "résumé", "running", "runs", "run", "connection", "connected", "Virtual", "threads", "2026",
        "e-mail", "x2", "Straße", "zebra", "ÉCOLE", "école", "optimisation", "optimized", "Java", "streams"};
    private final List<Backend> backends = new ArrayList<>();
    private final List<TestServer> servers = new ArrayList<>();
    private final List<Api> readers = new ArrayList<>();
    private final List<String> bases = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    /** A few words in most notes, most words in few (as in real text), so that phrases of common words match thousands. */
    private static final String[] SKEWED = {"the", "of", "and", "to", "in", "is", "it", "that", "cat", "sat", "on", "mat",
        "was", "for", "with", "as", "his", "they", "at", "be", "this", "from", "have", "or", "by", "one", "had", "not", "but", "what"};
    /** Enough notes that SQLite samples its index to choose between walking the sort's index and joining the matches. */
    private static final int NOTES = 4_500;

    @BeforeAll
    void loadTheSameEntriesIntoBoth() {
        for (Backend b : List.of(Backend.sqlite(), Backend.postgres())) {
            backends.add(b);
            TestServer s = new TestServer(b);
            servers.add(s);
            String p = "diff-" + Long.toHexString(System.nanoTime());
            Api admin = s.project(p, "admin");
            readers.add(s.token(p, "read"));
            String base = "/v1/projects/" + p + "/collections/posts/entries";
            bases.add(base);
            assertThat(admin.post("/v1/projects/" + p + "/collections", """
                    {"id": "posts", "fields": [{"id": "title", "type": "text"}, {"id": "body", "type": "rich_text"},
                      {"id": "kind", "type": "enum", "options": ["news", "blog"]}, {"id": "views", "type": "number", "integer": true},
                      {"id": "private", "type": "text", "searchable": false}]}""").status()).isEqualTo(201);
            Random random = new Random(42);
            List<Map<String, Object>> batch = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                Map<String, Object> f = new HashMap<>();
                f.put("title", words(random, 2 + random.nextInt(4)));
                f.put("body", Map.of("markdown", words(random, 5 + random.nextInt(30)) + "\n\n" + words(random, random.nextInt(10))));
                f.put("kind", random.nextBoolean() ? "news" : "blog");
                f.put("views", random.nextInt(1000));
                f.put("private", words(random, 3));
                batch.add(Map.of("slug", "p-" + i, "draft", random.nextInt(7) == 0, "fields", f));
            }
            assertThat(admin.post(base + "/batch", Map.of("entries", batch)).status()).isEqualTo(200);
            String notesBase = "/v1/projects/" + p + "/collections/notes/entries";
            notes.add(notesBase);
            assertThat(admin.post("/v1/projects/" + p + "/collections", """
                    {"id": "notes", "fields": [{"id": "title", "type": "text"}, {"id": "status", "type": "enum", "options": ["live", "draft"]},
                      {"id": "views", "type": "number", "integer": true}]}""").status()).isEqualTo(201);
            Random skewed = new Random(7);
            for (int from = 0; from < NOTES; from += 900) { // batches hold at most 1,000
                List<Map<String, Object>> chunk = new ArrayList<>();
                for (int i = from; i < from + 900; i++) {
                    StringBuilder title = new StringBuilder();
                    for (int w = 8 + skewed.nextInt(10); w > 0; w--) {
                        title.append(SKEWED[(int) (SKEWED.length * Math.pow(skewed.nextDouble(), 3))]).append(' ');
                    }
                    chunk.add(Map.of("slug", "n-" + i, "fields", Map.of("title", title.toString().strip(),
                            "status", i % 4 == 3 ? "draft" : "live", "views", skewed.nextInt(500))));
                }
                assertThat(admin.post(notesBase + "/batch", Map.of("entries", chunk)).status()).isEqualTo(200);
            }
        }
    }

    private static String words(Random random, int n) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) out.append(i == 0 ? "" : " ").append(VOCABULARY[random.nextInt(VOCABULARY.length)]);
        return out.toString();
    }

    @AfterAll
    void stop() {
        servers.forEach(TestServer::close);
        backends.forEach(Backend::close);
    }

    @Test
    void everySearchFindsTheSameEntriesOnBothDatabases() {
        List<String> searches = List.of("fox", "jump", "jumping", "run", "Running", "cafe", "CAFÉ", "naive", "resume", "ecole",
                "\"quick brown\"", "\"brown quick\"", "\"lazy dog\" fox", "jum*", "optim*", "conn*", "connect", "email", "e-mail",
                "\"e mail\"", "x2", "2026", "strasse", "straße", "zebra fox dog", "virtual thread", "java streams*", "nothingmatches");
        int nonEmpty = 0;
        for (String search : searches) {
            for (String filter : new String[] {null, "kind = \"news\" and views >= 300"}) {
                List<List<String>> sorted = new ArrayList<>();
                List<List<String>> ranked = new ArrayList<>();
                List<Long> totals = new ArrayList<>();
                for (int i = 0; i < servers.size(); i++) {
                    String q = "?limit=500&include_total=true&search=" + SearchScenarios.enc(search)
                            + (filter == null ? "" : "&filter=" + SearchScenarios.enc(filter));
                    JsonNode bySlug = get(i, q + "&sort=-views,slug");
                    sorted.add(slugs(bySlug));
                    totals.add(bySlug.get("total").asLong());
                    ranked.add(slugs(get(i, q)));
                }
                String what = search + (filter == null ? "" : " | " + filter);
                assertThat(sorted.get(1)).as(what).isEqualTo(sorted.get(0));
                assertThat(totals.get(1)).as(what).isEqualTo(totals.get(0)).isEqualTo((long) sorted.get(0).size());
                assertThat(ranked.get(1)).as(what).containsExactlyInAnyOrderElementsOf(ranked.get(0));
                assertThat(ranked.get(0)).as(what).containsExactlyInAnyOrderElementsOf(sorted.get(0));
                if (!sorted.get(0).isEmpty()) nonEmpty++;
            }
        }
        assertThat(nonEmpty).as("the data set makes most searches match something").isGreaterThan(30);
    }

    @Test
    void sortedPagesOfSearchesThatMatchThousandsAreTheSameOnBothDatabases() {
        // SQLite walks the sort's index asking FTS5 about each row for the commonest (phrases of common words among them),
        // gathers the matches of rarer words first ("on", "on the"), joins the rarest; PostgreSQL plans its own way:
        // the pages must be the same, cursor after cursor
        List<String> searches = List.of("\"the of\"", "\"of the\"", "\"the the\"", "the", "of and", "\"the of\" cat",
                "th*", "\"to the\" mat", "\"cat sat on the mat\"", "what but", "on", "on the", "with");
        for (String search : searches) {
            String q = "?limit=20&include_total=true&sort=-views,slug&filter=" + SearchScenarios.enc("status = \"live\"")
                    + "&search=" + SearchScenarios.enc(search);
            List<List<String>> pages = new ArrayList<>();
            long total = -1;
            for (int i = 0; i < servers.size(); i++) {
                List<String> slugs = new ArrayList<>();
                String cursor = null;
                for (int page = 0; page < 4; page++) {
                    JsonNode body = get(notes.get(i), i, q + (cursor == null ? "" : "&cursor=" + SearchScenarios.enc(cursor)));
                    slugs.addAll(slugs(body));
                    if (i == 0 && page == 0) total = body.get("total").asLong();
                    if (i == 1 && page == 0) assertThat(body.get("total").asLong()).as(search).isEqualTo(total);
                    if (body.get("next_cursor").isNull()) break;
                    cursor = body.get("next_cursor").asText();
                }
                pages.add(slugs);
            }
            assertThat(pages.get(1)).as(search).isEqualTo(pages.get(0)).hasSize((int) Math.min(80, total));
        }
    }

    private JsonNode get(int server, String query) {
        return get(bases.get(server), server, query);
    }

    private JsonNode get(String base, int server, String query) {
        Api.Response r = readers.get(server).get(base + query);
        assertThat(r.status()).as(query + ": " + r).isEqualTo(200);
        return r.json();
    }

    private static List<String> slugs(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.get("data").forEach(e -> out.add(e.get("slug").asText()));
        return out;
    }
}
