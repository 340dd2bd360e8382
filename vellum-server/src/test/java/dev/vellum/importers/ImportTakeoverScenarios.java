package dev.vellum.importers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vellum.testing.Api;
import dev.vellum.testing.Backend;
import dev.vellum.testing.RawHttp;
import dev.vellum.testing.ServerProcess;
import dev.vellum.testing.TestServer;
import dev.vellum.testing.Wait;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An import job on the server whose node dies mid-run (SIGKILL: no release, the lease just stops being
 * renewed) is leased again by another node on the same database and finishes: every post once, exact
 * counts, one log row per source item. On PostgreSQL the second node is a different process that waits
 * for the lease to expire; on SQLite (one node) it is the restarted server, which releases old leases.
 */
abstract class ImportTakeoverScenarios {
    private static final int POSTS = 3000;
    private static final String LEASE_MS = "2000";

    protected abstract Backend newBackend();

    @Test
    void aJobWhoseNodeDiedIsFinishedByAnother(@TempDir Path dir) throws Exception {
        Path wxr = WxrGenerator.write(dir.resolve("site.xml"), "https://takeover.example", POSTS, null);
        try (Backend backend = newBackend()) {
            var config = backend.config(Map.of());
            Map<String, String> env = new HashMap<>();
            env.put("VELLUM_DATA_DIR", config.dataDir().toString());
            config.databaseUrl().ifPresent(u -> env.put("VELLUM_DATABASE_URL", u));
            env.put("VELLUM_BOOTSTRAP_TOKEN", Backend.ADMIN_TOKEN);
            env.put("VELLUM_RATE_LIMIT_PER_MINUTE", Backend.TEST_RATE_LIMIT);
            env.put("VELLUM_JOB_LEASE_MS", LEASE_MS);
            String project = "takeover";
            String jobId;
            long atKill;
            try (ServerProcess first = ServerProcess.start(ServerProcess.freePort(), env, dir.resolve("first.log"))) {
                Api admin = first.admin();
                assertThat(admin.post("/v1/projects", Map.of("id", project)).status()).isEqualTo(201);
                RawHttp raw = new RawHttp(first.base(), Backend.ADMIN_TOKEN);
                RawHttp.Response upload = raw.post("/v1/projects/" + project + "/assets?filename=site.xml", Files.readAllBytes(wxr), "application/xml");
                assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
                Api.Response started = admin.post("/v1/projects/" + project + "/imports", Map.of("kind", "wordpress",
                        "source", Map.of("asset", upload.json().get("id").asText()), "options", Map.of("media", false)));
                assertThat(started.status()).as(started.toString()).isEqualTo(202);
                jobId = started.json().get("id").asText();
                String job = "/v1/projects/" + project + "/imports/" + jobId + "?log_limit=1";
                Wait.until("the first node to have imported some posts", Duration.ofSeconds(120), () -> {
                    JsonNode j = admin.get(job).json();
                    if (!j.path("status").asText().equals("running") && !j.path("status").asText().equals("queued")) {
                        throw new AssertionError("the job ended before its node could be killed: " + j);
                    }
                    return j.path("counts").path("created").asLong() >= 100 ? Boolean.TRUE : null;
                });
                first.kill();
                atKill = countPosts(backend, project);
            }
            assertThat(atKill).as("posts written when the node died").isBetween(1L, (long) POSTS - 1);

            try (TestServer second = new TestServer(backend, Map.of("VELLUM_JOB_LEASE_MS", LEASE_MS))) {
                Api admin = second.admin();
                String job = "/v1/projects/" + project + "/imports/" + jobId;
                JsonNode done = Wait.until("another node to finish the job", Duration.ofSeconds(240), () -> {
                    JsonNode j = admin.get(job + "?log_limit=1").json();
                    String status = j.path("status").asText();
                    if (status.equals("failed") || status.equals("cancelled")) throw new AssertionError("the job ended " + status + ": " + j);
                    return status.equals("done") ? j : null;
                });
                assertThat(done.get("attempts").asInt()).as("leased twice").isGreaterThanOrEqualTo(2);
                assertThat(done.at("/counts/created").asLong()).isEqualTo(3 + POSTS); // author, category, tag, posts
                assertThat(done.at("/counts/failed").asLong()).isZero();
                assertThat(done.at("/counts/unchanged").asLong()).isZero();

                var s = second.vellum().services();
                String table = s.collections().get(project, "posts").table();
                long rows = s.database().read(tx -> tx.count("SELECT COUNT(*) FROM " + table));
                long slugs = s.database().read(tx -> tx.count("SELECT COUNT(DISTINCT slug) FROM " + table));
                long logged = s.database().read(tx -> tx.count("SELECT COUNT(*) FROM changes WHERE project_id = '" + project
                        + "' AND collection_id = 'posts' AND kind = 'entry.created'"));
                assertThat(rows).isEqualTo(POSTS);
                assertThat(slugs).isEqualTo(POSTS);
                assertThat(logged).isEqualTo(POSTS);
                List<ImportLog.Row> log = s.importers().log(jobId, 0, 10_000, null);
                assertThat(log).hasSize(3 + POSTS);
                assertThat(log.stream().map(ImportLog.Row::sourceId).distinct()).hasSize(3 + POSTS);
            }
        }
    }

    /** Posts in the project, read straight from the database (no server running). */
    private static long countPosts(Backend backend, String project) {
        try (var v = dev.vellum.app.Vellum.open(backend.config(Map.of()))) {
            var s = v.services();
            String table = s.collections().get(project, "posts").table();
            return s.database().read(tx -> tx.count("SELECT COUNT(*) FROM " + table));
        }
    }
}
