package dev.vellum.sync;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a run did, item by item, counted: created, updated, unchanged, merged (both sides changed
 * different fields), skipped (with reasons), conflicts, errors (with ids). Filled by one run thread.
 */
public final class RunReport {
    int created;
    int updated;
    int unchanged;
    int merged;
    int conflicts;
    int deleted;
    int seen;
    long directusRequests;
    private final ArrayNode skipped = SyncJson.JSON.createArrayNode();
    private final ArrayNode errors = SyncJson.JSON.createArrayNode();
    private final ArrayNode conflictIds = SyncJson.JSON.createArrayNode();

    void skip(String remoteId, String entryId, String slug, String reason) {
        skipped.addObject().put("remote_id", remoteId).put("entry_id", entryId).put("slug", slug).put("reason", reason);
    }

    void error(String remoteId, String entryId, String slug, String message) {
        errors.addObject().put("remote_id", remoteId).put("entry_id", entryId).put("slug", slug).put("message", message);
    }

    void conflict(String id) {
        conflicts++;
        conflictIds.add(id);
    }

    public int errors() {
        return errors.size();
    }

    public ObjectNode toJson() {
        ObjectNode o = SyncJson.JSON.createObjectNode();
        o.put("created", created).put("updated", updated).put("unchanged", unchanged).put("merged", merged)
                .put("deleted", deleted).put("conflicts", conflicts).put("seen", seen);
        o.set("skipped", skipped.deepCopy());
        o.set("conflict_ids", conflictIds.deepCopy());
        o.set("errors", errors.deepCopy());
        o.put("directus_requests", directusRequests);
        return o;
    }
}
