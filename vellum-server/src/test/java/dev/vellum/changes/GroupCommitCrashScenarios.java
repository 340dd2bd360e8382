package dev.vellum.changes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vellum.testing.Api;
import dev.vellum.testing.Backend;
import dev.vellum.testing.ServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * kill -9 under 64 concurrent writers, single creates and batches (SQLite: group commits of many requests at
 * once; a batch's rows written in bulk): after a restart every acknowledged write is there, and the change log
 * is gap-free and holds exactly the stored entries, so no half of a group survived without the rest.
 */
abstract class GroupCommitCrashScenarios {
    private static final String ENTRIES = "/v1/projects/crash/collections/events/entries";

    protected abstract Backend newBackend();

    @Test
    void acknowledgedWritesOfConcurrentGroupsSurviveKillDashNine() throws Exception {
        try (Backend backend = newBackend()) {
            Path log = Files.createTempFile("vellum-group-crash", ".log");
            ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
            ServerProcess first = ServerProcess.start(backend, log);
            try {
                Api admin = first.admin();
                admin.post("/v1/projects", Map.of("id", "crash"));
                admin.post("/v1/projects/crash/collections", Map.of("id", "events", "fields",
                        List.of(Map.of("id", "n", "type", "number", "integer", true))));
                ExecutorService writers = Executors.newFixedThreadPool(64);
                AtomicInteger counter = new AtomicInteger();
                for (int w = 0; w < 64; w++) {
                    writers.submit(() -> {
                        while (true) {
                            int n = counter.incrementAndGet();
                            try {
                                if (n % 5 == 0) {
                                    // a batch (the bulk path) with one invalid item: its other 20 are acknowledged together
                                    List<Map<String, Object>> items = new ArrayList<>();
                                    for (int i = 0; i < 20; i++) items.add(Map.of("fields", Map.of("n", n * 100 + i)));
                                    items.add(10, Map.of("slug", "taken", "fields", Map.of("n", n)));
                                    Api.Response r = admin.post(ENTRIES + "/batch", Map.of("entries", items));
                                    if (r.status() == 200) {
                                        r.json().get("results").forEach(item -> {
                                            if (item.get("status").asText().equals("created")) acknowledged.add(item.get("id").asText());
                                        });
                                    }
                                    continue;
                                }
                                // every 7th request is invalid (a slug already taken): it fails alone
                                Map<String, Object> body = n % 7 == 0 ? Map.of("slug", "taken", "fields", Map.of("n", n))
                                        : Map.of("fields", Map.of("n", n));
                                Api.Response r = admin.post(ENTRIES, body);
                                if (r.status() == 201) acknowledged.add(r.json().get("id").asText());
                            } catch (RuntimeException connectionLost) {
                                return;
                            }
                        }
                    });
                }
                while (acknowledged.size() < 400) Thread.sleep(5);
                first.kill(); // mid-stream: 64 writers are still sending
                writers.shutdown();
                assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            } finally {
                first.kill();
            }

            try (ServerProcess second = ServerProcess.start(backend, log)) {
                Api admin = second.admin();
                Set<String> stored = new HashSet<>();
                String cursor = null;
                do {
                    JsonNode page = admin.get(ENTRIES + "?limit=500" + (cursor == null ? "" : "&cursor=" + cursor)).json();
                    stored.addAll(page.get("data").findValuesAsText("id"));
                    cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asText();
                } while (cursor != null);
                assertThat(stored).as("every acknowledged write is present").containsAll(new ArrayList<>(acknowledged));

                List<Long> seqs = new ArrayList<>();
                Set<String> logged = new HashSet<>();
                long since = 0;
                while (true) {
                    JsonNode page = admin.get("/v1/projects/crash/changes?limit=1000&since=" + since).json();
                    if (page.get("data").isEmpty()) break;
                    page.get("data").forEach(c -> {
                        seqs.add(c.get("seq").asLong());
                        if (c.get("kind").asText().equals("entry.created")) logged.add(c.get("entry_id").asText());
                    });
                    since = page.get("next_since").asLong();
                }
                for (int i = 0; i < seqs.size(); i++) assertThat(seqs.get(i)).as("the change log is gap-free").isEqualTo(i + 1L);
                assertThat(logged).as("the change log has exactly the stored entries").isEqualTo(stored);
                assertThat(admin.post(ENTRIES, Map.of("fields", Map.of("n", 0))).status()).as("the store takes writes again").isEqualTo(201);
            }
        }
    }
}
