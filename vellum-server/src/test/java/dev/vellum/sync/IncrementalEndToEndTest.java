package dev.vellum.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vellum.testing.Api;
import dev.vellum.testing.DirectusServer;
import dev.vellum.testing.FaultProxy;
import dev.vellum.testing.Wait;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs against a real Directus that change little, fail, or vanish: incremental runs touch only what
 * changed (a no-change run costs one Directus request to pull and none to push), a live Directus
 * change reaches Vellum without a manual run, a Directus answering 500 is retried, and a Directus that
 * disappears mid-run fails the run cleanly and the next run completes it.
 */
class IncrementalEndToEndTest extends DirectusScenarios {

    private Project withArticles(int count) {
        Project p = project("incr");
        p.collection("posts", List.of(Map.of("id", "title", "type", "text"), Map.of("id", "views", "type", "number", "integer", true)));
        directus.createCollection("articles", List.of(field("title", "string"), field("views", "integer"), TypeRoundTripEndToEndTest.slug(),
                TypeRoundTripEndToEndTest.marker("date_created", "date-created"), TypeRoundTripEndToEndTest.marker("date_updated", "date-updated")));
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < count; i++) items.add(Map.of("slug", "item-" + i, "title", "Item " + i, "views", i));
        if (count > 0) createItems("articles", items);
        return p;
    }

    private String connect(Project p, String url, Map<String, Object> extra) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("collection", "posts", "url", url, "token", DirectusServer.TOKEN,
                "remote_collection", "articles"));
        body.putAll(extra);
        return p.connect(body).path("id").asText();
    }

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

    @Test
    void aLiveDirectusChangeReachesVellumWithoutARun() {
        Project p = withArticles(2);
        String c = connect(p, directus.url(), Map.of("live", true));
        Wait.until("the first live pull", Duration.ofSeconds(30), () -> p.entries("posts").size() == 2);
        String id = items("articles").path(0).path("id").asText();
        directus.api().patch("/items/articles/" + id, Map.of("title", "Edited live"));
        Wait.until("the live change in Vellum", Duration.ofSeconds(30),
                () -> p.entryBySlug("posts", "item-0").path("fields").path("title").asText().equals("Edited live"));
        JsonNode runs = p.api().get(p.path("/connections/" + c + "/runs")).json().path("data");
        assertThat(runs.path(0).path("trigger").asText()).isEqualTo("live");
        p.api().patch(p.path("/connections/" + c), Map.of("live", false));
    }

    @Test
    void aDirectusAnswering500IsRetriedAndAWrongTokenFailsTheRunClearly() {
        Project p = withArticles(5);
        try (FaultProxy proxy = new FaultProxy(directus.url())) {
            String c = connect(p, proxy.url(), Map.of());
            proxy.fail(2);
            JsonNode run = p.sync(c, "pull");
            assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("done");
            assertThat(run.path("created").asInt()).isEqualTo(5);
            assertThat(proxy.refused()).isEqualTo(2);

            Api.Response rotated = p.api().patch(p.path("/connections/" + c), Map.of("token", "revoked-token"));
            assertThat(rotated.status()).isEqualTo(422);
            assertThat(rotated.json().path("code").asText()).isEqualTo("directus_token_rejected");
        }
    }

    @Test
    void aDirectusThatDisappearsMidRunFailsItCleanlyAndTheNextRunCompletesIt() {
        Project p = withArticles(0);
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int i = 0; i < 1200; i++) entries.add(Map.of("slug", "local-" + i, "fields", Map.of("title", "Local " + i, "views", i)));
        for (int i = 0; i < entries.size(); i += 1000) {
            Api.Response r = p.api().post(p.path("/collections/posts/entries/batch"), Map.of("mode", "create",
                    "entries", entries.subList(i, Math.min(entries.size(), i + 1000))));
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
        }
        try (FaultProxy proxy = new FaultProxy(directus.url())) {
            String c = connect(p, proxy.url(), Map.of());
            proxy.vanishAfter(14); // slug lookups (12 pages of 100), then the first bulk create of 500, then gone
            JsonNode failed = p.sync(c, "push");
            assertThat(failed.path("status").asText()).as(failed.toString()).isEqualTo("failed");
            assertThat(failed.path("error").asText()).contains("could not be reached");
            int half = items("articles").size();
            assertThat(half).isBetween(1, 1199);
            proxy.recover();
            JsonNode next = p.sync(c, "push");
            assertThat(next.path("status").asText()).as(next.toString()).isEqualTo("done");
            assertThat(items("articles")).hasSize(1200); // nothing twice
            assertThat(next.path("created").asInt()).isEqualTo(1200 - half);
        }
    }
}
