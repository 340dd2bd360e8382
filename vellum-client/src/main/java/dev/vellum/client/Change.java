package dev.vellum.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One record of a project's change log. {@code seq} is per project, gap-free, in commit order;
 * {@code kind} is {@code entry.created|updated|deleted} or {@code collection.created|updated|deleted};
 * {@code data} is the entry or collection after the change (for deletes: its id and slug).
 * {@code entryId} is null for collection changes.
 */
public record Change(long seq, String kind, String collection, String entryId, Long version, Instant at, JsonNode data) {

    public Change {
        data = data == null ? null : data.deepCopy();
    }

    @Override
    public JsonNode data() {
        return data == null ? null : data.deepCopy();
    }

    static Change from(JsonNode n) {
        return new Change(n.path("seq").asLong(), Json.text(n, "kind"), Json.text(n, "collection"), Json.text(n, "entry_id"),
                Json.longOrNull(n, "version"), Json.instant(n, "at"), n.get("data"));
    }
}
