package dev.vellum.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * {@code /v1/projects/{p}/connections}: two-way Directus sync (admin tokens). Answers are the API's
 * JSON as documented in docs/sync-directus.md (connections, runs with their reports, conflicts).
 */
public final class SyncApi {
    private final Transport transport;
    private final String path;

    SyncApi(Transport transport, String project) {
        this.transport = transport;
        this.path = ApiRequest.path("projects", project, "connections");
    }

    /** Connects: {@code {"collection", "url", "token", "remote_collection" | "create_remote": true, "mapping"?, …}}. */
    public JsonNode connect(ObjectNode connection) {
        return transport.call(ApiRequest.post(path, connection));
    }

    public JsonNode list() {
        return transport.call(ApiRequest.get(path)).path("data");
    }

    public JsonNode get(String id) {
        return transport.call(ApiRequest.get(path + "/" + ApiRequest.encode(id)));
    }

    /** Reconfigure: only the keys given change. */
    public JsonNode reconfigure(String id, ObjectNode changes) {
        return transport.call(ApiRequest.patch(path + "/" + ApiRequest.encode(id), changes));
    }

    public void delete(String id) {
        transport.call(ApiRequest.delete(path + "/" + ApiRequest.encode(id)));
    }

    /** The Directus collections and fields, with suggested Vellum types. */
    public JsonNode remote(String id) {
        return transport.call(ApiRequest.get(path + "/" + ApiRequest.encode(id) + "/remote"));
    }

    /**
     * Runs a sync: {@code direction} pull, push or both. With {@code wait} the answer is the finished
     * run and its report; without, the run as it started.
     */
    public JsonNode sync(String id, String direction, boolean dryRun, boolean full, boolean wait) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("direction", direction).put("dry_run", dryRun).put("full", full);
        ApiRequest r = ApiRequest.post(path + "/" + ApiRequest.encode(id) + "/sync", body);
        return transport.call(wait ? r.withQuery(Map.of("wait", "true")) : r);
    }

    public JsonNode runs(String id, int limit) {
        return transport.call(ApiRequest.get(path + "/" + ApiRequest.encode(id) + "/runs").withQuery(Map.of("limit", Integer.toString(limit))))
                .path("data");
    }

    public JsonNode run(String id, String runId) {
        return transport.call(ApiRequest.get(path + "/" + ApiRequest.encode(id) + "/runs/" + ApiRequest.encode(runId)));
    }

    /** Open conflicts (or {@code resolved} ones). */
    public JsonNode conflicts(String id, String status) {
        return transport.call(ApiRequest.get(path + "/" + ApiRequest.encode(id) + "/conflicts").withQuery(Map.of("status", status)))
                .path("data");
    }

    /** Resolves one conflict: {@code use} is vellum or directus; applied to both sides. */
    public JsonNode resolve(String id, String conflictId, String use) {
        return transport.call(ApiRequest.post(path + "/" + ApiRequest.encode(id) + "/conflicts/" + ApiRequest.encode(conflictId) + "/resolve",
                JsonNodeFactory.instance.objectNode().put("use", use)));
    }
}
