package dev.vellum.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vellum.importers.LiveWordPress;
import dev.vellum.testing.Api;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The import jobs API against a real WordPress: validation, credentials checked up front, ?wait=true, the item log's pages. */
public abstract class ImportApiScenarios extends ServerScenarios {

    @Override
    protected Map<String, String> settings() {
        return Map.of("VELLUM_OUTBOUND_ALLOWLIST", "127.0.0.1");
    }

    @Test
    void badRequestsAreProblemsNamingTheField() {
        String project = "imp-" + Long.toHexString(System.nanoTime());
        Api admin = server.project(project, "admin");
        String base = "/v1/projects/" + project + "/imports";
        Api.Response r = admin.post(base, Map.of("kind", "rss", "source", Map.of()));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("errors").toString()).contains("\"kind\"").contains("\"source\"");
        r = admin.post(base, Map.of("kind", "wordpress", "source", Map.of("path", "/etc/passwd")));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("errors").get(0).get("code").asText()).isEqualTo("local_only");
        r = admin.post(base, Map.of("kind", "csv", "source", Map.of("asset", "x")));
        assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("options.collection");
        Api read = server.token(project, "read");
        assertThat(read.post(base, Map.of("kind", "wordpress", "source", Map.of("url", "http://127.0.0.1:1"))).status()).isEqualTo(403);
        assertThat(admin.get(base + "/nope").status()).isEqualTo(404);
    }

    @Test
    void aWrongApplicationPasswordIsA422BeforeAnyJob() {
        LiveWordPress wp = LiveWordPress.get();
        String project = "imp-" + Long.toHexString(System.nanoTime());
        Api admin = server.project(project, "admin");
        Api.Response r = admin.post("/v1/projects/" + project + "/imports", Map.of("kind", "wordpress",
                "source", Map.of("url", wp.base(), "user", "admin", "app_password", "abcd efgh ijkl mnop qrst uvwx")));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("code").asText()).isEqualTo("source_auth_failed");
        assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("source.app_password");
        assertThat(admin.get("/v1/projects/" + project + "/imports").json().get("data")).isEmpty();
    }

    @Test
    void aLiveSiteImportRunsAsAJobWithCountsAndAPagedLog() {
        LiveWordPress wp = LiveWordPress.get();
        String project = "imp-" + Long.toHexString(System.nanoTime());
        Api admin = server.project(project, "admin");
        String base = "/v1/projects/" + project + "/imports";
        Api.Response r = admin.post(base + "?wait=true&wait_seconds=120", Map.of("kind", "wordpress",
                "source", Map.of("url", wp.base(), "user", wp.user(), "app_password", wp.appPassword()),
                "options", Map.of("media", false)));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode job = r.json();
        assertThat(job.get("status").asText()).isEqualTo("done");
        assertThat(job.get("source").has("app_password")).isFalse();
        assertThat(job.toString()).doesNotContain(wp.appPassword());
        long created = job.get("counts").get("created").asLong();
        assertThat(created).isGreaterThanOrEqualTo(1 + 3 + 2 + 6 + 4); // authors, categories, tags, posts, pages
        assertThat(job.get("counts").get("failed").asLong()).isZero();
        assertThat(job.get("progress").get("phases").has("content")).isTrue();
        assertThat(job.get("result").get("collections").get("posts").asText()).isEqualTo("posts");

        String id = job.get("id").asText();
        JsonNode page1 = admin.get(base + "/" + id + "?log_limit=5").json().get("log");
        assertThat(page1.get("data")).hasSize(5);
        long after = page1.get("next_after").asLong();
        JsonNode page2 = admin.get(base + "/" + id + "?log_limit=1000&log_after=" + after).json().get("log");
        assertThat(page2.get("data").size() + 5).isEqualTo(created);
        assertThat(page2.get("next_after").isNull()).isTrue();
        assertThat(page2.get("data").get(0).get("seq").asLong()).isGreaterThan(after);
        JsonNode post = java.util.stream.StreamSupport.stream(iterable(page2.get("data")).spliterator(), false).filter(e -> e.get("source_id").asText().startsWith("post:")).findFirst().orElseThrow();
        assertThat(post.get("action").asText()).isEqualTo("created");
        assertThat(admin.get("/v1/projects/" + project + "/collections/posts/entries/" + post.get("entry_id").asText()).status()).isEqualTo(200);
        assertThat(admin.get(base + "/" + id + "?log_action=failed").json().get("log").get("data")).isEmpty();

        assertThat(admin.get(base).json().get("data").get(0).get("id").asText()).isEqualTo(id);
        assertThat(admin.post(base + "/" + id + "/cancel", null).status()).isEqualTo(409);

        JsonNode again = admin.post(base + "?wait=true&wait_seconds=120", Map.of("kind", "wordpress",
                "source", Map.of("url", wp.base(), "user", wp.user(), "app_password", wp.appPassword()),
                "options", Map.of("media", false))).json();
        assertThat(again.get("status").asText()).isEqualTo("done");
        assertThat(again.get("counts").get("created").asLong()).isZero();
        assertThat(again.get("counts").get("updated").asLong()).isZero();
    }

    private static Iterable<JsonNode> iterable(JsonNode array) {
        return array::elements;
    }
}
