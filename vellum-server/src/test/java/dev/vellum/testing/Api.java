package dev.vellum.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A small HTTP client for scenario tests against a real server. */
public final class Api {
    public static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** For servers that mishandle the h2c upgrade the JDK client offers by default (Directus with WebSockets on hangs). */
    private static final HttpClient HTTP1 = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();

    private final String base;
    private final String token;
    private final Map<String, String> headers;
    private final HttpClient client;

    public Api(String base, String token) {
        this(base, token, Map.of(), CLIENT);
    }

    private Api(String base, String token, Map<String, String> headers, HttpClient client) {
        this.base = base;
        this.token = token;
        this.headers = headers;
        this.client = client;
    }

    /** The same client speaking HTTP/1.1 only. */
    public Api http1() {
        return new Api(base, token, headers, HTTP1);
    }

    public Api as(String otherToken) {
        return new Api(base, otherToken, headers, client);
    }

    public Api with(String header, String value) {
        var h = new java.util.HashMap<>(headers);
        h.put(header, value);
        return new Api(base, token, h, client);
    }

    public record Response(int status, HttpResponse<String> raw, JsonNode json) {
        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        @Override
        public String toString() {
            return status + " " + raw.body();
        }
    }

    public Response get(String path) { return send("GET", path, null, null); }
    public Response delete(String path) { return send("DELETE", path, null, null); }
    public Response post(String path, Object body) { return send("POST", path, body, "application/json"); }
    public Response patch(String path, Object body) { return send("PATCH", path, body, "application/json"); }

    /** {@code body}: a JSON string, a Jackson node, a Map/List (serialised), or null. */
    public Response send(String method, String path, Object body, String contentType) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (token != null) b.header("Authorization", "Bearer " + token);
        headers.forEach(b::header);
        if (contentType != null) b.header("Content-Type", contentType);
        String text = body == null ? null : body instanceof String s ? s : write(body);
        b.method(method, text == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(text));
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = MissingNode.getInstance();
            if (!r.body().isEmpty()) {
                try {
                    json = JSON.readTree(r.body());
                } catch (IOException notJson) {
                    json = MissingNode.getInstance();
                }
            }
            return new Response(r.statusCode(), r, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
