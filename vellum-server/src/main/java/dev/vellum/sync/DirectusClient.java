package dev.vellum.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.vellum.outbound.OutboundPolicy;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Directus' REST API as sync needs it, one instance per connection run. Every request is checked
 * against the outbound policy, carries the static token, never follows redirects, and is retried with
 * backoff on 429, 5xx and network errors. Counts its requests (the incremental-run figure).
 */
public final class DirectusClient {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1) // Directus (with WebSockets on) hangs on the JDK's default h2c upgrade
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private final String base;
    private final String token;
    private final OutboundPolicy policy;
    private final Backoff backoff;
    private final Duration timeout;
    private final AtomicLong requests = new AtomicLong();

    public DirectusClient(String base, String token, OutboundPolicy policy, Backoff backoff) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.token = token;
        this.policy = policy;
        this.backoff = backoff;
        this.timeout = Duration.ofSeconds(60);
    }

    public String base() {
        return base;
    }

    public long requests() {
        return requests.get();
    }

    // --- server and schema ----------------------------------------------------------------------

    /** Checks that Directus answers and accepts the token: GET /users/me. */
    public JsonNode me() {
        return get("/users/me?fields=id,email");
    }

    public JsonNode collections() {
        return get("/collections?limit=-1");
    }

    public JsonNode fields(String collection) {
        return get("/fields/" + enc(collection));
    }

    public JsonNode allFields() {
        return get("/fields");
    }

    public JsonNode allRelations() {
        return get("/relations");
    }

    public JsonNode createCollection(JsonNode body) {
        return send("POST", "/collections", body);
    }

    public void deleteCollection(String collection) {
        send("DELETE", "/collections/" + enc(collection), null);
    }

    public JsonNode createField(String collection, JsonNode body) {
        return send("POST", "/fields/" + enc(collection), body);
    }

    public JsonNode createRelation(JsonNode body) {
        return send("POST", "/relations", body);
    }

    // --- items ----------------------------------------------------------------------------------

    /** GET /items/c with query parameters (filter as JSON); the {@code data} array. */
    public JsonNode items(String collection, Map<String, String> query) {
        return get("/items/" + enc(collection) + query(query));
    }

    /** Bulk create (POST an array); the created items with the fields asked for. */
    public JsonNode create(String collection, JsonNode items, String fields) {
        return send("POST", "/items/" + enc(collection) + query(Map.of("fields", fields)), items);
    }

    /** Updates one item; Directus answers 204 (and does nothing) when the id does not exist. */
    public JsonNode update(String collection, String id, JsonNode data, String fields) {
        return send("PATCH", "/items/" + enc(collection) + "/" + enc(id) + query(Map.of("fields", fields)), data);
    }

    /** Bulk update: an array of partial items, each with its primary key. */
    public JsonNode updateBatch(String collection, JsonNode items, String fields) {
        return send("PATCH", "/items/" + enc(collection) + query(Map.of("fields", fields)), items);
    }

    public void delete(String collection, String id) {
        send("DELETE", "/items/" + enc(collection) + "/" + enc(id), null);
    }

    /** Directus' activity log: deletions in {@code collection} after {@code since}. */
    public JsonNode deletions(String collection, String since) {
        String filter = "{\"_and\":[{\"collection\":{\"_eq\":" + JSON.valueToTree(collection) + "}},{\"action\":{\"_eq\":\"delete\"}}"
                + (since == null ? "" : ",{\"timestamp\":{\"_gt\":" + JSON.valueToTree(since) + "}}") + "]}";
        return get("/activity" + query(Map.of("filter", filter, "fields", "item,timestamp", "limit", "-1", "sort", "timestamp")));
    }

    /** Bulk delete: DELETE /items/c with the keys as a JSON array (Directus ignores keys it does not have). */
    public void deleteMany(String collection, JsonNode keys) {
        send("DELETE", "/items/" + enc(collection), keys);
    }

    /** Which of these items of {@code collection} Directus' activity log shows as deleted. */
    public java.util.Set<String> deleted(String collection, java.util.List<String> items) {
        com.fasterxml.jackson.databind.node.ObjectNode filter = JSON.createObjectNode();
        com.fasterxml.jackson.databind.node.ArrayNode and = filter.putArray("_and");
        and.addObject().putObject("collection").put("_eq", collection);
        and.addObject().putObject("action").put("_eq", "delete");
        com.fasterxml.jackson.databind.node.ArrayNode in = and.addObject().putObject("item").putArray("_in");
        items.forEach(in::add);
        java.util.Set<String> out = new java.util.HashSet<>();
        get("/activity" + query(Map.of("filter", filter.toString(), "fields", "item", "limit", "-1"))).forEach(a -> out.add(a.path("item").asText()));
        return out;
    }

    /** Uploads a file (multipart POST /files), streaming its {@code size} bytes; the new file's id. */
    public String upload(java.util.function.Supplier<java.io.InputStream> bytes, long size, String filename, String contentType) {
        return upload(bytes, size, filename, contentType, null, null);
    }

    /**
     * Uploads a file with its {@code title} and {@code description} (Directus' alt text), either may be null. Directus
     * reads the form's fields only before the file part, so they go first.
     */
    public String upload(java.util.function.Supplier<java.io.InputStream> bytes, long size, String filename, String contentType,
                         String title, String description) {
        String boundary = "vellum-" + Long.toHexString(System.nanoTime());
        StringBuilder fields = new StringBuilder();
        formField(fields, boundary, "title", title);
        formField(fields, boundary, "description", description);
        byte[] head = (fields + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + filename.replaceAll("[\"\\r\\n]", "") + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.concat(
                HttpRequest.BodyPublishers.ofByteArray(head), HttpRequest.BodyPublishers.ofInputStream(bytes),
                HttpRequest.BodyPublishers.ofByteArray(tail)), head.length + size + tail.length); // a length, not chunks
        JsonNode data = exchange("POST", "/files", body, "multipart/form-data; boundary=" + boundary);
        return data.path("id").asText();
    }

    private static void formField(StringBuilder out, String boundary, String name, String value) {
        if (value == null || value.isBlank()) return;
        out.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(name)
                .append("\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n").append(value).append("\r\n");
    }

    /** A Directus file's {@code title} and {@code description} (its alt text), as Directus gives them. */
    public JsonNode fileMetadata(String fileId) {
        return get("/files/" + enc(fileId) + query(Map.of("fields", "title,description")));
    }

    public String upload(byte[] bytes, String filename, String contentType) {
        return upload(() -> new java.io.ByteArrayInputStream(bytes), bytes.length, filename, contentType);
    }

    /** Which of these files Directus still has (one request). */
    public java.util.Set<String> existingFiles(java.util.List<String> fileIds) {
        java.util.Set<String> out = new java.util.HashSet<>();
        if (fileIds.isEmpty()) return out;
        com.fasterxml.jackson.databind.node.ObjectNode filter = JSON.createObjectNode();
        com.fasterxml.jackson.databind.node.ArrayNode in = filter.putObject("id").putArray("_in");
        fileIds.forEach(in::add);
        get("/files" + query(Map.of("fields", "id", "limit", "-1", "filter", filter.toString()))).forEach(f -> out.add(f.path("id").asText()));
        return out;
    }

    /** A downloaded asset as the reader sees it: its bytes, and the name and type Directus gives. */
    public interface AssetReader<T> {
        T read(java.io.InputStream body, String filename, String contentType);
    }

    /** Downloads a Directus asset (with the token: assets are not public by default), streaming it to {@code reader}. */
    public <T> T download(String fileId, AssetReader<T> reader) {
        URI uri = URI.create(base + "/assets/" + enc(fileId));
        checkPolicy(uri);
        try {
            requests.incrementAndGet();
            HttpResponse<java.io.InputStream> r = HTTP.send(HttpRequest.newBuilder(uri).timeout(timeout)
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofInputStream());
            try (java.io.InputStream in = r.body()) {
                if (r.statusCode() != 200) {
                    throw new DirectusException(r.statusCode(), null, "Directus answered " + r.statusCode() + " for asset " + fileId);
                }
                String name = r.headers().firstValue("Content-Disposition").map(DirectusClient::filename).orElse(fileId);
                return reader.read(in, name, r.headers().firstValue("Content-Type").orElse(null));
            }
        } catch (IOException e) {
            throw new DirectusException(0, null, "Directus at " + base + " could not be reached: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DirectusException(0, null, "interrupted");
        }
    }

    /** The file name of a Content-Disposition header ({@code filename*=UTF-8''…} preferred), or null. */
    static String filename(String disposition) {
        java.util.regex.Matcher star = java.util.regex.Pattern.compile("filename\\*=UTF-8''([^;]+)", java.util.regex.Pattern.CASE_INSENSITIVE)
                .matcher(disposition);
        if (star.find()) return java.net.URLDecoder.decode(star.group(1).strip().replace("+", "%2B"), StandardCharsets.UTF_8);
        java.util.regex.Matcher plain = java.util.regex.Pattern.compile("filename=\"([^\"]*)\"|filename=([^;]+)").matcher(disposition);
        if (!plain.find()) return null;
        return (plain.group(1) != null ? plain.group(1) : plain.group(2)).strip();
    }

    // --- plumbing -------------------------------------------------------------------------------

    private JsonNode get(String path) {
        return exchange("GET", path, HttpRequest.BodyPublishers.noBody(), null);
    }

    private JsonNode send(String method, String path, JsonNode body) {
        return exchange(method, path, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body.toString()), body == null ? null : "application/json");
    }

    /** One call with retries; the response's {@code data} (missing for 204). */
    private JsonNode exchange(String method, String path, HttpRequest.BodyPublisher body, String contentType) {
        URI uri = URI.create(base + path);
        checkPolicy(uri);
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout).method(method, body)
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
        if (contentType != null) b.header("Content-Type", contentType);
        HttpRequest request = b.build();
        for (int attempt = 1; ; attempt++) {
            DirectusException failure;
            Duration retryAfter = null;
            try {
                requests.incrementAndGet();
                HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 204) return MissingNode.getInstance();
                if (r.statusCode() / 100 == 2) return JSON.readTree(r.body()).path("data");
                failure = failure(method, path, r);
                retryAfter = r.headers().firstValue("Retry-After").map(DirectusClient::seconds).orElse(null);
            } catch (IOException e) {
                failure = new DirectusException(0, null, "Directus at " + base + " could not be reached (" + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DirectusException(0, null, "interrupted while calling Directus");
            }
            if (!failure.transientFailure() || attempt >= backoff.attempts()) throw failure;
            sleep(backoff.delay(attempt, retryAfter));
        }
    }

    private void checkPolicy(URI uri) {
        try {
            policy.check(uri);
        } catch (OutboundPolicy.Refused r) {
            throw new DirectusException(-1, "OUTBOUND_REFUSED", r.getMessage());
        }
    }

    private static DirectusException failure(String method, String path, HttpResponse<String> r) {
        String code = null;
        String message = null;
        try {
            JsonNode err = JSON.readTree(r.body()).path("errors").path(0);
            code = err.path("extensions").path("code").asText(null);
            message = err.path("message").asText(null);
        } catch (IOException notJson) {
            // a proxy's or a crashed server's page: the status says enough
        }
        String where = method + " " + path.replaceAll("\\?.*", "");
        return new DirectusException(r.statusCode(), code, "Directus answered " + r.statusCode() + " to " + where
                + (message != null ? ": " + message : ""));
    }

    private static Duration seconds(String header) {
        try {
            return Duration.ofSeconds(Long.parseLong(header.strip()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DirectusException(0, null, "interrupted while waiting to retry");
        }
    }

    static String query(Map<String, String> params) {
        if (params.isEmpty()) return "";
        return "?" + new LinkedHashMap<>(params).entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
