package dev.vellum.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vellum.testing.Api;
import dev.vellum.testing.Backend;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Real responses of every asset route, successes and errors, match the schemas assets.yaml documents. */
class AssetOpenApiTest extends ServerScenarios {
    @Override protected Backend newBackend() { return Backend.sqlite(); }

    @Test
    void assetResponsesMatchTheDocumentedSchemas() {
        OpenApiContract contract = new OpenApiContract(server.anonymous().get("/v1/openapi.json").json());
        List<String> violations = new ArrayList<>();
        String p = "contract-assets-" + Long.toHexString(System.nanoTime());
        Api admin = server.project(p, "admin");
        String base = "/v1/projects/" + p + "/assets";
        Check t = (method, route, r) -> violations.addAll(contract.violations(method, route, r));

        Api.Response created = admin.send("POST", base + "?filename=notes.txt&alt=Notes", "some notes", "text/plain");
        t.check("POST", "/v1/projects/{p}/assets", created);
        t.check("POST", "/v1/projects/{p}/assets", admin.send("POST", base + "?filename=again.txt", "some notes", "text/plain"));
        t.check("POST", "/v1/projects/{p}/assets", admin.send("POST", base + "?filename=x.jpg", "<html><script>1</script></html>", "image/jpeg"));
        t.check("POST", "/v1/projects/{p}/assets", admin.post(base, Map.of("url", "http://127.0.0.1:9/x.png")));
        t.check("POST", "/v1/projects/{p}/assets", admin.post(base, Map.of("alt", "no url")));
        String id = created.json().get("id").asText();
        t.check("GET", "/v1/projects/{p}/assets", admin.get(base + "?limit=1&type=text/*"));
        t.check("GET", "/v1/projects/{p}/assets", admin.get(base + "?cursor=bad"));
        t.check("GET", "/v1/projects/{p}/assets/{id}", admin.get(base + "/" + id));
        t.check("GET", "/v1/projects/{p}/assets/{id}", admin.get(base + "/nope"));
        t.check("PATCH", "/v1/projects/{p}/assets/{id}", admin.patch(base + "/" + id, Map.of("title", "Title")));
        t.check("PATCH", "/v1/projects/{p}/assets/{id}", admin.patch(base + "/" + id, Map.of("size", 3)));
        t.check("GET", "/v1/projects/{p}/assets/{id}/content", admin.get(base + "/" + id + "/content"));
        t.check("GET", "/v1/projects/{p}/assets/{id}/content", admin.with("Range", "bytes=0-3").get(base + "/" + id + "/content"));
        t.check("GET", "/v1/projects/{p}/assets/{id}/content", admin.with("Range", "bytes=99-").get(base + "/" + id + "/content"));
        String url = created.json().get("url").asText();
        t.check("GET", "/assets/{p}/{key}/{name}", server.anonymous().get(url));
        t.check("GET", "/assets/{p}/{key}/{name}", server.anonymous().with("If-None-Match", created.json().get("sha256").toString()).get(url));
        t.check("GET", "/assets/{p}/{key}/{name}", server.anonymous().get("/assets/" + p + "/nokey/x.txt"));
        t.check("GET", "/v1/projects/{p}/asset-settings", admin.get("/v1/projects/" + p + "/asset-settings"));
        t.check("PUT", "/v1/projects/{p}/asset-settings", admin.send("PUT", "/v1/projects/" + p + "/asset-settings", "{\"public\": false}", "application/json"));
        t.check("PUT", "/v1/projects/{p}/asset-settings", admin.send("PUT", "/v1/projects/" + p + "/asset-settings", "{}", "application/json"));
        t.check("GET", "/assets/{p}/{key}/{name}", server.anonymous().get(url));
        t.check("POST", "/v1/projects/{p}/assets/purge", admin.post(base + "/purge", Map.of("older_than_days", 30, "dry_run", true)));
        t.check("POST", "/v1/projects/{p}/assets/purge", admin.post(base + "/purge", Map.of("older_than_days", -1)));
        t.check("DELETE", "/v1/projects/{p}/assets/{id}", admin.delete(base + "/" + id));
        t.check("DELETE", "/v1/projects/{p}/assets/{id}", admin.delete(base + "/" + id));
        t.check("GET", "/v1/projects/{p}/changes", admin.get("/v1/projects/" + p + "/changes"));

        assertThat(violations).isEmpty();
    }

    @FunctionalInterface
    private interface Check {
        void check(String method, String route, Api.Response r);
    }
}
