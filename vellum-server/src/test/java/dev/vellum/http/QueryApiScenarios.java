package dev.vellum.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vellum.testing.Api;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The filter language over HTTP: errors with positions, filtered and sorted paging, references, limits. */
abstract class QueryApiScenarios extends ServerScenarios {
    private Api admin;
    private Api reader;
    private String posts;

    @BeforeAll
    void createPosts() {
        String p = "query-" + Long.toHexString(System.nanoTime());
        admin = server.project(p, "admin");
        reader = server.token(p, "read");
        String collections = "/v1/projects/" + p + "/collections";
        assertThat(admin.post(collections, Map.of("id", "categories", "fields", List.of(Map.of("id", "name", "type", "text")))).status())
                .isEqualTo(201);
        assertThat(admin.post(collections, """
                {"id": "posts", "fields": [{"id": "title", "type": "text"}, {"id": "views", "type": "number", "integer": true},
                  {"id": "status", "type": "enum", "options": ["draft", "live"]}, {"id": "tags", "type": "multi_enum", "options": ["a", "b"]},
                  {"id": "category", "type": "reference", "collection": "categories"}]}""").status()).isEqualTo(201);
        String categories = collections + "/categories/entries";
        String news = admin.post(categories, Map.of("fields", Map.of("name", "News"))).json().get("id").asText();
        String secret = admin.post(categories, Map.of("draft", true, "fields", Map.of("name", "Secret"))).json().get("id").asText();
        posts = collections + "/posts/entries";
        String[] titles = {"Java streams", "JAVA records", "Kotlin", "café", "CAFÉ", "100% java", "a_b", "plain"};
        for (int i = 0; i < 40; i++) {
            var fields = new java.util.HashMap<String, Object>(Map.of("title", titles[i % titles.length], "views", i * 5,
                    "status", i % 3 == 0 ? "draft" : "live", "tags", i % 2 == 0 ? List.of("a") : List.of("b")));
            if (i % 4 == 0) fields.put("category", i % 8 == 0 ? news : secret);
            assertThat(admin.post(posts, Map.of("slug", "post-" + i, "fields", fields)).status()).isEqualTo(201);
        }
    }

    @Test
    void aBadFilterIs400WithTheFaultAndItsPosition() {
        Api.Response r = admin.get(posts + "?filter=" + encode("status = \"live\" and views > \"ten\""));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("code").asText()).isEqualTo("invalid_filter");
        assertThat(r.json().at("/errors/0/field").asText()).isEqualTo("filter");
        assertThat(r.json().at("/errors/0/code").asText()).isEqualTo("type_mismatch");
        assertThat(r.json().at("/errors/0/position").asInt()).isEqualTo(28);
        assertThat(r.json().at("/errors/0/message").asText()).contains("'views'", "number", "at position 28");
        assertThat(r.json().get("detail").asText()).contains("at position 28");

        Api.Response syntax = admin.get(posts + "?filter=" + encode("(views > 1"));
        assertThat(syntax.json().at("/errors/0/code").asText()).isEqualTo("syntax_error");
        assertThat(syntax.json().at("/errors/0/position").asInt()).isEqualTo(10);
        Api.Response unknown = admin.get(posts + "?filter=" + encode("views > 1 or colour = \"red\""));
        assertThat(unknown.json().at("/errors/0/code").asText()).isEqualTo("unknown_field");
        assertThat(unknown.json().at("/errors/0/position").asInt()).isEqualTo(13);
    }

    @Test
    void hostileFiltersHitLimitsWithTheirOwnCodes() {
        Api.Response tooLong = admin.get(posts + "?filter=" + encode("title = \"" + "x".repeat(5000) + "\""));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("code").asText()).isEqualTo("filter_too_long");
        Api.Response deep = admin.get(posts + "?filter=" + encode("(".repeat(40) + "views > 1" + ")".repeat(40)));
        assertThat(deep.status()).isEqualTo(400);
        assertThat(deep.json().get("code").asText()).isEqualTo("filter_too_complex");
        Api.Response wide = admin.get(posts + "?filter=" + encode(String.join(" or ", java.util.Collections.nCopies(100, "views = 1"))));
        assertThat(wide.json().get("code").asText()).isEqualTo("filter_too_complex");
    }

    @Test
    void filteredSortedListingPagesWithCursorsAndCountsWhenAsked() {
        String filter = encode("status = \"live\" and (views >= 50 or title ~ \"JAVA\") and not tags ~ \"b\"");
        List<Integer> views = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = admin.get(posts + "?limit=3&sort=-views&include_total=true&filter=" + filter
                    + (cursor == null ? "" : "&cursor=" + cursor)).json();
            assertThat(page.get("total").asInt()).isEqualTo(11);
            page.get("data").forEach(e -> views.add(e.at("/fields/views").asInt()));
            cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asText();
            pages++;
        } while (cursor != null);
        // live (i % 3 != 0), tag "a" (even i), and views >= 50 (i >= 10) or a title containing "java" (i % 8 in 0, 1, 5)
        List<Integer> expected = new ArrayList<>();
        for (int i = 39; i >= 0; i--) {
            if (i % 3 != 0 && i % 2 == 0 && (i >= 10 || List.of(0, 1, 5).contains(i % 8))) expected.add(i * 5);
        }
        assertThat(views).isEqualTo(expected);
        assertThat(views).hasSize(11);
        assertThat(pages).isEqualTo(4);
        assertThat(admin.get(posts + "?filter=" + filter).json().has("total")).as("total only when asked").isFalse();
    }

    @Test
    void aCursorBelongsToItsFilter() {
        JsonNode page = admin.get(posts + "?limit=2&filter=" + encode("views > 10")).json();
        String cursor = page.get("next_cursor").asText();
        assertThat(admin.get(posts + "?limit=2&filter=" + encode("views > 10") + "&cursor=" + cursor).status()).isEqualTo(200);
        Api.Response other = admin.get(posts + "?limit=2&filter=" + encode("views > 11") + "&cursor=" + cursor);
        assertThat(other.status()).isEqualTo(400);
        assertThat(other.json().get("code").asText()).isEqualTo("cursor_mismatch");
    }

    @Test
    void containsIgnoresAsciiCaseOnlyAndTakesPercentAndUnderscoreLiterally() {
        assertThat(titles("title ~ \"java\"")).containsOnly("Java streams", "JAVA records", "100% java");
        assertThat(titles("title ~ \"É\"")).as("no Unicode case folding").containsOnly("CAFÉ");
        assertThat(titles("title ~ \"%\"")).containsOnly("100% java");
        assertThat(titles("title ~ \"_\"")).containsOnly("a_b");
        assertThat(titles("title ~ \"a%b\"")).isEmpty();
        assertThat(titles("title ~ \"\" and not title in [\"plain\", \"Kotlin\"] and title != \"a_b\""))
                .containsOnly("Java streams", "JAVA records", "café", "CAFÉ", "100% java");
    }

    @Test
    void referencesAreFollowedAndDraftTargetsReadAsMissingForReadTokens() {
        assertThat(admin.get(posts + "?limit=100&filter=" + encode("category.name = \"Secret\"")).json().get("data").size()).isEqualTo(5);
        assertThat(reader.get(posts + "?limit=100&filter=" + encode("category.name = \"Secret\"")).json().get("data").size())
                .as("a read token cannot probe draft categories").isZero();
        // posts 4, 12, 20, 28 and 36 point at the draft category: for the read token it is not there
        assertThat(reader.get(posts + "?limit=100&filter=" + encode("category is not null and category.name is null")).json()
                .get("data").findValuesAsText("slug")).containsExactlyInAnyOrder("post-4", "post-12", "post-20", "post-28", "post-36");
        assertThat(admin.get(posts + "?limit=100&filter=" + encode("category is not null and category.name is null")).json()
                .get("data").size()).isZero();
        assertThat(reader.get(posts + "?limit=100&filter=" + encode("category.name = \"News\"")).json().get("data").size()).isEqualTo(5);
        assertThat(reader.get(posts + "?limit=100&filter=" + encode("category.name != \"News\"")).json().get("data").size())
                .as("no category, or one that is not News (for this token)").isEqualTo(35);
    }

    private List<String> titles(String filter) {
        return admin.get(posts + "?limit=500&filter=" + encode(filter)).json().get("data").findValuesAsText("title");
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
