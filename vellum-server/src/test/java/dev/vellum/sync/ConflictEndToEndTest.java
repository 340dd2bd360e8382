package dev.vellum.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vellum.testing.Api;
import dev.vellum.testing.DirectusServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Edits on both sides against a real Directus: different fields merge, the same field is a conflict
 * resolved either way (applied to both sides), always_overwrite lets the source side win in both
 * directions, and "conflicts": "item" restores the plugin's stricter rule.
 */
class ConflictEndToEndTest extends DirectusScenarios {

    private record Setup(Project p, String connection, JsonNode items) {
        String remoteId(int i) {
            return items.path(i).path("id").asText();
        }
    }

    private Setup setup(Map<String, Object> options) {
        Project p = project("conflicts");
        p.collection("posts", List.of(Map.of("id", "title", "type", "text"), Map.of("id", "body", "type", "text"),
                Map.of("id", "views", "type", "number", "integer", true)));
        directus.createCollection("articles", List.of(field("title", "string"), field("body", "text"), field("views", "integer"),
                TypeRoundTripEndToEndTest.slug(), TypeRoundTripEndToEndTest.marker("date_created", "date-created"),
                TypeRoundTripEndToEndTest.marker("date_updated", "date-updated")));
        JsonNode items = createItems("articles", List.of(Map.of("slug", "a", "title", "A", "body", "a body", "views", 1),
                Map.of("slug", "b", "title", "B", "body", "b body", "views", 2)));
        Map<String, Object> body = new java.util.HashMap<>(Map.of("collection", "posts", "url", directus.url(), "token", DirectusServer.TOKEN,
                "remote_collection", "articles"));
        body.putAll(options);
        String c = p.connect(body).path("id").asText();
        assertThat(p.sync(c, "pull").path("created").asInt()).isEqualTo(2);
        return new Setup(p, c, items);
    }

    private void editInDirectus(Setup s, int i, Map<String, Object> data) {
        Api.Response r = directus.api().patch("/items/articles/" + s.remoteId(i), data);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    private void editInVellum(Setup s, String slug, Map<String, Object> fields) {
        s.p().patch("posts", s.p().entryBySlug("posts", slug).path("id").asText(), Map.of("fields", fields));
    }

    private JsonNode remote(Setup s, int i) {
        return directus.api().get("/items/articles/" + s.remoteId(i)).json().path("data");
    }

    @Test
    void changesToDifferentFieldsMergeOnBothSides() {
        Setup s = setup(Map.of());
        editInVellum(s, "a", Map.of("title", "A from Vellum"));
        editInDirectus(s, 0, Map.of("views", 10));
        JsonNode run = s.p().sync(s.connection(), "pull");
        assertThat(run.path("merged").asInt()).as(run.toString()).isEqualTo(1);
        assertThat(run.path("conflicts").asInt()).isZero();
        JsonNode e = s.p().entryBySlug("posts", "a").path("fields");
        assertThat(e.path("title").asText()).isEqualTo("A from Vellum");
        assertThat(e.path("views").asInt()).isEqualTo(10);
        JsonNode r = remote(s, 0);
        assertThat(r.path("title").asText()).isEqualTo("A from Vellum");
        assertThat(r.path("views").asInt()).isEqualTo(10);
        // settled: nothing to do either way
        assertThat(s.p().sync(s.connection(), "push").path("updated").asInt()).isZero();
        assertThat(s.p().sync(s.connection(), "pull").path("updated").asInt()).isZero();
    }

    @Test
    void theSameFieldIsAConflictResolvedEitherWayOnBothSides() {
        Setup s = setup(Map.of());
        editInVellum(s, "a", Map.of("title", "A in Vellum"));
        editInDirectus(s, 0, Map.of("title", "A in Directus"));
        editInVellum(s, "b", Map.of("title", "B in Vellum", "body", "b body, longer"));
        editInDirectus(s, 1, Map.of("title", "B in Directus"));
        JsonNode run = s.p().sync(s.connection(), "push"); // detected pushing as well as pulling
        assertThat(run.path("conflicts").asInt()).as(run.toString()).isEqualTo(2);
        assertThat(run.path("updated").asInt()).isZero();
        assertThat(remote(s, 0).path("title").asText()).isEqualTo("A in Directus"); // nothing overwritten
        JsonNode conflicts = s.p().api().get(s.p().path("/connections/" + s.connection() + "/conflicts")).json().path("data");
        assertThat(conflicts).hasSize(2);
        JsonNode a = conflicts.path(0).path("slug").asText().equals("a") ? conflicts.path(0) : conflicts.path(1);
        JsonNode b = a == conflicts.path(0) ? conflicts.path(1) : conflicts.path(0);
        assertThat(a.path("fields").toString()).isEqualTo("[\"title\"]");
        assertThat(a.path("base").path("title").asText()).isEqualTo("A");
        assertThat(a.path("vellum").path("title").asText()).isEqualTo("A in Vellum");
        assertThat(a.path("directus").path("title").asText()).isEqualTo("A in Directus");
        // a later pull leaves conflicted items alone
        JsonNode pull = s.p().sync(s.connection(), "pull");
        assertThat(pull.path("updated").asInt()).isZero();
        assertThat(s.p().entryBySlug("posts", "a").path("fields").path("title").asText()).isEqualTo("A in Vellum");

        resolve(s, a, "directus");
        assertThat(s.p().entryBySlug("posts", "a").path("fields").path("title").asText()).isEqualTo("A in Directus");
        assertThat(remote(s, 0).path("title").asText()).isEqualTo("A in Directus");
        resolve(s, b, "vellum");
        assertThat(remote(s, 1).path("title").asText()).isEqualTo("B in Vellum");
        assertThat(remote(s, 1).path("body").asText()).isEqualTo("b body, longer"); // the non-conflicting change travels too
        assertThat(s.p().entryBySlug("posts", "b").path("fields").path("title").asText()).isEqualTo("B in Vellum");
        assertThat(s.p().api().get(s.p().path("/connections/" + s.connection() + "/conflicts")).json().path("data")).isEmpty();
        Api.Response again = s.p().api().post(s.p().path("/connections/" + s.connection() + "/conflicts/" + a.path("id").asText() + "/resolve"),
                Map.of("use", "vellum"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(s.p().sync(s.connection(), "pull").path("updated").asInt()).isZero();
        assertThat(s.p().sync(s.connection(), "push").path("updated").asInt()).isZero();
    }

    private void resolve(Setup s, JsonNode conflict, String use) {
        Api.Response r = s.p().api().post(s.p().path("/connections/" + s.connection() + "/conflicts/" + conflict.path("id").asText() + "/resolve"),
                Map.of("use", use));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().path("status").asText()).isEqualTo("resolved");
        assertThat(r.json().path("resolution").asText()).isEqualTo(use);
    }

    @Test
    void alwaysOverwriteLetsTheSourceSideWinInBothDirections() {
        Setup s = setup(Map.of("always_overwrite", true));
        editInVellum(s, "a", Map.of("title", "A in Vellum"));
        editInDirectus(s, 0, Map.of("title", "A in Directus"));
        JsonNode pull = s.p().sync(s.connection(), "pull");
        assertThat(pull.path("conflicts").asInt()).as(pull.toString()).isZero();
        assertThat(s.p().entryBySlug("posts", "a").path("fields").path("title").asText()).isEqualTo("A in Directus");

        editInVellum(s, "b", Map.of("title", "B in Vellum"));
        editInDirectus(s, 1, Map.of("title", "B in Directus"));
        JsonNode push = s.p().sync(s.connection(), "push");
        assertThat(push.path("conflicts").asInt()).as(push.toString()).isZero();
        assertThat(remote(s, 1).path("title").asText()).isEqualTo("B in Vellum");
        assertThat(s.p().entryBySlug("posts", "b").path("fields").path("title").asText()).isEqualTo("B in Vellum");
    }

    @Test
    void theItemRuleMakesAnyChangeOnBothSidesAConflict() {
        Setup s = setup(Map.of("conflicts", "item"));
        editInVellum(s, "a", Map.of("title", "A in Vellum"));
        editInDirectus(s, 0, Map.of("views", 99));
        JsonNode run = s.p().sync(s.connection(), "pull");
        assertThat(run.path("conflicts").asInt()).as(run.toString()).isEqualTo(1);
        assertThat(run.path("merged").asInt()).isZero();
        JsonNode c = s.p().api().get(s.p().path("/connections/" + s.connection() + "/conflicts")).json().path("data").path(0);
        List<String> fields = new ArrayList<>();
        c.path("fields").forEach(f -> fields.add(f.asText()));
        assertThat(fields).containsExactlyInAnyOrder("title", "views");
    }
}
