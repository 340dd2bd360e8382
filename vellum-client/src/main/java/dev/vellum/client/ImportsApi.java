package dev.vellum.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Map;

/**
 * {@code /v1/projects/{p}/imports}: import jobs (WordPress, Markdown, CSV, JSON). Answers are the API's
 * JSON: {@code id}, {@code status} (queued, running, done, failed, cancelled), {@code progress}, {@code counts},
 * {@code result}, {@code error} and a page of the per-item {@code log}.
 */
public final class ImportsApi {
    private final Transport transport;
    private final String path;

    ImportsApi(Transport transport, String project) {
        this.transport = transport;
        this.path = ApiRequest.path("projects", project, "imports");
    }

    /** Starts an import; {@code source} is {"asset": id} or {"url": …, "user"?, "app_password"?}. */
    public JsonNode start(String kind, JsonNode source, JsonNode options) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("kind", kind);
        body.set("source", source);
        body.set("options", options == null ? JsonNodeFactory.instance.objectNode() : options);
        return transport.call(ApiRequest.post(path, body));
    }

    public JsonNode get(String id) {
        return transport.call(ApiRequest.get(path + "/" + ApiRequest.encode(id)));
    }

    /** The job with up to {@code limit} log items after {@code afterSeq}, only {@code action} ones when not null. */
    public JsonNode get(String id, long afterSeq, int limit, String action) {
        Map<String, String> q = new java.util.LinkedHashMap<>(Map.of("log_after", Long.toString(afterSeq), "log_limit", Integer.toString(limit)));
        if (action != null) q.put("log_action", action);
        return transport.call(ApiRequest.get(path + "/" + ApiRequest.encode(id)).withQuery(q));
    }

    public JsonNode list() {
        return transport.call(ApiRequest.get(path));
    }

    public JsonNode cancel(String id) {
        return transport.call(ApiRequest.post(path + "/" + ApiRequest.encode(id) + "/cancel", null));
    }

    /** Polls until the import has ended or {@code timeout} has passed; returns it as it is then. */
    public JsonNode await(String id, Duration timeout, java.util.function.Consumer<JsonNode> onProgress) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode job = get(id, 0, 1, null);
            if (onProgress != null) onProgress.accept(job);
            String status = job.path("status").asText();
            if (status.equals("done") || status.equals("failed") || status.equals("cancelled") || System.nanoTime() > deadline) return job;
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return job;
            }
        }
    }
}
