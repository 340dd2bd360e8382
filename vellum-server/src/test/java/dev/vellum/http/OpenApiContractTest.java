package dev.vellum.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vellum.testing.Api;
import dev.vellum.testing.Backend;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document describes exactly the routes the server serves, and the server's real
 * responses (successes and errors) match the schemas it documents.
 */
class OpenApiContractTest extends ServerScenarios {
    @Override protected Backend newBackend() { return Backend.sqlite(); }

    @Override
    protected Map<String, String> settings() {
        return Map.of("VELLUM_OUTBOUND_ALLOWLIST", "127.0.0.1");
    }

    private OpenApiContract contract() {
        Api.Response doc = server.anonymous().get("/v1/openapi.json");
        assertThat(doc.status()).isEqualTo(200);
        assertThat(doc.json().get("openapi").asText()).isEqualTo("3.1.0");
        return new OpenApiContract(doc.json());
    }

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedRouteExists() {
        JsonNode doc = server.anonymous().get("/v1/openapi.json").json();
        Set<String> served = server.vellum().routes().stream()
                .map(r -> r.method() + " " + OpenApiContract.shape(r.path())).collect(Collectors.toCollection(TreeSet::new));
        Set<String> documented = new TreeSet<>();
        doc.get("paths").fields().forEachRemaining(p -> p.getValue().fieldNames().forEachRemaining(m -> {
            if (!m.equals("parameters")) documented.add(m.toUpperCase(java.util.Locale.ROOT) + " " + OpenApiContract.shape(p.getKey()));
        }));
        assertThat(served).as("served routes").isNotEmpty();
        assertThat(documented).as("documented but not served").isSubsetOf(served);
        assertThat(served).as("served but not documented").isSubsetOf(documented);
    }

    @Test
    void realResponsesMatchTheDocumentedSchemas() {
        OpenApiContract contract = contract();
        List<String> violations = new ArrayList<>();
        Tour t = new Tour(contract, violations);
        Api root = server.admin();
        String p = "contract-" + Long.toHexString(System.nanoTime());
        t.check("GET", "/healthz", server.anonymous().get("/healthz"));
        t.check("GET", "/readyz", server.anonymous().get("/readyz"));
        t.check("GET", "/metrics", server.anonymous().get("/metrics")); // 401 since issue 14
        t.check("GET", "/metrics", server.admin().get("/metrics"));
        t.check("POST", "/v1/projects", root.post("/v1/projects", Map.of("id", p)));
        t.check("POST", "/v1/projects", root.post("/v1/projects", Map.of("id", p)));
        t.check("POST", "/v1/projects", root.post("/v1/projects", Map.of("id", "Bad!")));
        t.check("GET", "/v1/projects", root.get("/v1/projects"));
        String base = "/v1/projects/" + p;
        t.check("GET", "/v1/projects/{p}", root.get(base));
        Api.Response issued = root.post(base + "/tokens", Map.of("name", "a", "scope", "admin"));
        t.check("POST", "/v1/projects/{p}/tokens", issued);
        Api admin = root.as(issued.json().get("token").asText());
        String tokenId = issued.json().get("id").asText();
        t.check("GET", "/v1/projects/{p}/tokens", admin.get(base + "/tokens"));
        t.check("GET", "/v1/projects/{p}/tokens/{id}", admin.get(base + "/tokens/" + tokenId));
        Api.Response other = admin.post(base + "/tokens", Map.of("name", "b", "scope", "read"));
        String otherId = other.json().get("id").asText();
        t.check("POST", "/v1/projects/{p}/tokens/{id}/rotate", admin.post(base + "/tokens/" + otherId + "/rotate", Map.of("grace_period_seconds", 60)));
        t.check("DELETE", "/v1/projects/{p}/tokens/{id}", admin.delete(base + "/tokens/" + otherId));
        t.check("GET", "/v1/projects/{p}/tokens/{id}", admin.get(base + "/tokens/nope"));
        t.check("POST", "/v1/projects/{p}/collections", admin.post(base + "/collections", Map.of("id", "cats", "fields",
                List.of(Map.of("id", "name", "type", "text")))));
        t.check("POST", "/v1/projects/{p}/collections", admin.post(base + "/collections", """
                {"id": "posts", "slug_from": "title", "fields": [{"id": "title", "type": "text", "required": true, "max_length": 50},
                 {"id": "views", "type": "number", "integer": true, "min": 0}, {"id": "kind", "type": "enum", "options": ["a", "b"]},
                 {"id": "cat", "type": "reference", "collection": "cats"}, {"id": "pics", "type": "array", "of": {"type": "image"}}]}"""));
        t.check("POST", "/v1/projects/{p}/collections", admin.post(base + "/collections", Map.of("id", "bad", "fields", List.of(Map.of("id", "x")))));
        t.check("GET", "/v1/projects/{p}/collections", admin.get(base + "/collections"));
        t.check("GET", "/v1/projects/{p}/collections/{c}", admin.get(base + "/collections/posts"));
        t.check("PATCH", "/v1/projects/{p}/collections/{c}", admin.patch(base + "/collections/cats", Map.of("name", "Categories")));
        String entries = base + "/collections/posts/entries";
        Api.Response created = admin.post(entries, Map.of("fields", Map.of("title", "Hello", "views", 1, "pics", List.of("https://x.org/a.png"))));
        t.check("POST", "/v1/projects/{p}/collections/{c}/entries", created);
        t.check("POST", "/v1/projects/{p}/collections/{c}/entries", admin.post(entries, Map.of("fields", Map.of("views", -1))));
        t.check("POST", "/v1/projects/{p}/collections/{c}/entries", admin.post(entries, "{not json"));
        t.check("POST", "/v1/projects/{p}/collections/{c}/entries", admin.send("POST", entries, "x", "text/plain"));
        String id = created.json().get("id").asText();
        t.check("GET", "/v1/projects/{p}/collections/{c}/entries/{id}", admin.get(entries + "/" + id));
        t.check("GET", "/v1/projects/{p}/collections/{c}/entries/{id}", admin.get(entries + "/nope"));
        t.check("PATCH", "/v1/projects/{p}/collections/{c}/entries/{id}", admin.with("If-Match", "\"1\"").patch(entries + "/" + id, Map.of("fields", Map.of("views", 2))));
        t.check("PATCH", "/v1/projects/{p}/collections/{c}/entries/{id}", admin.with("If-Match", "\"1\"").patch(entries + "/" + id, Map.of("fields", Map.of("views", 3))));
        t.check("GET", "/v1/projects/{p}/collections/{c}/entries", admin.get(entries + "?limit=1&include_total=true&sort=-views"));
        t.check("GET", "/v1/projects/{p}/collections/{c}/entries", admin.get(entries + "?limit=0"));
        t.check("POST", "/v1/projects/{p}/collections/{c}/entries/batch", admin.post(entries + "/batch", Map.of("entries",
                List.of(Map.of("fields", Map.of("title", "B1")), Map.of("fields", Map.of("views", "x"))))));
        t.check("POST", "/v1/projects/{p}/collections/{c}/entries/batch", admin.post(entries + "/batch", Map.of("atomic", true, "entries",
                List.of(Map.of("fields", Map.of("title", "B2")), Map.of("fields", Map.of("views", "x"))))));
        t.check("GET", "/v1/projects/{p}/changes", admin.get(base + "/changes?since=0&limit=5"));
        t.check("GET", "/v1/projects/{p}/webhooks", admin.get(base + "/webhooks"));
        Api.Response hook = admin.post(base + "/webhooks", Map.of("url", "http://127.0.0.1:9/deploy", "events", List.of("site.published")));
        t.check("POST", "/v1/projects/{p}/webhooks", hook);
        if (hook.status() == 201) {
            String hid = hook.json().get("id").asText();
            t.check("GET", "/v1/projects/{p}/webhooks/{id}", admin.get(base + "/webhooks/" + hid));
            t.check("GET", "/v1/projects/{p}/webhooks/{id}/deliveries", admin.get(base + "/webhooks/" + hid + "/deliveries"));
            t.check("PATCH", "/v1/projects/{p}/webhooks/{id}", admin.patch(base + "/webhooks/" + hid, Map.of("description", "deploy")));
            t.check("DELETE", "/v1/projects/{p}/webhooks/{id}", admin.delete(base + "/webhooks/" + hid));
        }
        t.check("POST", "/v1/projects/{p}/webhooks", admin.post(base + "/webhooks", Map.of("url", "not a url", "events", List.of("nope"))));
        t.check("POST", "/v1/projects/{p}/publish", admin.post(base + "/publish", null));
        t.check("GET", "/v1/projects/{p}/publishes", admin.get(base + "/publishes"));
        Api.Response inbound = admin.post(base + "/inbound-hooks", Map.of("collection", "posts", "upsert_key", "slug",
                "mapping", Map.of("slug", "/id", "title", "/name"), "signature", "vellum", "secret", "s3cret-s3cret-s3cret"));
        t.check("POST", "/v1/projects/{p}/inbound-hooks", inbound);
        t.check("GET", "/v1/projects/{p}/inbound-hooks", admin.get(base + "/inbound-hooks"));
        if (inbound.status() == 201) {
            String iid = inbound.json().get("id").asText();
            t.check("GET", "/v1/projects/{p}/inbound-hooks/{id}", admin.get(base + "/inbound-hooks/" + iid));
            t.check("POST", "/hooks/{id}", server.anonymous().post("/hooks/" + iid, Map.of("name", "unsigned")));
            t.check("GET", "/v1/projects/{p}/inbound-hooks/{id}/log", admin.get(base + "/inbound-hooks/" + iid + "/log"));
        }
        t.check("DELETE", "/v1/projects/{p}/collections/{c}/entries/{id}", admin.delete(entries + "/" + id));
        t.check("DELETE", "/v1/projects/{p}/collections/{c}", admin.delete(base + "/collections/cats"));
        t.check("GET", "/v1/projects/{p}/collections", server.anonymous().get(base + "/collections"));
        t.check("POST", "/v1/projects", admin.post("/v1/projects", Map.of("id", "nope")));
        t.check("DELETE", "/v1/projects/{p}/collections/{c}", admin.delete(base + "/collections/posts"));

        assertThat(violations).isEmpty();
        assertThat(contract.checked).as("every step of the tour was checked").hasSizeGreaterThanOrEqualTo(52);
    }

    private record Tour(OpenApiContract contract, List<String> violations) {
        void check(String method, String route, Api.Response r) {
            violations.addAll(contract.violations(method, route, r));
        }
    }
}
