package dev.vellum.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vellum.testing.Api;
import dev.vellum.testing.Backend;
import dev.vellum.testing.RawHttp;
import dev.vellum.testing.DirectusServer;
import dev.vellum.testing.TestKeys;
import dev.vellum.testing.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of the end-to-end sync tests: one Vellum server per class (SQLite unless a subclass picks
 * another backend), the test run's one real Directus ({@link DirectusServer#shared()}), and every
 * Directus collection dropped after each test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DirectusScenarios {
    protected DirectusServer directus;
    protected Backend backend;
    protected TestServer server;

    protected Map<String, String> settings() {
        return Map.of();
    }

    /** The database Vellum runs on for this class. */
    protected Backend newBackend() {
        return Backend.sqlite();
    }

    @BeforeAll
    void start() {
        directus = DirectusServer.shared();
        directus.dropUserCollections();
        backend = newBackend();
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

    /** A project with a collection "posts" and a Directus collection "articles" of {@code count} items (slug, title, views, markers). */
    protected Project withArticles(int count) {
        Project p = project("incr");
        p.collection("posts", List.of(Map.of("id", "title", "type", "text"), Map.of("id", "views", "type", "number", "integer", true)));
        directus.createCollection("articles", List.of(field("title", "string"), field("views", "integer"), slug(),
                marker("date_created", "date-created"), marker("date_updated", "date-updated")));
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < count; i++) items.add(Map.of("slug", "item-" + i, "title", "Item " + i, "views", i));
        if (count > 0) createItems("articles", items);
        return p;
    }

    /** Connects "posts" to "articles" through {@code url} (Directus, or a proxy in front of it); the connection id. */
    protected String connect(Project p, String url, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(Map.of("collection", "posts", "url", url, "token", DirectusServer.TOKEN,
                "remote_collection", "articles"));
        body.putAll(extra);
        return p.connect(body).path("id").asText();
    }

    /** A field spec for Directus' POST /collections. */
    static Map<String, Object> field(String name, String type, Map<String, Object> meta) {
        return Map.of("field", name, "type", type, "meta", meta, "schema", Map.of());
    }

    static Map<String, Object> field(String name, String type) {
        return field(name, type, Map.of("interface", "input"));
    }

    /** A unique slug field. */
    static Map<String, Object> slug() {
        return Map.of("field", "slug", "type", "string", "meta", Map.of("interface", "input"), "schema", Map.of("is_unique", true));
    }

    /** A timestamp Directus sets itself ({@code special} date-created or date-updated): a change marker. */
    static Map<String, Object> marker(String name, String special) {
        return field(name, "timestamp", Map.of("special", List.of(special), "interface", "datetime"));
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

    /** Uploads a file to Directus (multipart POST /files); its id. */
    String upload(String name, String type, byte[] bytes) {
        String boundary = "b" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name + "\"\r\nContent-Type: " + type
                + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + bytes.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(bytes, 0, body, head.length, bytes.length);
        System.arraycopy(tail, 0, body, head.length + bytes.length, tail.length);
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(directus.url() + "/files")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + DirectusServer.TOKEN).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return parse(r.body()).path("data").path("id").asText();
    }

    /** The bytes of a Directus file. */
    byte[] directusFile(String id) {
        HttpResponse<byte[]> r = send(HttpRequest.newBuilder(URI.create(directus.url() + "/assets/" + id)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + DirectusServer.TOKEN).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    /** The number of files Directus holds. */
    int directusFiles() {
        return directus.api().get("/files?limit=-1&fields=id").json().path("data").size();
    }

    private static final HttpClient HTTP1 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return HTTP1.send(request, handler);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String json) {
        try {
            return Api.JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Uploads bytes to the project's Vellum asset store; the asset. */
    JsonNode vellumUpload(Project p, String name, String type, byte[] bytes) {
        return vellumUpload(p, name, type, bytes, Map.of());
    }

    /** Uploads to Vellum's asset store with form fields ({@code alt}, {@code title}). */
    JsonNode vellumUpload(Project p, String name, String type, byte[] bytes, Map<String, String> fields) {
        RawHttp.Response r = new RawHttp(server.base(), Backend.ADMIN_TOKEN).upload(p.path("/assets"), name, type, bytes, fields);
        assertThat(r.status()).as(r.toString()).isIn(200, 201);
        return r.json();
    }

    /** The bytes of a Vellum asset. */
    byte[] vellumAsset(Project p, String id) {
        RawHttp.Response r = new RawHttp(server.base(), Backend.ADMIN_TOKEN).get(p.path("/assets/" + id + "/content"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.body();
    }

    /** The number of assets in the project. */
    int vellumAssets(Project p) {
        return p.api().get(p.path("/assets?limit=100")).json().path("data").size();
    }
}
