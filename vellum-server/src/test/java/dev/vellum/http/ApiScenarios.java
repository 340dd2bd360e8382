package dev.vellum.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vellum.testing.Api;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every route and status code of the foundation, as a client meets them. */
abstract class ApiScenarios extends ServerScenarios {
    private static final String POSTS = """
            {"id": "posts", "name": "Blog posts", "slug_from": "title", "fields": [
              {"id": "title", "name": "Title", "type": "text", "required": true, "max_length": 120},
              {"id": "views", "type": "number", "integer": true, "min": 0},
              {"id": "status", "type": "enum", "options": ["draft", "live"]},
              {"id": "isbn", "type": "text", "unique": true},
              {"id": "category", "type": "reference", "collection": "categories"}]}""";

    private Api admin;
    private String project;
    private String posts;

    @BeforeAll
    void createProject() {
        project = "acme-" + Long.toHexString(System.nanoTime());
        admin = server.project(project, "admin");
        assertThat(admin.post("/v1/projects/" + project + "/collections",
                Map.of("id", "categories", "slug_from", "name", "fields", List.of(Map.of("id", "name", "type", "text")))).status()).isEqualTo(201);
        assertThat(admin.post("/v1/projects/" + project + "/collections", POSTS).status()).isEqualTo(201);
        posts = "/v1/projects/" + project + "/collections/posts/entries";
    }

    // --- health -------------------------------------------------------------------------------

    @Test
    void healthAndReadinessAnswerWithoutToken() {
        assertThat(server.anonymous().get("/healthz").status()).isEqualTo(200);
        Api.Response ready = server.anonymous().get("/readyz");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().get("status").asText()).isEqualTo("ready");
    }

    // --- authentication and scopes --------------------------------------------------------------

    @Test
    void missingUnknownAndRevokedTokensAre401() {
        Api.Response none = server.anonymous().get("/v1/projects/" + project + "/collections");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.contentType()).startsWith("application/problem+json");
        assertThat(none.json().get("code").asText()).isEqualTo("missing_token");
        assertThat(none.header("WWW-Authenticate")).isEqualTo("Bearer");

        assertThat(admin.as("vlm_not-a-real-token").get("/v1/projects/" + project + "/collections").status()).isEqualTo(401);

        Api.Response issued = admin.post("/v1/projects/" + project + "/tokens", Map.of("name", "temp", "scope", "read"));
        Api temp = admin.as(issued.json().get("token").asText());
        assertThat(temp.get("/v1/projects/" + project + "/collections").status()).isEqualTo(200);
        assertThat(admin.delete("/v1/projects/" + project + "/tokens/" + issued.json().get("id").asText()).status()).isEqualTo(204);
        assertThat(temp.get("/v1/projects/" + project + "/collections").status()).isEqualTo(401);
    }

    @Test
    void expiredTokensAre401AndExpiryMustBeInTheFuture() throws Exception {
        Api.Response past = admin.post("/v1/projects/" + project + "/tokens",
                Map.of("name", "old", "scope", "read", "expires_at", "2001-01-01T00:00:00Z"));
        assertThat(past.status()).isEqualTo(422);
        assertThat(past.json().at("/errors/0/field").asText()).isEqualTo("expires_at");

        String soon = java.time.Instant.now().plusMillis(1500).toString();
        Api.Response t = admin.post("/v1/projects/" + project + "/tokens", Map.of("name", "short", "scope", "read", "expires_at", soon));
        assertThat(t.status()).isEqualTo(201);
        Api shortLived = admin.as(t.json().get("token").asText());
        assertThat(shortLived.get("/v1/projects/" + project + "/collections").status()).isEqualTo(200);
        Thread.sleep(1700);
        assertThat(shortLived.get("/v1/projects/" + project + "/collections").status()).isEqualTo(401);
    }

    @Test
    void scopesAreEnforcedWith403() {
        Api read = server.token(project, "read");
        Api write = server.token(project, "write");
        Api.Response denied = read.post(posts, Map.of("fields", Map.of("title", "x")));
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.json().get("code").asText()).isEqualTo("insufficient_scope");
        assertThat(write.post(posts, Map.of("fields", Map.of("title", "by writer"))).status()).isEqualTo(201);
        assertThat(write.post("/v1/projects/" + project + "/collections", Map.of("id", "nope")).status()).isEqualTo(403);
        assertThat(write.get("/v1/projects/" + project + "/tokens").status()).isEqualTo(403);
        assertThat(write.post("/v1/projects", Map.of("id", "mine")).status()).isEqualTo(403);
        assertThat(admin.get("/v1/projects").status()).isEqualTo(403);
    }

    @Test
    void anotherProjectsTokenSees404NotTheData() {
        Api other = server.project("other-" + Long.toHexString(System.nanoTime()), "admin");
        Api.Response r = other.get("/v1/projects/" + project + "/collections");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("code").asText()).isEqualTo("project_not_found");
        assertThat(other.get(posts).status()).isEqualTo(404);
        assertThat(other.post(posts, Map.of("fields", Map.of("title", "x"))).status()).isEqualTo(404);
        // the same answer as for a project that does not exist at all
        assertThat(other.get("/v1/projects/no-such-project/collections").json().get("code").asText()).isEqualTo("project_not_found");
    }

    // --- projects and tokens --------------------------------------------------------------------

    @Test
    void instanceAdminCreatesAndListsProjects() {
        String id = "p-" + Long.toHexString(System.nanoTime());
        Api.Response created = server.admin().post("/v1/projects", Map.of("id", id, "name", "P"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/v1/projects/" + id);
        assertThat(server.admin().post("/v1/projects", Map.of("id", id)).status()).isEqualTo(409);
        assertThat(server.admin().post("/v1/projects", Map.of("id", "Bad Id!")).json().at("/errors/0/field").asText()).isEqualTo("id");
        List<String> ids = server.admin().get("/v1/projects").json().get("data").findValuesAsText("id");
        assertThat(ids).contains(id, project);
    }

    @Test
    void tokenSecretsAreShownOnceAndListedWithLastUse() throws Exception {
        Api.Response issued = admin.post("/v1/projects/" + project + "/tokens", Map.of("name", "ci", "scope", "write"));
        assertThat(issued.status()).isEqualTo(201);
        String secret = issued.json().get("token").asText();
        String id = issued.json().get("id").asText();
        assertThat(secret).startsWith("vlm_").hasSizeGreaterThan(40);
        assertThat(admin.as(secret).get(posts).status()).isEqualTo(200);
        assertThat(admin.as(secret).get(posts).status()).isEqualTo(200);
        Api.Response one = admin.get("/v1/projects/" + project + "/tokens/" + id);
        assertThat(one.json().has("token")).isFalse();
        assertThat(one.json().get("last_used_at").isNull()).isFalse();
        JsonNode usage = one.json().get("usage");
        assertThat(usage).as("the token audit: per route, how often").hasSize(1);
        assertThat(usage.get(0).get("method").asText()).isEqualTo("GET");
        assertThat(usage.get(0).get("route").asText()).isEqualTo("/v1/projects/{p}/collections/{c}/entries");
        assertThat(usage.get(0).get("count").asLong()).isEqualTo(2);
        JsonNode listed = admin.get("/v1/projects/" + project + "/tokens").json().get("data");
        assertThat(listed.findValuesAsText("id")).contains(id);
        assertThat(listed.toString()).doesNotContain(secret);
        assertThat(admin.post("/v1/projects/" + project + "/tokens", Map.of("name", "x", "scope", "root")).status()).isEqualTo(422);
        assertThat(admin.get("/v1/projects/" + project + "/tokens/nope").status()).isEqualTo(404);
    }

    @Test
    void rotationKeepsTheOldSecretForTheGracePeriodOnly() throws Exception {
        Api.Response issued = admin.post("/v1/projects/" + project + "/tokens", Map.of("name", "rot", "scope", "read"));
        String id = issued.json().get("id").asText();
        Api old = admin.as(issued.json().get("token").asText());
        Api.Response rotated = admin.post("/v1/projects/" + project + "/tokens/" + id + "/rotate", Map.of("grace_period_seconds", 2));
        assertThat(rotated.status()).isEqualTo(200);
        Api fresh = admin.as(rotated.json().get("token").asText());
        assertThat(fresh.get(posts).status()).isEqualTo(200);
        assertThat(old.get(posts).status()).isEqualTo(200);
        Thread.sleep(2300);
        assertThat(old.get(posts).status()).isEqualTo(401);
        assertThat(fresh.get(posts).status()).isEqualTo(200);

        Api.Response again = admin.post("/v1/projects/" + project + "/tokens/" + id + "/rotate", null);
        assertThat(again.status()).isEqualTo(200);
        assertThat(fresh.get(posts).status()).as("no grace period: the previous secret stops at once").isEqualTo(401);
    }

    // --- collections ------------------------------------------------------------------------------

    @Test
    void collectionsAreCreatedReadListedAndDeleted() {
        String base = "/v1/projects/" + project + "/collections";
        Api.Response created = admin.post(base, Map.of("id", "tags", "fields", List.of(Map.of("id", "label", "type", "text"))));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo(base + "/tags");
        assertThat(created.json().at("/fields/0/type").asText()).isEqualTo("text");
        assertThat(admin.post(base, Map.of("id", "tags")).status()).isEqualTo(409);
        assertThat(admin.get(base + "/tags").json().get("id").asText()).isEqualTo("tags");
        assertThat(admin.get(base).json().get("data").findValuesAsText("id")).contains("posts", "categories", "tags");
        assertThat(admin.delete(base + "/tags").status()).isEqualTo(204);
        assertThat(admin.get(base + "/tags").status()).isEqualTo(404);
        assertThat(admin.get(base + "/tags").json().get("code").asText()).isEqualTo("collection_not_found");
    }

    @Test
    void invalidSchemasReportEveryProblemWithItsField() {
        Api.Response r = admin.post("/v1/projects/" + project + "/collections", """
                {"id": "Bad Id", "slug_from": "missing", "fields": [
                  {"id": "1x", "type": "text"},
                  {"id": "slug", "type": "text"},
                  {"id": "a", "type": "wat"},
                  {"id": "b", "type": "enum"},
                  {"id": "c", "type": "number", "min": 5, "max": 1},
                  {"id": "d", "type": "reference", "collection": "ghosts"},
                  {"id": "e", "type": "array", "of": {"type": "array", "of": {"type": "text"}}},
                  {"id": "f", "type": "text", "pattern": "(["},
                  {"id": "g", "type": "image", "unique": true},
                  {"id": "g", "type": "text"}]}""");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("code").asText()).isEqualTo("invalid_schema");
        assertThat(r.json().get("errors").findValuesAsText("field")).contains("id", "slug_from", "fields[0].id", "fields[1].id",
                "fields[2].type", "fields[3].options", "fields[4].min", "fields[6].of.type", "fields[7].pattern", "fields[8].unique",
                "fields[9].id");
        Api.Response unknownTarget = admin.post("/v1/projects/" + project + "/collections",
                Map.of("id", "refs", "fields", List.of(Map.of("id", "d", "type", "reference", "collection", "ghosts"))));
        assertThat(unknownTarget.status()).isEqualTo(422);
        assertThat(unknownTarget.json().at("/errors/0/code").asText()).isEqualTo("unknown_collection");
    }

    @Test
    void aReferencedCollectionCannotBeDeleted() {
        Api.Response r = admin.delete("/v1/projects/" + project + "/collections/categories");
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().get("code").asText()).isEqualTo("collection_referenced");
        assertThat(r.json().at("/errors/0/field").asText()).isEqualTo("posts.category");
    }

    // --- entries ----------------------------------------------------------------------------------

    @Test
    void createGetPatchDeleteWithVersionsAndETags() {
        Api.Response created = admin.post(posts, Map.of("draft", false, "fields", Map.of("title", "Hello, Wörld!", "views", 3)));
        assertThat(created.status()).isEqualTo(201);
        JsonNode e = created.json();
        String id = e.get("id").asText();
        assertThat(id).hasSize(26);
        assertThat(e.get("slug").asText()).isEqualTo("hello-world");
        assertThat(e.get("version").asLong()).isEqualTo(1);
        assertThat(e.get("created_at").asText()).endsWith("Z");
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        assertThat(created.header("Location")).isEqualTo(posts + "/" + id);

        Api.Response got = admin.get(posts + "/" + id);
        assertThat(got.json().at("/fields/title").asText()).isEqualTo("Hello, Wörld!");
        assertThat(got.json().at("/fields/status").isNull()).isTrue();

        Api.Response patched = admin.with("If-Match", "\"1\"").patch(posts + "/" + id, Map.of("fields", Map.of("views", 4)));
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().get("version").asLong()).isEqualTo(2);
        assertThat(patched.json().at("/fields/views").asLong()).isEqualTo(4);
        assertThat(patched.json().at("/fields/title").asText()).as("fields not sent stay as they were").isEqualTo("Hello, Wörld!");
        assertThat(patched.header("ETag")).isEqualTo("\"2\"");

        Api.Response stale = admin.with("If-Match", "\"1\"").patch(posts + "/" + id, Map.of("fields", Map.of("views", 5)));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.json().get("code").asText()).isEqualTo("version_mismatch");
        assertThat(admin.get(posts + "/" + id).json().at("/fields/views").asLong()).as("a stale write changes nothing").isEqualTo(4);

        Api.Response same = admin.patch(posts + "/" + id, Map.of("fields", Map.of("views", 4)));
        assertThat(same.json().get("version").asLong()).as("a change that changes nothing keeps the version").isEqualTo(2);

        assertThat(admin.delete(posts + "/" + id).status()).isEqualTo(204);
        assertThat(admin.get(posts + "/" + id).status()).isEqualTo(404);
        assertThat(admin.delete(posts + "/" + id).status()).isEqualTo(404);
        assertThat(admin.patch(posts + "/" + id, Map.of("fields", Map.of())).status()).isEqualTo(404);
    }

    @Test
    void validationReportsAllFieldsAtOnceAndWritesNothing() {
        long before = admin.get(posts + "?include_total=true&limit=1").json().get("total").asLong();
        Api.Response r = admin.post(posts, Map.of("slug", "Not A Slug", "fields",
                Map.of("views", -1, "status", "gone", "nope", 1, "category", "01J0000000000000000000000")));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("code").asText()).isEqualTo("validation_failed");
        assertThat(r.json().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder(
                "fields.title", "fields.views", "fields.status", "fields.nope", "fields.category", "slug");
        assertThat(r.json().get("errors").findValuesAsText("code")).contains("required", "too_small", "not_an_option",
                "unknown_field", "reference_not_found", "invalid_slug");
        assertThat(admin.get(posts + "?include_total=true&limit=1").json().get("total").asLong()).isEqualTo(before);
    }

    @Test
    void slugsAreGeneratedUniqueAndExplicitClashesAre409() {
        String a = admin.post(posts, Map.of("fields", Map.of("title", "Same Title"))).json().get("slug").asText();
        String b = admin.post(posts, Map.of("fields", Map.of("title", "Same Title"))).json().get("slug").asText();
        assertThat(a).isEqualTo("same-title");
        assertThat(b).isEqualTo("same-title-2");
        Api.Response clash = admin.post(posts, Map.of("slug", "same-title", "fields", Map.of("title", "Other")));
        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.json().get("code").asText()).isEqualTo("slug_taken");
        assertThat(clash.json().at("/errors/0/field").asText()).isEqualTo("slug");
    }

    @Test
    void uniqueFieldsAre409OnADuplicate() {
        assertThat(admin.post(posts, Map.of("fields", Map.of("title", "Book 1", "isbn", "978-1"))).status()).isEqualTo(201);
        Api.Response dup = admin.post(posts, Map.of("fields", Map.of("title", "Book 2", "isbn", "978-1")));
        assertThat(dup.status()).isEqualTo(409);
        assertThat(dup.json().get("code").asText()).isEqualTo("unique_violation");
        assertThat(dup.json().at("/errors/0/field").asText()).isEqualTo("fields.isbn");
    }

    @Test
    void referencesMustPointAtExistingEntries() {
        String cat = admin.post("/v1/projects/" + project + "/collections/categories/entries", Map.of("fields", Map.of("name", "News")))
                .json().get("id").asText();
        Api.Response ok = admin.post(posts, Map.of("fields", Map.of("title", "With category", "category", cat)));
        assertThat(ok.status()).isEqualTo(201);
        assertThat(ok.json().at("/fields/category").asText()).isEqualTo(cat);
    }

    @Test
    void draftsAreInvisibleToReadTokens() {
        Api read = server.token(project, "read");
        String draft = admin.post(posts, Map.of("draft", true, "fields", Map.of("title", "Secret draft"))).json().get("id").asText();
        String live = admin.post(posts, Map.of("draft", false, "fields", Map.of("title", "Public post"))).json().get("id").asText();
        assertThat(read.get(posts + "/" + draft).status()).isEqualTo(404);
        assertThat(read.get(posts + "/" + live).status()).isEqualTo(200);
        List<String> listed = read.get(posts + "?limit=500").json().get("data").findValuesAsText("id");
        assertThat(listed).contains(live).doesNotContain(draft);
        assertThat(admin.get(posts + "?limit=500").json().get("data").findValuesAsText("id")).contains(draft, live);
        assertThat(read.get("/v1/projects/" + project + "/changes?limit=1000").json().get("data").findValuesAsText("entry_id"))
                .doesNotContain(draft);
    }

    @Test
    void idempotencyKeyReplaysTheSameResultAndRefusesADifferentBody() {
        Api keyed = admin.with("Idempotency-Key", "key-" + System.nanoTime());
        Api.Response first = keyed.post(posts, Map.of("fields", Map.of("title", "Once only")));
        Api.Response second = keyed.post(posts, Map.of("fields", Map.of("title", "Once only")));
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json()).isEqualTo(first.json());
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        Api.Response other = keyed.post(posts, Map.of("fields", Map.of("title", "Something else")));
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.json().get("code").asText()).isEqualTo("idempotency_key_reused");
        long copies = admin.get(posts + "?limit=500").json().get("data").findValuesAsText("slug").stream()
                .filter(s -> s.startsWith("once-only")).count();
        assertThat(copies).isEqualTo(1);
    }

    // --- malformed requests -------------------------------------------------------------------------

    @Test
    void malformedJsonIs400WithThePosition() {
        Api.Response r = admin.post(posts, "{\"fields\": {\"title\": \"x\",}}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("code").asText()).isEqualTo("malformed_json");
        assertThat(r.json().get("detail").asText()).contains("line 1, column");
        assertThat(admin.post(posts, "{\"fields\": {}} trailing").status()).isEqualTo(400);
        assertThat(admin.post(posts, "[1, 2]").status()).isEqualTo(422);
        assertThat(admin.post(posts, "{\"a\": 1, \"a\": 2}").status()).as("duplicate keys are ambiguous").isEqualTo(400);
    }

    @Test
    void wrongContentTypeIs415() {
        Api.Response r = admin.send("POST", posts, "title=x", "application/x-www-form-urlencoded");
        assertThat(r.status()).isEqualTo(415);
        assertThat(r.json().get("code").asText()).isEqualTo("unsupported_media_type");
    }

    @Test
    void oversizedBodiesAre413() {
        String big = "{\"fields\": {\"title\": \"" + "x".repeat(300_000) + "\"}}";
        Api.Response r = admin.post(posts, big);
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.json().get("code").asText()).isEqualTo("payload_too_large");
    }

    @Test
    void unknownRoutesAndMethodsAreProblems() {
        Api.Response r = admin.get("/v1/nothing-here");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.contentType()).startsWith("application/problem+json");
        Api.Response m = admin.send("PUT", posts, "{}", "application/json");
        assertThat(m.status()).isIn(404, 405);
        assertThat(m.contentType()).startsWith("application/problem+json");
    }

    @Test
    void problemsCarryARequestIdAndNoInternals() {
        Api.Response r = admin.post(posts, Map.of("fields", Map.of("title", 1)));
        assertThat(r.json().get("request_id").asText()).isEqualTo(r.header("X-Request-Id"));
        assertThat(r.json().get("type").asText()).startsWith("urn:vellum:problem:");
        assertThat(r.raw().body()).doesNotContain("Exception", "SQL", "at dev.vellum");
    }

    // --- batch ------------------------------------------------------------------------------------

    @Test
    void batchCreatesAndUpsertsWithPerItemResults() {
        String batch = posts + "/batch";
        Api.Response created = admin.post(batch, Map.of("mode", "create", "entries", List.of(
                Map.of("slug", "batch-a", "fields", Map.of("title", "A")),
                Map.of("slug", "batch-b", "fields", Map.of("title", "B")),
                Map.of("fields", Map.of("views", -5)))));
        assertThat(created.status()).isEqualTo(200);
        JsonNode results = created.json().get("results");
        assertThat(results.findValuesAsText("status")).containsExactly("created", "created", "error");
        assertThat(results.get(2).get("errors").findValuesAsText("field")).contains("entries[2].fields.title", "entries[2].fields.views");

        Api.Response upserted = admin.post(batch, Map.of("mode", "upsert", "match", "slug", "entries", List.of(
                Map.of("slug", "batch-a", "fields", Map.of("views", 10)),
                Map.of("slug", "batch-b", "fields", Map.of("title", "B")),
                Map.of("slug", "batch-c", "fields", Map.of("title", "C")))));
        assertThat(upserted.json().get("results").findValuesAsText("status")).containsExactly("updated", "unchanged", "created");
        String aId = upserted.json().at("/results/0/id").asText();
        assertThat(admin.get(posts + "/" + aId).json().at("/fields/views").asLong()).isEqualTo(10);
        assertThat(admin.get(posts + "/" + aId).json().get("version").asLong()).isEqualTo(2);
    }

    @Test
    void atomicBatchWritesNothingWhenOneItemFails() {
        Api.Response r = admin.post(posts + "/batch", Map.of("atomic", true, "entries", List.of(
                Map.of("slug", "atomic-a", "fields", Map.of("title", "A")),
                Map.of("slug", "atomic-b", "fields", Map.of("title", 7)))));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("code").asText()).isEqualTo("batch_failed");
        assertThat(r.json().get("results").findValuesAsText("status")).containsExactly("rolled_back", "error");
        assertThat(admin.get(posts + "?limit=500").json().get("data").findValuesAsText("slug")).doesNotContain("atomic-a");
    }

    @Test
    void batchesAreLimitedToAThousandEntries() {
        var many = java.util.stream.IntStream.range(0, 1001).mapToObj(i -> Map.of("fields", Map.of("title", "t" + i))).toList();
        Api.Response r = admin.post(posts + "/batch", Map.of("entries", many));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().at("/errors/0/code").asText()).isEqualTo("too_many_entries");
    }

    // --- change log ---------------------------------------------------------------------------------

    @Test
    void everyChangeIsLoggedInOrder() {
        String p = "log-" + Long.toHexString(System.nanoTime());
        Api a = server.project(p, "admin");
        a.post("/v1/projects/" + p + "/collections", Map.of("id", "notes", "fields", List.of(Map.of("id", "text", "type", "text"))));
        String base = "/v1/projects/" + p + "/collections/notes/entries";
        String id = a.post(base, Map.of("fields", Map.of("text", "one"))).json().get("id").asText();
        a.patch(base + "/" + id, Map.of("fields", Map.of("text", "two")));
        a.delete(base + "/" + id);
        JsonNode log = a.get("/v1/projects/" + p + "/changes").json().get("data");
        assertThat(log.findValuesAsText("kind")).containsExactly("collection.created", "entry.created", "entry.updated", "entry.deleted");
        assertThat(log.findValues("seq").stream().map(JsonNode::asLong).toList()).containsExactly(1L, 2L, 3L, 4L);
        assertThat(log.get(2).at("/data/fields/text").asText()).isEqualTo("two");
        JsonNode after = a.get("/v1/projects/" + p + "/changes?since=2&limit=1").json();
        assertThat(after.get("data").findValuesAsText("kind")).containsExactly("entry.updated");
        assertThat(after.get("next_since").asLong()).isEqualTo(3);
        assertThat(a.get("/v1/projects/" + p + "/changes?since=-1").status()).isEqualTo(400);
    }

    // --- listing ------------------------------------------------------------------------------------

    @Test
    void listSupportsLimitSortFieldsAndTotal() {
        String p = "list-" + Long.toHexString(System.nanoTime());
        Api a = server.project(p, "admin");
        a.post("/v1/projects/" + p + "/collections", Map.of("id", "items", "fields",
                List.of(Map.of("id", "name", "type", "text"), Map.of("id", "rank", "type", "number"))));
        String base = "/v1/projects/" + p + "/collections/items/entries";
        for (int i = 0; i < 7; i++) a.post(base, Map.of("slug", "item-" + i, "fields", Map.of("name", "n" + i, "rank", i % 3)));
        JsonNode page = a.get(base + "?limit=3&sort=-rank,slug&fields=name&include_total=true").json();
        assertThat(page.get("total").asLong()).isEqualTo(7);
        assertThat(page.get("data").findValuesAsText("slug")).containsExactly("item-2", "item-5", "item-1");
        assertThat(page.at("/data/0/fields").has("rank")).isFalse();
        assertThat(page.at("/data/0/fields/name").asText()).isEqualTo("n2");
        assertThat(page.get("next_cursor").isNull()).isFalse();
        assertThat(a.get(base + "?limit=0").status()).isEqualTo(400);
        assertThat(a.get(base + "?limit=501").status()).isEqualTo(400);
        assertThat(a.get(base + "?sort=nope").json().at("/errors/0/field").asText()).isEqualTo("sort");
        assertThat(a.get(base + "?cursor=garbage").json().get("code").asText()).isEqualTo("invalid_cursor");
        String cursor = page.get("next_cursor").asText();
        assertThat(a.get(base + "?sort=slug&cursor=" + cursor).json().get("code").asText()).isEqualTo("cursor_mismatch");
    }
}
