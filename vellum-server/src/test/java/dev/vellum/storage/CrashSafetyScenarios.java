package dev.vellum.storage;

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
 * Crash safety: kill -9 the server in the middle of a stream of writes, restart it, and find every
 * acknowledged write present, the change log complete, and the store intact and writable.
 */
abstract class CrashSafetyScenarios {

    protected abstract Backend newBackend();

    /** Extra integrity check of the store after the test (SQLite: PRAGMA integrity_check). */
    protected void checkIntegrity(Backend backend) throws Exception {}

    @Test
    void everyAcknowledgedWriteSurvivesKillDashNine() throws Exception {
        try (Backend backend = newBackend()) {
            Path log = Files.createTempFile("vellum-crash", ".log");
            ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
            String entries;
            ServerProcess first = ServerProcess.start(backend, log);
            try {
                Api admin = first.admin();
                admin.post("/v1/projects", Map.of("id", "crash"));
                admin.post("/v1/projects/crash/collections", Map.of("id", "events", "fields",
                        List.of(Map.of("id", "n", "type", "number", "integer", true), Map.of("id", "note", "type", "text"))));
                entries = "/v1/projects/crash/collections/events/entries";
                ExecutorService writers = Executors.newFixedThreadPool(8);
                AtomicInteger counter = new AtomicInteger();
                for (int w = 0; w < 8; w++) {
                    writers.submit(() -> {
                        while (true) {
                            int n = counter.incrementAndGet();
                            try {
                                Api.Response r = n % 10 == 0
                                        ? admin.post(entries + "/batch", Map.of("entries", List.of(
                                                Map.of("fields", Map.of("n", n, "note", "batch a")), Map.of("fields", Map.of("n", -n, "note", "batch b")))))
                                        : admin.post(entries, Map.of("fields", Map.of("n", n, "note", "single")));
                                if (r.status() == 201) acknowledged.add(r.json().get("id").asText());
                                if (r.status() == 200) acknowledged.addAll(r.json().get("results").findValuesAsText("id"));
                            } catch (RuntimeException connectionLost) {
                                return;
                            }
                        }
                    });
                }
                while (acknowledged.size() < 400) Thread.sleep(5);
                first.kill(); // mid-stream: the writers are still sending
                writers.shutdown();
                assertThat(writers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            } finally {
                first.kill();
            }

            try (ServerProcess second = ServerProcess.start(backend, log)) {
                Api admin = second.admin();
                Set<String> stored = new HashSet<>();
                String cursor = null;
                do {
                    JsonNode page = admin.get(entries + "?limit=500" + (cursor == null ? "" : "&cursor=" + cursor)).json();
                    stored.addAll(page.get("data").findValuesAsText("id"));
                    cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asText();
                } while (cursor != null);
                assertThat(stored).as("every acknowledged write is present").containsAll(new ArrayList<>(acknowledged));

                Set<String> logged = new HashSet<>();
                long since = 0;
                while (true) {
                    JsonNode page = admin.get("/v1/projects/crash/changes?limit=1000&since=" + since).json();
                    if (page.get("data").isEmpty()) break;
                    page.get("data").forEach(c -> {
                        if (c.get("kind").asText().equals("entry.created")) logged.add(c.get("entry_id").asText());
                    });
                    since = page.get("next_since").asLong();
                }
                assertThat(logged).as("the change log has exactly the stored entries").isEqualTo(stored);
                assertThat(admin.post(entries, Map.of("fields", Map.of("n", 0))).status()).as("the store takes writes again").isEqualTo(201);
            }
            checkIntegrity(backend);
        }
    }
}
