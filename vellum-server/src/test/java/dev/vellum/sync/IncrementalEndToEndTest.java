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
 * Runs against a real Directus that changes by itself, fails, or vanishes: a live Directus change
 * reaches Vellum without a manual run, a Directus answering 500 is retried, and a Directus that
 * disappears mid-run fails the run cleanly and the next run completes it. (Incremental runs: {@link SyncScenarios}.)
 */
class IncrementalEndToEndTest extends DirectusScenarios {

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
    void anItemDeletedInDirectusBetweenLookupAndWriteIsCreatedAgain() {
        Project p = withArticles(2);
        try (FaultProxy proxy = new FaultProxy(directus.url())) {
            String c = connect(p, proxy.url(), Map.of());
            assertThat(p.sync(c, "pull").path("created").asInt()).isEqualTo(2);
            p.patch("posts", p.entryBySlug("posts", "item-0").path("id").asText(), Map.of("fields", Map.of("title", "Edited in Vellum")));
            String gone = items("articles").path(0).path("id").asText();
            // the push looks the item up, then Directus loses it just before the PATCH: Directus answers 204 and changes nothing
            proxy.beforeNext("PATCH", () -> assertThat(directus.api().delete("/items/articles/" + gone).status()).isEqualTo(204));
            JsonNode push = p.sync(c, "push");
            assertThat(push.path("status").asText()).as(push.toString()).isEqualTo("done");
            assertThat(push.path("errors")).isEmpty();
            JsonNode items = items("articles");
            assertThat(items).hasSize(2);
            assertThat(items.findValuesAsText("slug")).contains("item-0");
            JsonNode again = items.path(0).path("slug").asText().equals("item-0") ? items.path(0) : items.path(1);
            assertThat(again.path("id").asText()).isNotEqualTo(gone);
            assertThat(again.path("title").asText()).isEqualTo("Edited in Vellum");
            JsonNode quiet = p.sync(c, "pull");
            assertThat(quiet.path("created").asInt() + quiet.path("updated").asInt()).as(quiet.toString()).isZero(); // linked to the new item
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
