package dev.vellum.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vellum.testing.Api;
import dev.vellum.testing.Backend;
import dev.vellum.testing.Receiver;
import dev.vellum.testing.SseReader;
import dev.vellum.testing.TestServer;
import dev.vellum.testing.TestKeys;
import dev.vellum.testing.Wait;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two Vellum nodes on one PostgreSQL database: each webhook delivery and each scheduled publish
 * happens once between them, and a live stream on one node sees what is written on the other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MultiNodeTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Map<String, String> SETTINGS = Map.of(
            "VELLUM_SECRET_KEY", TestKeys.SECRET_KEY,
            "VELLUM_OUTBOUND_ALLOWLIST", "127.0.0.1", "VELLUM_POLL_MS", "200", "VELLUM_SCHEDULER_TICK_MS", "100",
            "VELLUM_WEBHOOK_CONCURRENCY", "1", "VELLUM_PUBLISH_DEBOUNCE_MS", "300");
    private Backend backend;
    private TestServer a;
    private TestServer b;
    private final Receiver receiver = new Receiver();

    @BeforeAll
    void startTwoNodes() {
        backend = Backend.postgres();
        a = new TestServer(backend, SETTINGS);
        b = new TestServer(backend, SETTINGS);
    }

    @AfterAll
    void stop() {
        receiver.close();
        if (a != null) a.close();
        if (b != null) b.close();
        if (backend != null) backend.close();
    }

    private Api project(String id) {
        Api admin = a.project(id, "admin");
        assertThat(admin.post("/v1/projects/" + id + "/collections", Map.of("id", "posts", "fields",
                List.of(Map.of("id", "title", "type", "text"))))
                .status()).isEqualTo(201);
        return admin;
    }

    private static List<Map<String, Object>> entries(int from, int count) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = from; i < from + count; i++) out.add(Map.of("fields", Map.of("title", "entry " + i)));
        return out;
    }

    @Test
    void thousandEventsAreDeliveredExactlyOnceBetweenTwoNodes() throws IOException {
        Api admin = project("twonodes");
        List<String> paths = List.of("/one", "/two");
        for (String path : paths) {
            assertThat(admin.post("/v1/projects/twonodes/webhooks", Map.of("url", receiver.url(path), "events", List.of("entry.created")))
                    .status()).isEqualTo(201);
        }
        for (int batch = 0; batch < 2; batch++) {
            assertThat(admin.post("/v1/projects/twonodes/collections/posts/entries/batch", Map.of("entries", entries(batch * 500, 500)))
                    .status()).isEqualTo(200);
        }
        Set<String> nodes = new HashSet<>();
        for (String path : paths) {
            List<Receiver.Request> got = receiver.await(path, 1000, WAIT);
            Receiver.pause(Duration.ofMillis(500));
            got = receiver.requests(path);
            Map<Long, Integer> perSeq = new HashMap<>();
            Set<String> ids = new HashSet<>();
            for (Receiver.Request r : got) {
                perSeq.merge(r.json().get("seq").asLong(), 1, Integer::sum);
                ids.add(r.header("Vellum-Delivery-Id"));
                nodes.add(r.header("User-Agent"));
            }
            assertThat(got).as("requests to %s", path).hasSize(1000);
            assertThat(perSeq).hasSize(1000);
            assertThat(perSeq.values()).containsOnly(1);
            assertThat(ids).hasSize(1000);
        }
        assertThat(nodes).as("both nodes delivered").hasSize(2);
    }

    @Test
    void scheduledDraftsArePublishedOnceBetweenTwoNodes() {
        Api admin = project("schedule");
        String at = Instant.now().plusMillis(1000).toString();
        List<Map<String, Object>> drafts = new ArrayList<>();
        for (int i = 0; i < 30; i++) drafts.add(Map.of("draft", true, "publish_at", at, "fields", Map.of("title", "draft " + i)));
        assertThat(admin.post("/v1/projects/schedule/collections/posts/entries/batch", Map.of("entries", drafts)).status()).isEqualTo(200);

        Api reader = a.token("schedule", "read");
        Wait.until("every draft to go live", WAIT, () ->
                reader.get("/v1/projects/schedule/collections/posts/entries?limit=100").json().get("data").size() == 30 ? Boolean.TRUE : null);
        JsonNode changes = admin.get("/v1/projects/schedule/changes?since=0&limit=1000").json().get("data");
        Map<String, Integer> updates = new HashMap<>();
        for (JsonNode c : changes) if (c.get("kind").asText().equals("entry.updated")) updates.merge(c.get("entry_id").asText(), 1, Integer::sum);
        assertThat(updates).hasSize(30);
        assertThat(updates.values()).containsOnly(1);
    }

    @Test
    void aStreamOnOneNodeSeesChangesMadeOnTheOther() {
        Api admin = project("streams");
        Api.Response issued = a.admin().post("/v1/projects/streams/tokens", Map.of("name", "reader", "scope", "read"));
        try (SseReader onB = SseReader.open(b.base() + "/v1/projects/streams/changes/stream", issued.json().get("token").asText(), null)) {
            assertThat(onB.status()).isEqualTo(200);
            for (int i = 0; i < 3; i++) {
                assertThat(admin.post("/v1/projects/streams/collections/posts/entries", Map.of("fields", Map.of("title", "n" + i))).status())
                        .isEqualTo(201);
            }
            List<SseReader.Event> events = onB.next(3, WAIT);
            assertThat(events).extracting(SseReader.Event::event).containsOnly("entry.created");
            assertThat(events).extracting(SseReader.Event::seq).isSorted().doesNotHaveDuplicates();
        }
    }
}
