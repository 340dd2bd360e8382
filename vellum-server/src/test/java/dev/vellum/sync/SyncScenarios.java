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
 * The core of sync against a real Directus, run on SQLite ({@link SqliteSyncTest}) and PostgreSQL
 * ({@link PostgresSyncTest}): pull adds and updates and never wipes, duplicate slugs are skipped by id,
 * incremental runs touch only what changed (a no-change run costs one Directus request to pull and none
 * to push), a dry run writes nothing, edits on both sides merge or become conflicts resolved either way
 * (applied to both sides), always_overwrite lets the source side win in both directions, the item rule
 * makes any change on both sides a conflict, and deletions stay put unless delete propagation is on,
 * when they travel both ways.
 */
abstract class SyncScenarios extends DirectusScenarios {

    // --- pull, push, duplicates ----------------------------------------------------------------

    private Project postsProject() {
        Project p = project("sync");
        p.collection("posts", List.of(Map.of("id", "title", "type", "text", "required", true), Map.of("id", "views", "type", "number",
                "integer", true)));
        return p;
    }

    @Test
    void pullAddsAndUpdatesNeverWipesAndSkipsDuplicateSlugsById() {
        Project p = postsProject();
        directus.createCollection("articles", List.of(field("title", "string"), field("slug", "string"),
                field("date_created", "timestamp", Map.of("special", List.of("date-created"))),
                field("date_updated", "timestamp", Map.of("special", List.of("date-updated")))));
        JsonNode made = createItems("articles", List.of(Map.of("title", "One", "slug", "one"), Map.of("title", "Two", "slug", "two"),
                Map.of("title", "Two again", "slug", "two")));
        String duplicateId = made.path(2).path("id").asText();
        JsonNode local = p.create("posts", Map.of("slug", "only-in-vellum", "fields", Map.of("title", "Mine")));
        String c = p.connect(Map.of("collection", "posts", "url", directus.url(), "token", DirectusServer.TOKEN,
                "remote_collection", "articles")).path("id").asText();

        JsonNode run = p.sync(c, "pull");
        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("done");
        assertThat(run.path("created").asInt()).isEqualTo(2);
        assertThat(run.path("skipped")).hasSize(1);
        assertThat(run.path("skipped").path(0).path("remote_id").asText()).isEqualTo(duplicateId);
        assertThat(run.path("skipped").path(0).path("reason").asText()).startsWith("duplicate_slug");
        assertThat(p.entryBySlug("posts", "two").path("fields").path("title").asText()).isEqualTo("Two");
        assertThat(p.entryBySlug("posts", "only-in-vellum").path("id").asText()).isEqualTo(local.path("id").asText());

        directus.api().patch("/items/articles/" + made.path(0).path("id").asText(), Map.of("title", "One, changed"));
        JsonNode second = p.sync(c, "pull");
        assertThat(second.path("updated").asInt()).as(second.toString()).isEqualTo(1);
        assertThat(second.path("created").asInt()).isZero();
        assertThat(p.entryBySlug("posts", "one").path("fields").path("title").asText()).isEqualTo("One, changed");
        assertThat(p.entries("posts")).hasSize(3);
    }

    @Test
    void aDirectusUniquenessClashIsReportedOnTheItemAndTheRestIsPushedInBulk() {
        Project p = project("unique");
        p.collection("posts", List.of(Map.of("id", "title", "type", "text")));
        directus.createCollection("articles", List.of(Map.of("field", "title", "type", "string", "meta", Map.of("interface", "input"),
                "schema", Map.of("is_unique", true)), slug(), marker("date_created",
                "date-created"), marker("date_updated", "date-updated")));
        p.create("posts", Map.of("slug", "a", "fields", Map.of("title", "Same")));
        JsonNode b = p.create("posts", Map.of("slug", "b", "fields", Map.of("title", "Same")));
        p.create("posts", Map.of("slug", "c", "fields", Map.of("title", "Other")));
        String c = connect(p, directus.url(), Map.of());
        JsonNode push = p.sync(c, "push");
        assertThat(push.path("status").asText()).as(push.toString()).isEqualTo("done");
        assertThat(push.path("created").asInt()).isEqualTo(2);
        assertThat(push.path("errors")).hasSize(1);
        assertThat(push.path("errors").path(0).path("slug").asText()).isEqualTo("b");
        assertThat(push.path("errors").path(0).path("message").asText()).contains("RECORD_NOT_UNIQUE");
        assertThat(items("articles")).hasSize(2);
        p.patch("posts", b.path("id").asText(), Map.of("fields", Map.of("title", "Unique now")));
        JsonNode again = p.sync(c, "push");
        assertThat(again.path("created").asInt()).as(again.toString()).isEqualTo(1);
        assertThat(items("articles")).hasSize(3);
    }

    // --- incremental runs ----------------------------------------------------------------------

    @Test
    void incrementalRunsTouchOnlyWhatChanged() {
        Project p = withArticles(30);
        String c = connect(p, directus.url(), Map.of());
        assertThat(p.sync(c, "pull").path("created").asInt()).isEqualTo(30);
        assertThat(p.sync(c, "push").path("updated").asInt()).isZero(); // what pull wrote is not pushed back

        JsonNode quietPull = p.sync(c, "pull");
        assertThat(quietPull.path("seen").asInt()).as(quietPull.toString()).isZero();
        assertThat(quietPull.path("directus_requests").asInt()).isEqualTo(1);
        JsonNode quietPush = p.sync(c, "push");
        assertThat(quietPush.path("seen").asInt()).as(quietPush.toString()).isZero();
        assertThat(quietPush.path("directus_requests").asInt()).isZero();

        JsonNode items = items("articles");
        for (int i = 0; i < 2; i++) directus.api().patch("/items/articles/" + items.path(i).path("id").asText(), Map.of("views", 1000 + i));
        for (int i = 10; i < 13; i++) {
            p.patch("posts", p.entryBySlug("posts", "item-" + i).path("id").asText(), Map.of("fields", Map.of("title", "Changed " + i)));
        }
        JsonNode pull = p.sync(c, "pull");
        assertThat(pull.path("seen").asInt()).as(pull.toString()).isEqualTo(2);
        assertThat(pull.path("updated").asInt()).isEqualTo(2);
        JsonNode push = p.sync(c, "push");
        assertThat(push.path("updated").asInt()).as(push.toString()).isEqualTo(3);
        assertThat(push.path("seen").asInt()).isEqualTo(5); // the 3 edits and the 2 entries pull just wrote (recognised as synced)
        assertThat(items("articles").path(11).path("title").asText()).isEqualTo("Changed 11");
        assertThat(p.entryBySlug("posts", "item-1").path("fields").path("views").asInt()).isEqualTo(1001);

        Api.Response runs = p.api().get(p.path("/connections/" + c + "/runs"));
        assertThat(runs.json().path("data")).hasSize(6);
        assertThat(runs.json().path("data").path(0).path("id").asText()).isEqualTo(push.path("id").asText());
    }

    @Test
    void aDryRunReportsWithoutWriting() {
        Project p = withArticles(3);
        String c = connect(p, directus.url(), Map.of());
        JsonNode dry = p.sync(c, "pull", Map.of("dry_run", true));
        assertThat(dry.path("created").asInt()).as(dry.toString()).isEqualTo(3);
        assertThat(p.entries("posts")).isEmpty();
        assertThat(p.sync(c, "pull").path("created").asInt()).isEqualTo(3);
    }

    // --- conflicts and merges -------------------------------------------------------------------

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
                slug(), marker("date_created", "date-created"),
                marker("date_updated", "date-updated")));
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

    // --- deletions -----------------------------------------------------------------------------

    @Test
    void withoutDeletePropagationNothingIsWipedEitherWay() {
        Project p = withArticles(3);
        String c = connect(p, directus.url(), Map.of());
        assertThat(p.sync(c, "pull").path("created").asInt()).isEqualTo(3);
        JsonNode items = items("articles");
        assertThat(directus.api().delete("/items/articles/" + items.path(0).path("id").asText()).status()).isEqualTo(204);
        String entry = p.entryBySlug("posts", "item-1").path("id").asText();
        assertThat(p.api().delete(p.path("/collections/posts/entries/" + entry)).status()).isEqualTo(204);

        JsonNode pull = p.sync(c, "pull");
        assertThat(pull.path("deleted").asInt()).as(pull.toString()).isZero();
        JsonNode push = p.sync(c, "push");
        assertThat(push.path("deleted").asInt()).as(push.toString()).isZero();
        assertThat(p.entryBySlug("posts", "item-0").path("id").isTextual()).isTrue(); // gone in Directus, kept in Vellum
        assertThat(items("articles")).hasSize(2); // gone in Vellum, kept in Directus
        assertThat(items("articles").findValuesAsText("slug")).contains("item-1");
    }

    @Test
    void withDeletePropagationDeletionsTravelBothWaysButAnEditWinsOverADelete() {
        Project p = withArticles(4);
        String c = connect(p, directus.url(), Map.of("deletes", true));
        assertThat(p.sync(c, "pull").path("created").asInt()).isEqualTo(4);
        JsonNode items = items("articles");

        // Directus → Vellum: item-0 deleted in Directus; item-2 deleted there too but edited in Vellum meanwhile
        assertThat(directus.api().delete("/items/articles/" + items.path(0).path("id").asText()).status()).isEqualTo(204);
        assertThat(directus.api().delete("/items/articles/" + items.path(2).path("id").asText()).status()).isEqualTo(204);
        p.patch("posts", p.entryBySlug("posts", "item-2").path("id").asText(), Map.of("fields", Map.of("title", "Kept by an edit")));
        JsonNode pull = p.sync(c, "pull");
        assertThat(pull.path("deleted").asInt()).as(pull.toString()).isEqualTo(1);
        assertThat(pull.path("skipped").toString()).contains("deleted_in_directus_but_changed_in_vellum");
        assertThat(p.entryBySlug("posts", "item-0").isMissingNode()).isTrue();
        assertThat(p.entryBySlug("posts", "item-2").path("fields").path("title").asText()).isEqualTo("Kept by an edit");

        // Vellum → Directus: item-1 deleted in Vellum
        String entry = p.entryBySlug("posts", "item-1").path("id").asText();
        assertThat(p.api().delete(p.path("/collections/posts/entries/" + entry)).status()).isEqualTo(204);
        JsonNode push = p.sync(c, "push");
        assertThat(push.path("deleted").asInt()).as(push.toString()).isEqualTo(1);
        List<String> left = items("articles").findValuesAsText("slug");
        assertThat(left).doesNotContain("item-0", "item-1").contains("item-3", "item-2"); // item-2: the edit was pushed back
        // settled: nothing more to delete or write either way
        JsonNode again = p.sync(c, "pull");
        assertThat(again.path("deleted").asInt() + again.path("created").asInt() + again.path("updated").asInt()).as(again.toString()).isZero();
        JsonNode againPush = p.sync(c, "push");
        assertThat(againPush.path("deleted").asInt() + againPush.path("created").asInt()).as(againPush.toString()).isZero();
        assertThat(p.entries("posts")).hasSize(2);

        // a full pull finds a deletion by the item's absence, confirmed by Directus' activity log
        String item3 = items("articles").get(0).path("slug").asText().equals("item-3") ? items("articles").get(0).path("id").asText()
                : items("articles").get(1).path("id").asText();
        assertThat(directus.api().delete("/items/articles/" + item3).status()).isEqualTo(204);
        JsonNode full = p.sync(c, "pull", Map.of("full", true));
        assertThat(full.path("deleted").asInt()).as(full.toString()).isEqualTo(1);
        assertThat(p.entryBySlug("posts", "item-3").isMissingNode()).isTrue();
        assertThat(p.entries("posts")).hasSize(1);
    }
}
