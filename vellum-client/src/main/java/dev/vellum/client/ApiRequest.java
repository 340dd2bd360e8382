package dev.vellum.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One call to the API, before it is sent: method, path below the base URL, query, JSON body (already
 * serialised, so every retry sends the same bytes) and extra headers.
 */
record ApiRequest(String method, String path, Map<String, String> query, String body, Map<String, String> headers) {
    static final String IF_MATCH = "If-Match";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    ApiRequest {
        query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    static ApiRequest get(String path) {
        return new ApiRequest("GET", path, Map.of(), null, Map.of());
    }

    static ApiRequest delete(String path) {
        return new ApiRequest("DELETE", path, Map.of(), null, Map.of());
    }

    static ApiRequest post(String path, JsonNode body) {
        return new ApiRequest("POST", path, Map.of(), body == null ? null : Json.write(body), Map.of());
    }

    static ApiRequest patch(String path, JsonNode body) {
        return new ApiRequest("PATCH", path, Map.of(), Json.write(body), Map.of());
    }

    ApiRequest withQuery(Map<String, String> params) {
        Map<String, String> q = new LinkedHashMap<>(query);
        q.putAll(params);
        return new ApiRequest(method, path, q, body, headers);
    }

    ApiRequest withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new ApiRequest(method, path, query, body, h);
    }

    /**
     * Whether sending this twice does no more than sending it once, so a failure may be retried:
     * GET, PUT and DELETE; PATCH only with If-Match (a repeat finds the version moved on); POST only with
     * an Idempotency-Key (the server replays the first answer).
     */
    boolean idempotent() {
        return switch (method) {
            case "GET", "HEAD", "PUT", "DELETE" -> true;
            case "PATCH" -> headers.containsKey(IF_MATCH);
            case "POST" -> headers.containsKey(IDEMPOTENCY_KEY);
            default -> false;
        };
    }

    /** {@code /v1/a/b/c} from its segments, each percent-encoded. */
    static String path(String... segments) {
        StringBuilder s = new StringBuilder("/v1");
        for (String seg : segments) {
            if (seg == null || seg.isEmpty()) throw new IllegalArgumentException("an id in a path cannot be null or empty");
            s.append('/').append(encode(seg));
        }
        return s.toString();
    }

    /** Percent-encoding for a path segment or query value ({@code %20} for a space, never {@code +}). */
    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
