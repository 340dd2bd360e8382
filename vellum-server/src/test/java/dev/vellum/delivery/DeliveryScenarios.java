package dev.vellum.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vellum.testing.Api;
import dev.vellum.testing.Backend;
import dev.vellum.testing.SseReader;
import dev.vellum.testing.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** CORS, validators and cache headers, preview tokens, stream tickets and /metrics, over HTTP on a real server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DeliveryScenarios {
    private Backend backend;
    private TestServer server;
    private String p;
    private String base;
    private Api admin;
    private Api writer;
    private Api reader;
    private String draftId;
    private String publishedId;
    private String pageId;

    protected abstract Backend newBackend();

    @BeforeAll
    void start() {
        backend = newBackend();
        server = new TestServer(backend, Map.of("VELLUM_METRICS_TOKEN", "metrics-secret-123"));
        p = "delivery-" + Long.toHexString(System.nanoTime());
        admin = server.project(p, "admin");
        writer = as(issue(p, "write"));
        reader = as(issue(p, "read"));
        base = "/v1/projects/" + p;
        assertThat(admin.post(base + "/collections", Map.of("id", "posts", "fields", List.of(Map.of("id", "title", "type", "text")))).status())
                .isEqualTo(201);
        assertThat(admin.post(base + "/collections", Map.of("id", "pages", "fields", List.of(Map.of("id", "title", "type", "text")))).status())
                .isEqualTo(201);
        publishedId = writer.post(base + "/collections/posts/entries", Map.of("fields", Map.of("title", "Live"))).json().get("id").asText();
        draftId = writer.post(base + "/collections/posts/entries", Map.of("draft", true, "fields", Map.of("title", "Secret draft")))
                .json().get("id").asText();
        pageId = writer.post(base + "/collections/pages/entries", Map.of("draft", true, "fields", Map.of("title", "Draft page")))
                .json().get("id").asText();
    }

    @AfterAll
    void stop() {
        if (server != null) server.close();
        if (backend != null) backend.close();
    }

    private String issue(String project, String scope) {
        var t = server.admin().post("/v1/projects/" + project + "/tokens", Map.of("name", scope, "scope", scope));
        assertThat(t.status()).isEqualTo(201);
        return t.json().get("token").asText();
    }

    private Api as(String token) {
        return server.admin().as(token);
    }

    // --- CORS -------------------------------------------------------------------------------------

    @Test
    void corsPreflightIsAnsweredWithoutATokenForAllowedOriginsOnly() {
        String q = "cors-" + Long.toHexString(System.nanoTime());
        Api a = server.project(q, "admin");
        var patched = a.patch("/v1/projects/" + q, Map.of("cors_origins", List.of("https://site.example.com", "https://*.preview.example.com")));
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().get("cors_origins")).hasSize(2);
        assertThat(patched.json().get("cors_allow_credentials").asBoolean()).isFalse();
        String entries = "/v1/projects/" + q + "/collections/posts/entries";
        Api anonymous = server.anonymous();

        var ok = anonymous.with("Origin", "https://site.example.com").with("Access-Control-Request-Method", "GET")
                .with("Access-Control-Request-Headers", "authorization, if-none-match, x-evil").send("OPTIONS", entries, null, null);
        assertThat(ok.status()).isEqualTo(204);
        assertThat(ok.header("Access-Control-Allow-Origin")).isEqualTo("https://site.example.com");
        assertThat(ok.header("Access-Control-Allow-Methods")).contains("GET", "PATCH");
        assertThat(ok.header("Access-Control-Allow-Headers")).contains("authorization", "if-none-match").doesNotContain("x-evil");
        assertThat(ok.header("Access-Control-Allow-Credentials")).isNull();
        assertThat(ok.header("Vary")).contains("Origin");

        var sub = anonymous.with("Origin", "https://a.b.preview.example.com").with("Access-Control-Request-Method", "GET")
                .send("OPTIONS", entries, null, null);
        assertThat(sub.status()).isEqualTo(204);
        assertThat(sub.header("Access-Control-Allow-Origin")).isEqualTo("https://a.b.preview.example.com");
        for (String refused : List.of("https://preview.example.com", "http://site.example.com", "https://site.example.com.evil.net",
                "https://evil.com")) {
            var r = anonymous.with("Origin", refused).with("Access-Control-Request-Method", "GET").send("OPTIONS", entries, null, null);
            assertThat(r.status()).as(refused).isEqualTo(403);
            assertThat(r.header("Access-Control-Allow-Origin")).as(refused).isNull();
        }
    }

    @Test
    void corsHeadersAreOnRealResponsesErrorsIncludedAndCredentialsOnlyWhenAsked() {
        String q = "cors2-" + Long.toHexString(System.nanoTime());
        Api a = server.project(q, "admin");
        assertThat(a.patch("/v1/projects/" + q, Map.of("cors_origins", List.of("http://localhost:3000"))).status()).isEqualTo(200);
        String origin = "http://localhost:3000";
        var listed = a.with("Origin", origin).get("/v1/projects/" + q + "/collections");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.header("Access-Control-Allow-Origin")).isEqualTo(origin);
        assertThat(listed.header("Access-Control-Expose-Headers")).contains("ETag");
        var unauthenticated = server.anonymous().with("Origin", origin).get("/v1/projects/" + q + "/collections");
        assertThat(unauthenticated.status()).isEqualTo(401);
        assertThat(unauthenticated.header("Access-Control-Allow-Origin")).isEqualTo(origin); // the page can read the problem
        assertThat(a.with("Origin", "http://localhost:3001").get("/v1/projects/" + q + "/collections").header("Access-Control-Allow-Origin"))
                .isNull();

        assertThat(a.patch("/v1/projects/" + q, Map.of("cors_allow_credentials", true)).json().get("cors_origins").get(0).asText())
                .isEqualTo(origin);
        assertThat(a.with("Origin", origin).get("/v1/projects/" + q).header("Access-Control-Allow-Credentials")).isEqualTo("true");
        assertThat(a.get("/v1/projects/" + q).json().get("cors_allow_credentials").asBoolean()).isTrue();
    }

    @Test
    void corsSettingsAreValidatedAndNeedAdmin() {
        var bad = admin.patch(base, Map.of("cors_origins", List.of("https://ok.example.com", "javascript:alert(1)", "not an origin")));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("code").asText()).isEqualTo("invalid_project");
        assertThat(bad.json().at("/errors/0/field").asText()).isEqualTo("cors_origins[1]");
        assertThat(bad.json().at("/errors/1/field").asText()).isEqualTo("cors_origins[2]");
        var star = admin.patch(base, Map.of("cors_origins", List.of("*"), "cors_allow_credentials", true));
        assertThat(star.status()).isEqualTo(422);
        assertThat(star.json().at("/errors/0/code").asText()).isEqualTo("wildcard_with_credentials");
        assertThat(admin.patch(base, Map.of("name", "x")).json().at("/errors/0/field").asText()).isEqualTo("name");
        assertThat(admin.patch(base, Map.of("read_cache_control", "public\nmax-age=1")).status()).isEqualTo(422);
        assertThat(writer.patch(base, Map.of("cors_origins", List.of("*"))).status()).isEqualTo(403);
        assertThat(admin.get(base).json().get("cors_origins")).isEmpty(); // nothing was written by the refused patches
    }

    // --- validators and cache headers -------------------------------------------------------------

    @Test
    void listsHaveAnETagThatAnswers304UntilTheProjectChanges() {
        String q = "etag-" + Long.toHexString(System.nanoTime());
        Api a = server.project(q, "admin");
        String col = "/v1/projects/" + q + "/collections";
        a.post(col, Map.of("id", "notes", "fields", List.of(Map.of("id", "title", "type", "text"))));
        a.post(col + "/notes/entries", Map.of("fields", Map.of("title", "one")));
        String list = col + "/notes/entries?limit=10&sort=-created_at";
        var first = a.get(list);
        assertThat(first.status()).isEqualTo(200);
        String etag = first.header("ETag");
        assertThat(etag).startsWith("W/\"");
        assertThat(first.header("Vary")).contains("Authorization");
        assertThat(first.header("Cache-Control")).isEqualTo("private, no-cache"); // an admin token sees drafts
        var again = a.with("If-None-Match", etag).get(list);
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.raw().body()).isEmpty();
        assertThat(again.header("ETag")).isEqualTo(etag);
        assertThat(a.with("If-None-Match", etag).get(col + "/notes/entries?limit=11").status()).isEqualTo(200); // another query

        a.post(col + "/notes/entries", Map.of("fields", Map.of("title", "two")));
        var changed = a.with("If-None-Match", etag).get(list);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.header("ETag")).isNotEqualTo(etag);
        assertThat(changed.json().get("data")).hasSize(2);
    }

    @Test
    void readTokensGetTheProjectsCacheControlAndTheirOwnETag() {
        String list = base + "/collections/posts/entries";
        var byReader = reader.get(list);
        var byWriter = writer.get(list);
        assertThat(byReader.json().get("data")).hasSize(1);
        assertThat(byWriter.json().get("data")).hasSize(2);
        assertThat(byReader.header("ETag")).isNotEqualTo(byWriter.header("ETag")); // drafts make another answer
        assertThat(reader.with("If-None-Match", byWriter.header("ETag")).get(list).status()).isEqualTo(200);
        assertThat(byReader.header("Cache-Control")).isEqualTo("no-cache");
        String q = "cc-" + Long.toHexString(System.nanoTime());
        Api a = server.project(q, "admin");
        a.post("/v1/projects/" + q + "/collections", Map.of("id", "x", "fields", List.of(Map.of("id", "t", "type", "text"))));
        assertThat(a.patch("/v1/projects/" + q, Map.of("read_cache_control", "public, max-age=60, s-maxage=300")).status()).isEqualTo(200);
        Api r = as(issue(q, "read"));
        assertThat(r.get("/v1/projects/" + q + "/collections/x/entries").header("Cache-Control")).isEqualTo("public, max-age=60, s-maxage=300");
        assertThat(a.get("/v1/projects/" + q + "/collections/x/entries").header("Cache-Control")).isEqualTo("private, no-cache");
    }

    @Test
    void oneEntryAnswers304ForItsVersion() {
        var e = reader.get(base + "/collections/posts/entries/" + publishedId);
        assertThat(e.status()).isEqualTo(200);
        assertThat(reader.with("If-None-Match", e.header("ETag")).get(base + "/collections/posts/entries/" + publishedId).status()).isEqualTo(304);
        assertThat(reader.with("If-None-Match", "\"999\"").get(base + "/collections/posts/entries/" + publishedId).status()).isEqualTo(200);
    }

    // --- preview tokens ---------------------------------------------------------------------------

    @Test
    void previewTokensReadDraftsWithinTheirScopeAndNothingElse() {
        assertThat(reader.post(base + "/preview-tokens", Map.of()).status()).isEqualTo(403); // read tokens cannot mint
        var minted = writer.post(base + "/preview-tokens", Map.of("collection", "posts", "ttl_seconds", 600));
        assertThat(minted.status()).isEqualTo(201);
        assertThat(minted.json().get("token").asText()).startsWith("vlp_");
        assertThat(minted.json().get("expires_at").asText()).isNotEmpty();
        Api preview = as(minted.json().get("token").asText());
        assertThat(preview.get(base + "/collections/posts/entries/" + draftId).json().at("/fields/title").asText()).isEqualTo("Secret draft");
        assertThat(preview.get(base + "/collections/posts/entries").json().get("data")).hasSize(2);
        assertThat(reader.get(base + "/collections/posts/entries/" + draftId).status()).isEqualTo(404);

        assertThat(preview.get(base + "/collections/pages/entries/" + pageId).status()).isEqualTo(403); // another collection
        assertThat(preview.get(base + "/collections/pages/entries/" + pageId).json().get("code").asText()).isEqualTo("preview_scope");
        assertThat(preview.get(base + "/collections").status()).isEqualTo(403);
        assertThat(preview.get(base + "/changes").status()).isEqualTo(403);
        assertThat(preview.post(base + "/collections/posts/entries", Map.of("fields", Map.of("title", "x"))).status()).isEqualTo(403);
        assertThat(preview.patch(base + "/collections/posts/entries/" + draftId, Map.of("fields", Map.of("title", "x"))).status()).isEqualTo(403);
        assertThat(preview.post(base + "/preview-tokens", Map.of()).status()).isEqualTo(403);
        assertThat(preview.post(base + "/stream-tickets", Map.of()).status()).isEqualTo(403);
        assertThat(writer.get(base + "/collections/posts/entries/" + draftId).json().at("/fields/title").asText()).isEqualTo("Secret draft");

        String other = "other-" + Long.toHexString(System.nanoTime());
        server.project(other, "admin");
        assertThat(preview.get("/v1/projects/" + other + "/collections/posts/entries").status()).isEqualTo(404);
    }

    @Test
    void anEntryPreviewReadsThatEntryOnly() {
        var minted = writer.post(base + "/preview-tokens", Map.of("collection", "posts", "entry", draftId));
        Api preview = as(minted.json().get("token").asText());
        assertThat(preview.get(base + "/collections/posts/entries/" + draftId).status()).isEqualTo(200);
        assertThat(preview.get(base + "/collections/posts/entries/" + publishedId).status()).isEqualTo(403);
        assertThat(preview.get(base + "/collections/posts/entries").status()).isEqualTo(403);
        var noCollection = writer.post(base + "/preview-tokens", Map.of("entry", draftId));
        assertThat(noCollection.status()).isEqualTo(422);
        assertThat(noCollection.json().at("/errors/0/field").asText()).isEqualTo("entry");
        assertThat(writer.post(base + "/preview-tokens", Map.of("collection", "nope")).status()).isEqualTo(404);
        assertThat(writer.post(base + "/preview-tokens", Map.of("ttl_seconds", 0)).json().at("/errors/0/field").asText()).isEqualTo("ttl_seconds");
    }

    @Test
    void aPreviewTokenExpiresAndDiesWithTheTokenThatMintedIt() throws Exception {
        var issued = server.admin().post(base + "/tokens", Map.of("name", "minter", "scope", "write"));
        Api minter = as(issued.json().get("token").asText());
        Api shortLived = as(minter.post(base + "/preview-tokens", Map.of("ttl_seconds", 1)).json().get("token").asText());
        Api longLived = as(minter.post(base + "/preview-tokens", Map.of()).json().get("token").asText());
        assertThat(shortLived.get(base + "/collections/posts/entries").status()).isEqualTo(200);
        assertThat(longLived.get(base + "/collections/pages/entries/" + pageId).status()).isEqualTo(200); // project-wide preview
        Thread.sleep(1100);
        assertThat(shortLived.get(base + "/collections/posts/entries").status()).isEqualTo(401);
        assertThat(longLived.get(base + "/collections/posts/entries").status()).isEqualTo(200);
        assertThat(server.admin().delete(base + "/tokens/" + issued.json().get("id").asText()).status()).isEqualTo(204);
        assertThat(longLived.get(base + "/collections/posts/entries").status()).isEqualTo(401);
    }

    // --- stream tickets ---------------------------------------------------------------------------

    @Test
    void aStreamTicketOpensTheChangeStreamWithoutAnAuthorizationHeader() {
        var minted = reader.post(base + "/stream-tickets", Map.of());
        assertThat(minted.status()).isEqualTo(201);
        String ticket = minted.json().get("ticket").asText();
        assertThat(ticket).startsWith("vls_");
        assertThat(minted.json().get("url").asText()).isEqualTo(base + "/changes/stream?ticket=" + ticket);
        try (SseReader stream = SseReader.open(server.base() + minted.json().get("url").asText(), null, null)) {
            assertThat(stream.status()).isEqualTo(200);
            writer.post(base + "/collections/posts/entries", Map.of("fields", Map.of("title", "Streamed")));
            writer.post(base + "/collections/posts/entries", Map.of("draft", true, "fields", Map.of("title", "Hidden")));
            writer.post(base + "/collections/posts/entries", Map.of("fields", Map.of("title", "Second")));
            var events = stream.next(2, Duration.ofSeconds(10));
            assertThat(events).extracting(SseReader.Event::data).allMatch(d -> !d.contains("Hidden")); // a read ticket sees no drafts
            assertThat(events.get(0).data()).contains("Streamed");
            assertThat(events.get(1).data()).contains("Second");
        }
        try (SseReader wrong = SseReader.open(server.base() + "/v1/projects/elsewhere/changes/stream?ticket=" + ticket, null, null)) {
            assertThat(wrong.status()).isEqualTo(401);
        }
        assertThat(server.anonymous().get(base + "/collections/posts/entries?ticket=" + ticket).status()).isEqualTo(401); // stream only
        try (SseReader forged = SseReader.open(server.base() + base + "/changes/stream?ticket=vls_forged", null, null)) {
            assertThat(forged.status()).isEqualTo(401);
        }
    }

    // --- /metrics ---------------------------------------------------------------------------------

    @Test
    void metricsNeedTheInstanceAdminOrTheMetricsToken() {
        assertThat(server.anonymous().get("/metrics").status()).isEqualTo(401);
        assertThat(reader.get("/metrics").status()).isEqualTo(403);
        assertThat(admin.get("/metrics").status()).isEqualTo(403); // a project admin is not the instance admin
        assertThat(server.anonymous().as("wrong").get("/metrics").status()).isEqualTo(401);
        var byMetricsToken = server.anonymous().as("metrics-secret-123").get("/metrics");
        assertThat(byMetricsToken.status()).isEqualTo(200);
        assertThat(byMetricsToken.raw().body()).contains("jvm_memory_used_bytes");
        assertThat(server.admin().get("/metrics").status()).isEqualTo(200);
    }

    @Test
    void metricsOnTheirOwnPortAreOpenThereAndGoneFromTheApiPort() throws Exception {
        try (TestServer separate = new TestServer(backend, Map.of("VELLUM_METRICS_PORT", "0"))) {
            int port = separate.vellum().metricsPort();
            assertThat(port).isPositive().isNotEqualTo(separate.vellum().port());
            var r = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("jvm_memory_used_bytes");
            assertThat(separate.admin().get("/metrics").status()).isEqualTo(404);
        }
    }
}
