package dev.vellum.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One run of a connection: direction, trigger, status and its stored report. */
public record SyncRun(String id, String connectionId, String direction, boolean dryRun, String trigger, String status,
                      ObjectNode report, String error, String startedAt, String finishedAt) {

    public ObjectNode toJson() {
        ObjectNode o = SyncJson.JSON.createObjectNode();
        o.put("id", id).put("connection_id", connectionId).put("direction", direction).put("dry_run", dryRun).put("trigger", trigger)
                .put("status", status);
        if (report != null) o.setAll(report);
        o.put("error", error).put("started_at", startedAt).put("finished_at", finishedAt);
        return o;
    }
}
