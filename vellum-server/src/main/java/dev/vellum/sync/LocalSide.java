package dev.vellum.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.content.BatchResult;
import dev.vellum.content.EntryService;
import dev.vellum.content.RichTextFormat;
import dev.vellum.error.VellumException;
import dev.vellum.query.ListParams;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Vellum side of a run: reads entries (drafts included, rich text as documents) and writes them,
 * always through {@link EntryService}, so every sync write is in the change log like any other.
 */
final class LocalSide {
    static final int PAGE = 500;
    private static final int BATCH = 1000;
    private static final int SLUGS_PER_QUERY = 100;

    private final EntryService entries;
    private final String projectId;
    private final String collection;
    private final String tokenId;

    LocalSide(EntryService entries, String projectId, String collection, String connectionId) {
        this.entries = entries;
        this.projectId = projectId;
        this.collection = collection;
        this.tokenId = "sync:" + connectionId;
    }

    /** Every entry, by id. */
    Map<String, JsonNode> all() {
        Map<String, JsonNode> out = new java.util.LinkedHashMap<>();
        String cursor = null;
        do {
            ObjectNode page = entries.list(projectId, collection, new ListParams(Integer.toString(PAGE), cursor, null, null, null, null),
                    true, RichTextFormat.JSON);
            page.path("data").forEach(e -> out.put(e.path("id").asText(), e));
            cursor = page.path("next_cursor").isNull() ? null : page.path("next_cursor").asText(null);
        } while (cursor != null);
        return out;
    }

    /** The entries with these ids that still exist. */
    Map<String, JsonNode> byIds(List<String> ids) {
        Map<String, JsonNode> out = new HashMap<>();
        if (ids.size() > PAGE) {
            Map<String, JsonNode> all = all();
            for (String id : ids) if (all.containsKey(id)) out.put(id, all.get(id));
            return out;
        }
        for (String id : ids) {
            try {
                out.put(id, entries.get(projectId, collection, id, true, RichTextFormat.JSON).body());
            } catch (VellumException.NotFound gone) {
                // deleted in Vellum since the last sync
            }
        }
        return out;
    }

    /** The entries that have these slugs, by slug. */
    Map<String, JsonNode> bySlugs(List<String> slugs) {
        Map<String, JsonNode> out = new HashMap<>();
        for (int i = 0; i < slugs.size(); i += SLUGS_PER_QUERY) {
            List<String> chunk = slugs.subList(i, Math.min(slugs.size(), i + SLUGS_PER_QUERY));
            ArrayNode list = SyncJson.JSON.createArrayNode();
            chunk.forEach(list::add);
            String filter = "slug in " + list;
            String cursor = null;
            do {
                ObjectNode page = entries.list(projectId, collection, new ListParams(Integer.toString(PAGE), cursor, null, null, null, filter),
                        true, RichTextFormat.JSON);
                page.path("data").forEach(e -> out.put(e.path("slug").asText(), e));
                cursor = page.path("next_cursor").isNull() ? null : page.path("next_cursor").asText(null);
            } while (cursor != null);
        }
        return out;
    }

    /** Creates entries in batches; results in the same order. */
    List<BatchResult.Item> create(List<ObjectNode> bodies) {
        List<BatchResult.Item> out = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i += BATCH) {
            ObjectNode batch = SyncJson.JSON.createObjectNode().put("mode", "create").put("atomic", false);
            ArrayNode list = batch.putArray("entries");
            bodies.subList(i, Math.min(bodies.size(), i + BATCH)).forEach(list::add);
            out.addAll(entries.batch(projectId, collection, batch, tokenId).results());
        }
        return out;
    }

    /** Updates one entry if it is still at {@code version} (412 otherwise: an edit made during the run is never overwritten). */
    EntryService.Rendered update(String id, ObjectNode body, long version) {
        return entries.update(projectId, collection, id, body, version, tokenId, RichTextFormat.JSON);
    }

    void delete(String id, long version) {
        entries.delete(projectId, collection, id, version, tokenId);
    }
}
