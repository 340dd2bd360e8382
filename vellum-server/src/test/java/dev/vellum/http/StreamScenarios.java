package dev.vellum.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vellum.testing.Api;
import dev.vellum.testing.Receiver;
import dev.vellum.testing.SseReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The live change stream: Server-Sent Events that resume exactly, hide drafts from readers and keep alive. */
abstract class StreamScenarios extends ServerScenarios {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @Override
    protected Map<String, String> settings() {
        return Map.of("VELLUM_STREAM_HEARTBEAT_MS", "200", "VELLUM_POLL_MS", "200");
    }

    private record Project(String id, Api admin, String adminToken) {
        String stream(String base, String query) {
            return base + "/v1/projects/" + id + "/changes/stream" + query;
        }

        String post(String title, boolean draft) {
            Api.Response r = admin.post("/v1/projects/" + id + "/collections/notes/entries",
                    Map.of("draft", draft, "fields", Map.of("title", title)));
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            return r.json().get("id").asText();
        }
    }

    private Project project() {
        String id = "st-" + Long.toHexString(System.nanoTime());
        server.admin().post("/v1/projects", Map.of("id", id));
        Api.Response t = server.admin().post("/v1/projects/" + id + "/tokens", Map.of("name", "admin", "scope", "admin"));
        String token = t.json().get("token").asText();
        Api admin = server.admin().as(token);
        assertThat(admin.post("/v1/projects/" + id + "/collections",
                Map.of("id", "notes", "fields", List.of(Map.of("id", "title", "type", "text")))).status()).isEqualTo(201);
        return new Project(id, admin, token);
    }

    private String token(Project p, String scope) {
        return server.admin().post("/v1/projects/" + p.id() + "/tokens", Map.of("name", scope, "scope", scope)).json().get("token").asText();
    }

    @Test
    void resumingWithLastEventIdLosesAndRepeatsNothing() {
        Project p = project();
        List<SseReader.Event> firstPart;
        try (SseReader stream = SseReader.open(p.stream(server.base(), ""), p.adminToken(), null)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.contentType()).startsWith("text/event-stream");
            for (int i = 0; i < 6; i++) p.post("note " + i, false);
            firstPart = stream.next(3, WAIT);
        }
        for (int i = 6; i < 10; i++) p.post("note " + i, false);
        long lastSeen = firstPart.getLast().seq();
        try (SseReader resumed = SseReader.open(p.stream(server.base(), "?since=0"), p.adminToken(), Long.toString(lastSeen))) {
            List<SseReader.Event> rest = resumed.next(7, WAIT);
            assertThat(rest).extracting(SseReader.Event::seq)
                    .containsExactlyElementsOf(LongStream.rangeClosed(lastSeen + 1, lastSeen + 7).boxed().toList());
            Receiver.pause(Duration.ofMillis(500));
            assertThat(resumed.drain()).isEmpty();
        }
        List<Long> all = firstPart.stream().map(SseReader.Event::seq).toList();
        assertThat(all).containsExactlyElementsOf(LongStream.rangeClosed(all.getFirst(), all.getFirst() + 2).boxed().toList());
    }

    @Test
    void eventsCarryTheSeqTheKindAndTheChangeAsTheLogShowsIt() throws Exception {
        Project p = project();
        try (SseReader stream = SseReader.open(p.stream(server.base(), "?since=0"), p.adminToken(), null)) {
            SseReader.Event created = stream.next(WAIT);
            assertThat(created.event()).isEqualTo("collection.created");
            String entry = p.post("streamed", false);
            SseReader.Event e = stream.next(WAIT);
            assertThat(e.event()).isEqualTo("entry.created");
            JsonNode logged = p.admin().get("/v1/projects/" + p.id() + "/changes?since=" + (e.seq() - 1) + "&limit=1").json().at("/data/0");
            assertThat(Api.JSON.readTree(e.data())).isEqualTo(logged);
            assertThat(logged.get("entry_id").asText()).isEqualTo(entry);
        }
    }

    @Test
    void readTokensSeeNoDrafts() {
        Project p = project();
        try (SseReader reader = SseReader.open(p.stream(server.base(), ""), token(p, "read"), null);
             SseReader writer = SseReader.open(p.stream(server.base(), ""), token(p, "write"), null)) {
            p.post("secret draft", true);
            String published = p.post("public", false);
            assertThat(writer.next(2, WAIT)).extracting(SseReader.Event::event).containsExactly("entry.created", "entry.created");
            SseReader.Event seen = reader.next(WAIT);
            assertThat(seen.data()).contains(published).doesNotContain("secret draft");
            Receiver.pause(Duration.ofMillis(400));
            assertThat(reader.drain()).isEmpty();
        }
    }

    @Test
    void heartbeatCommentsKeepAnIdleStreamAlive() {
        Project p = project();
        try (SseReader stream = SseReader.open(p.stream(server.base(), ""), p.adminToken(), null)) {
            assertThat(stream.comment(WAIT)).isEqualTo("keep-alive");
            assertThat(stream.comment(WAIT)).isEqualTo("keep-alive");
            p.post("after a quiet while", false);
            assertThat(stream.next(WAIT).event()).isEqualTo("entry.created");
        }
    }

    @Test
    void theStreamNeedsATokenOfTheProjectAndAnEventStreamAccept() {
        Project p = project();
        try (SseReader anonymous = SseReader.open(p.stream(server.base(), ""), null, null)) {
            assertThat(anonymous.status()).isEqualTo(401);
        }
        Project other = project();
        try (SseReader foreign = SseReader.open(p.stream(server.base(), ""), other.adminToken(), null)) {
            assertThat(foreign.status()).isEqualTo(404);
        }
        Api.Response plain = p.admin().get("/v1/projects/" + p.id() + "/changes/stream");
        assertThat(plain.status()).isEqualTo(400);
        assertThat(plain.json().get("code").asText()).isEqualTo("event_stream_expected");
        try (SseReader bad = SseReader.open(p.stream(server.base(), "?since=minus-one"), p.adminToken(), null)) {
            assertThat(bad.status()).isEqualTo(400);
        }
    }
}
