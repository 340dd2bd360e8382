package dev.vellum.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vellum.testing.Api;
import dev.vellum.testing.TestKeys;
import dev.vellum.testing.Receiver;
import dev.vellum.testing.Receiver.Reply;
import dev.vellum.testing.TestServer;
import dev.vellum.testing.Wait;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Publishing: debounced site.published to deploy hooks, the publish history, and scheduled publishing. */
abstract class PublishingScenarios extends ServerScenarios {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private final Receiver receiver = new Receiver();

    @Override
    protected Map<String, String> settings() {
        return Map.of("VELLUM_SECRET_KEY", TestKeys.SECRET_KEY, "VELLUM_OUTBOUND_ALLOWLIST", "127.0.0.1", "VELLUM_WEBHOOK_BACKOFF_BASE_MS", "50",
                "VELLUM_PUBLISH_DEBOUNCE_MS", "1200", "VELLUM_SCHEDULER_TICK_MS", "100", "VELLUM_POLL_MS", "200");
    }

    @AfterAll
    void stopReceiver() {
        receiver.close();
    }

    private record Project(String id, Api admin) {
        String path(String rest) {
            return "/v1/projects/" + id + rest;
        }

        void hook(String url, List<String> events) {
            Api.Response r = admin.post(path("/webhooks"), Map.of("url", url, "events", events));
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
        }
    }

    private Project project() {
        String id = "pub-" + Long.toHexString(System.nanoTime());
        Api admin = server.project(id, "admin");
        assertThat(admin.post("/v1/projects/" + id + "/collections",
                Map.of("id", "posts", "fields", List.of(Map.of("id", "title", "type", "text")))).status()).isEqualTo(201);
        return new Project(id, admin);
    }

    @Test
    void aBurstOfPublishCallsFiresOneSitePublishedAndTheHistoryReportsEachDeployHook() {
        Project p = project();
        receiver.respond("/deploy-broken", (r, n) -> Reply.status(503));
        p.hook(receiver.url("/deploy"), List.of("site.published"));
        p.hook(receiver.url("/deploy-broken"), List.of("site.*"));

        String publishId = null;
        for (int i = 0; i < 10; i++) {
            Api.Response r = p.admin().post(p.path("/publish"), Map.of());
            assertThat(r.status()).isEqualTo(202);
            assertThat(r.json().get("status").asText()).isEqualTo("pending");
            if (publishId == null) publishId = r.json().get("id").asText();
            assertThat(r.json().get("id").asText()).as("every call of the burst joins one publish").isEqualTo(publishId);
        }
        Receiver.Request deploy = receiver.await("/deploy", 1, WAIT).getFirst();
        Receiver.pause(Duration.ofMillis(2000));
        assertThat(receiver.requests("/deploy")).hasSize(1);
        assertThat(deploy.header("Vellum-Event")).isEqualTo("site.published");
        JsonNode body = deploy.json();
        assertThat(body.get("kind").asText()).isEqualTo("site.published");
        assertThat(body.at("/data/publish_id").asText()).isEqualTo(publishId);
        assertThat(body.at("/data/requests").asInt()).isEqualTo(10);

        JsonNode history = p.admin().get(p.path("/publishes")).json().get("data");
        assertThat(history).hasSize(1);
        JsonNode publish = history.get(0);
        assertThat(publish.get("status").asText()).isEqualTo("fired");
        assertThat(publish.get("seq").asLong()).isEqualTo(body.get("seq").asLong());
        JsonNode deliveries = publish.get("deliveries");
        assertThat(deliveries).hasSize(2);
        for (JsonNode d : deliveries) {
            if (d.get("url").asText().endsWith("/deploy")) {
                assertThat(d.get("status").asText()).isEqualTo("delivered");
                assertThat(d.get("response_status").asInt()).isEqualTo(200);
            } else {
                assertThat(d.get("status").asText()).isEqualTo("pending");
                assertThat(d.get("attempts").asInt()).isGreaterThan(0);
                assertThat(d.get("response_status").asInt()).isEqualTo(503);
            }
        }

        Api.Response later = p.admin().post(p.path("/publish"), Map.of());
        assertThat(later.json().get("id").asText()).as("a publish after the first fired is a new one").isNotEqualTo(publishId);
        receiver.await("/deploy", 2, WAIT);
    }

    @Test
    void readTokensCannotPublish() {
        Project p = project();
        Api read = server.token(p.id(), "read");
        assertThat(read.post(p.path("/publish"), Map.of()).status()).isEqualTo(403);
        assertThat(server.token(p.id(), "write").post(p.path("/publish"), Map.of()).status()).isEqualTo(202);
    }

    @Test
    void aScheduledDraftGoesLiveAtItsTimeThroughTheUpdatePathAndFiresSitePublished() {
        Project p = project();
        p.hook(receiver.url("/scheduled"), List.of("entry.updated", "site.published"));
        Api reader = server.token(p.id(), "read");
        Instant at = Instant.now().plusMillis(1500);
        Api.Response created = p.admin().post(p.path("/collections/posts/entries"),
                Map.of("draft", true, "publish_at", at.toString(), "fields", Map.of("title", "Scheduled")));
        assertThat(created.status()).isEqualTo(201);
        String entry = p.path("/collections/posts/entries/" + created.json().get("id").asText());
        assertThat(reader.get(entry).status()).isEqualTo(404);

        JsonNode live = Wait.until("the draft to go live", WAIT, () -> {
            Api.Response r = reader.get(entry);
            return r.status() == 200 ? r.json() : null;
        });
        assertThat(live.get("draft").asBoolean()).isFalse();
        assertThat(live.has("publish_at")).isFalse();
        assertThat(live.get("version").asLong()).isEqualTo(2);
        assertThat(Instant.parse(live.get("updated_at").asText())).as("not before its time").isAfterOrEqualTo(at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));

        List<Receiver.Request> got = receiver.await("/scheduled", 2, WAIT);
        assertThat(got).extracting(r -> r.header("Vellum-Event")).containsExactly("entry.updated", "site.published");
        assertThat(got.get(0).json().at("/data/draft").asBoolean()).isFalse();
        assertThat(got.get(1).json().at("/data/scheduled").asInt()).isEqualTo(1);
    }

    @Test
    void scheduledPublishingSurvivesARestart() {
        Project p = project();
        Instant at = Instant.now().plusMillis(1000);
        Api.Response created = p.admin().post(p.path("/collections/posts/entries"),
                Map.of("draft", true, "publish_at", at.toString(), "fields", Map.of("title", "Across a restart")));
        String entry = p.path("/collections/posts/entries/" + created.json().get("id").asText());
        server.close();
        Receiver.pause(Duration.ofMillis(1500));
        server = new TestServer(backend, settings());
        Api reader = server.token(p.id(), "read");
        JsonNode live = Wait.until("the draft to go live after the restart", WAIT, () -> {
            Api.Response r = reader.get(entry);
            return r.status() == 200 ? r.json() : null;
        });
        assertThat(live.get("draft").asBoolean()).isFalse();
        JsonNode changes = server.admin().get(p.path("/changes?since=0")).json().get("data");
        assertThat(changes.findValuesAsText("kind")).containsExactly("collection.created", "entry.created", "entry.updated");
    }
}
