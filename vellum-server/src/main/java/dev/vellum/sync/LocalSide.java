package dev.vellum.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.content.BatchResult;
import dev.vellum.content.EntryService;
import dev.vellum.content.RichTextFormat;
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
    private static final int PER_QUERY = dev.vellum.query.FilterParser.MAX_LIST;
    private static final int FILTER_BYTES = dev.vellum.query.FilterParser.MAX_BYTES - 64;

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
        query(null, null, e -> out.put(e.path("id").asText(), e));
        return out;
    }

    /** Every entry's version, by id (no field values read). */
    Map<String, Long> versions() {
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        query(null, "id", e -> out.put(e.path("id").asText(), e.path("version").asLong()));
        return out;
    }

    /** Whether the collection has no entry at all (drafts included). */
    boolean isEmpty() {
        ObjectNode page = entries.list(projectId, collection, new ListParams("1", null, null, null, null, null), true, RichTextFormat.JSON);
        return page.path("data").isEmpty();
    }

    /** The entries with these ids that still exist, in that order (one query per 100 ids). */
    Map<String, JsonNode> byIds(List<String> ids) {
        return byIds(ids, Integer.MAX_VALUE);
    }

    /**
     * The same, out of a collection of {@code total} entries: where that many ids cost more queries (100
     * ids each) than reading every entry (500 a page), every entry is read instead.
     */
    Map<String, JsonNode> byIds(List<String> ids, int total) {
        Map<String, JsonNode> found;
        if ((long) ids.size() * PAGE > (long) total * PER_QUERY) {
            found = all();
        } else {
            found = new HashMap<>();
            where("id", ids, e -> found.put(e.path("id").asText(), e));
        }
        Map<String, JsonNode> out = new java.util.LinkedHashMap<>(); // in the order asked for: a run writes in a stable order
        for (String id : ids) if (found.containsKey(id)) out.put(id, found.get(id));
        return out;
    }

    /** The entries that have these slugs, by slug. */
    Map<String, JsonNode> bySlugs(List<String> slugs) {
        Map<String, JsonNode> out = new HashMap<>();
        where("slug", slugs, e -> out.put(e.path("slug").asText(), e));
        return out;
    }

    /** Entries whose attribute is one of {@code values}: filters of up to 100 values and under the filter's size limit. */
    private void where(String attribute, List<String> values, java.util.function.Consumer<JsonNode> each) {
        ArrayNode list = SyncJson.JSON.createArrayNode();
        int size = 0;
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            int cost = SyncJson.JSON.valueToTree(v).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 1;
            if (!list.isEmpty() && (list.size() == PER_QUERY || size + cost > FILTER_BYTES)) {
                query(attribute + " in " + list, null, each);
                list = SyncJson.JSON.createArrayNode();
                size = 0;
            }
            list.add(v);
            size += cost;
        }
        if (!list.isEmpty()) query(attribute + " in " + list, null, each);
    }

    /** Every page of entries matching {@code filter} (null: all), drafts included, rich text as documents; {@code fields} as the API takes it. */
    private void query(String filter, String fields, java.util.function.Consumer<JsonNode> each) {
        String cursor = null;
        do {
            ObjectNode page = entries.list(projectId, collection, new ListParams(Integer.toString(PAGE), cursor, null, fields, null, filter),
                    true, RichTextFormat.JSON);
            page.path("data").forEach(each);
            cursor = page.path("next_cursor").isNull() ? null : page.path("next_cursor").asText(null);
        } while (cursor != null);
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

    /**
     * Updates entries in batches (one transaction each), each only if it is still at its version: an
     * edit made during the run is never overwritten (that item fails with version_mismatch). Bodies carry
     * the entry id; results in the same order.
     */
    List<BatchResult.Item> update(List<ObjectNode> bodies, List<Long> versions) {
        List<BatchResult.Item> out = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i += BATCH) {
            int end = Math.min(bodies.size(), i + BATCH);
            out.addAll(entries.updateAll(projectId, collection, new ArrayList<JsonNode>(bodies.subList(i, end)), versions.subList(i, end), tokenId).results());
        }
        return out;
    }

    void delete(String id, long version) {
        entries.delete(projectId, collection, id, version, tokenId);
    }
}
