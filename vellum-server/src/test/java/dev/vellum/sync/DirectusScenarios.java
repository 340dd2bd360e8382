package dev.vellum.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vellum.testing.Api;
import dev.vellum.testing.Backend;
import dev.vellum.testing.DirectusServer;
import dev.vellum.testing.TestKeys;
import dev.vellum.testing.TestServer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of the end-to-end sync tests: one Vellum server (SQLite) per class, the test run's one real
 * Directus ({@link DirectusServer#shared()}), and every Directus collection dropped after each test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DirectusScenarios {
    protected DirectusServer directus;
    protected Backend backend;
    protected TestServer server;

    protected Map<String, String> settings() {
        return Map.of();
    }

    @BeforeAll
    void start() {
        directus = DirectusServer.shared();
        directus.dropUserCollections();
        backend = Backend.sqlite();
        Map<String, String> s = new HashMap<>(Map.of("VELLUM_SECRET_KEY", TestKeys.SECRET_KEY, "VELLUM_OUTBOUND_ALLOWLIST", "127.0.0.1"));
        s.putAll(settings());
        server = new TestServer(backend, s);
    }

    @AfterEach
    void dropDirectusCollections() {
        if (directus != null) directus.dropUserCollections();
    }

    @AfterAll
    void stop() {
        if (server != null) server.close();
        if (backend != null) backend.close();
    }

    /** A fresh project with an admin client. */
    protected Project project(String prefix) {
        String id = prefix + "-" + Long.toHexString(System.nanoTime());
        return new Project(server.project(id, "admin"), id);
    }

    protected record Project(Api api, String id) {
        String path(String rest) {
            return "/v1/projects/" + id + rest;
        }

        void collection(String id, List<Map<String, Object>> fields) {
            Api.Response r = api.post(path("/collections"), Map.of("id", id, "fields", fields));
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
        }

        JsonNode connect(Map<String, Object> body) {
            Api.Response r = api.post(path("/connections"), body);
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            return r.json();
        }

        /** Runs a sync and waits; the finished run. */
        JsonNode sync(String connection, String direction, Map<String, Object> extra) {
            Map<String, Object> body = new HashMap<>(extra);
            body.put("direction", direction);
            Api.Response r = api.post(path("/connections/" + connection + "/sync?wait=true"), body);
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            return r.json();
        }

        JsonNode sync(String connection, String direction) {
            return sync(connection, direction, Map.of());
        }

        JsonNode entryBySlug(String collection, String slug) {
            Api.Response r = api.get(path("/collections/" + collection + "/entries?filter=" + java.net.URLEncoder.encode("slug = \"" + slug + "\"",
                    java.nio.charset.StandardCharsets.UTF_8)));
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            return r.json().path("data").path(0);
        }

        JsonNode entries(String collection) {
            return api.get(path("/collections/" + collection + "/entries?limit=500")).json().path("data");
        }

        JsonNode create(String collection, Map<String, Object> entry) {
            Api.Response r = api.post(path("/collections/" + collection + "/entries"), entry);
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            return r.json();
        }

        JsonNode patch(String collection, String id, Map<String, Object> entry) {
            Api.Response r = api.patch(path("/collections/" + collection + "/entries/" + id), entry);
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            return r.json();
        }
    }

    /** A field spec for Directus' POST /collections. */
    static Map<String, Object> field(String name, String type, Map<String, Object> meta) {
        return Map.of("field", name, "type", type, "meta", meta, "schema", Map.of());
    }

    static Map<String, Object> field(String name, String type) {
        return field(name, type, Map.of("interface", "input"));
    }

    /** Directus items of a collection, in key order. */
    JsonNode items(String collection) {
        Api.Response r = directus.api().get("/items/" + collection + "?limit=-1&sort=id");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().path("data");
    }

    JsonNode createItems(String collection, Object items) {
        Api.Response r = directus.api().post("/items/" + collection, items);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().path("data");
    }
}
