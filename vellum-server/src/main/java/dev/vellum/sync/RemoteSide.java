package dev.vellum.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Directus side of a run: pages through items by primary key (keyset, so concurrent writes never
 * make it skip), asks only for items changed after a marker, looks items up by key or slug, and
 * writes in bulk requests.
 */
final class RemoteSide {
    static final int PAGE = 1000;
    static final int LOOKUP = 100;
    private static final int WRITE = 500;

    private final DirectusClient client;
    private final Connection connection;
    private final String fields;
    private final String written;
    private final String pk;

    RemoteSide(DirectusClient client, Connection connection, ItemCodec codec) {
        this.client = client;
        this.connection = connection;
        this.fields = codec.remoteFields();
        this.pk = codec.primaryKey();
        this.written = writtenFields(connection, pk);
    }

    /**
     * What a write asks Directus to send back: the keys and the change markers where the collection has
     * them (much less for Directus to read back and send than whole items); everything where the marker
     * is a content hash.
     */
    private static String writtenFields(Connection c, String pk) {
        if (c.updatedField() == null && c.createdField() == null) return "*";
        java.util.Set<String> f = new java.util.LinkedHashSet<>(List.of(pk, c.idField()));
        if (c.updatedField() != null) f.add(c.updatedField());
        if (c.createdField() != null) f.add(c.createdField());
        return String.join(",", f);
    }

    DirectusClient client() {
        return client;
    }

    /** Every item (when {@code since} is null) or those created or updated after {@code since}, in key order. */
    List<JsonNode> changedSince(String since) {
        List<JsonNode> out = new ArrayList<>();
        changedSince(since, page -> page.forEach(out::add));
        return out;
    }

    /**
     * The same, a page at a time: while {@code onPage} works on one page the next is already being
     * fetched (keyset paging knows the next page's start as soon as a page arrives), so a long pull
     * costs about the slower of the two sides, not their sum.
     */
    void changedSince(String since, java.util.function.Consumer<JsonNode> onPage) {
        scan(changedFilter(since), onPage);
    }

    private ObjectNode changedFilter(String since) {
        ObjectNode filter = null;
        if (since != null) {
            ArrayNode or = SyncJson.JSON.createArrayNode();
            String updated = connection.updatedField();
            String created = connection.createdField();
            if (updated != null) or.addObject().putObject(updated).put("_gt", since);
            if (created != null) or.addObject().putObject(created).put("_gt", since);
            if (!or.isEmpty()) {
                filter = SyncJson.JSON.createObjectNode();
                filter.set("_or", or);
            }
        }
        return filter;
    }

    private void scan(ObjectNode filter, java.util.function.Consumer<JsonNode> onPage) {
        java.util.concurrent.CompletableFuture<JsonNode> next = fetch(filter, null);
        while (next != null) {
            JsonNode page = await(next);
            next = page.size() < PAGE ? null : fetch(filter, page.get(page.size() - 1).get(pk));
            try {
                if (!page.isEmpty()) onPage.accept(page);
            } catch (RuntimeException e) {
                if (next != null) next.cancel(true);
                throw e;
            }
        }
    }

    private java.util.concurrent.CompletableFuture<JsonNode> fetch(ObjectNode filter, JsonNode after) {
        ArrayNode and = SyncJson.JSON.createArrayNode();
        if (filter != null) and.add(filter);
        if (after != null) and.addObject().putObject(pk).set("_gt", after);
        Map<String, String> q = new LinkedHashMap<>();
        q.put("fields", fields);
        q.put("sort", pk);
        q.put("limit", Integer.toString(PAGE));
        if (!and.isEmpty()) q.put("filter", SyncJson.JSON.createObjectNode().set("_and", and).toString());
        java.util.concurrent.CompletableFuture<JsonNode> f = new java.util.concurrent.CompletableFuture<>();
        Thread.ofVirtual().name("vellum-sync-page").start(() -> {
            try {
                f.complete(client.items(connection.remoteCollection(), q));
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f;
    }

    private static JsonNode await(java.util.concurrent.CompletableFuture<JsonNode> page) {
        try {
            return page.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw e;
        }
    }

    /** The items whose {@code field} is one of {@code values}. */
    List<JsonNode> where(String field, List<String> values) {
        List<JsonNode> out = new ArrayList<>();
        for (int i = 0; i < values.size(); i += LOOKUP) {
            ArrayNode in = SyncJson.JSON.createArrayNode();
            values.subList(i, Math.min(values.size(), i + LOOKUP)).forEach(in::add);
            ObjectNode filter = SyncJson.JSON.createObjectNode();
            filter.putObject(field).set("_in", in);
            client.items(connection.remoteCollection(), Map.of("fields", fields, "limit", "-1", "filter", filter.toString()))
                    .forEach(out::add);
        }
        return out;
    }

    /** Bulk create; the created items (with keys and markers), in request order. */
    List<JsonNode> create(List<ObjectNode> items) {
        List<JsonNode> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i += WRITE) {
            ArrayNode batch = SyncJson.JSON.createArrayNode();
            items.subList(i, Math.min(items.size(), i + WRITE)).forEach(batch::add);
            client.create(connection.remoteCollection(), batch, written).forEach(out::add);
        }
        return out;
    }

    JsonNode createOne(ObjectNode item) {
        return client.create(connection.remoteCollection(), SyncJson.JSON.createArrayNode().add(item), written).get(0);
    }

    /** Updates one item; missing (Directus answers 204 for a PATCH of an id it does not have) when it is gone. */
    JsonNode update(String id, ObjectNode data) {
        return client.update(connection.remoteCollection(), id, data, written);
    }

    /** Bulk update: each item carries its primary key; the updated items. */
    List<JsonNode> updateBatch(List<ObjectNode> items) {
        List<JsonNode> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i += WRITE) {
            ArrayNode batch = SyncJson.JSON.createArrayNode();
            items.subList(i, Math.min(items.size(), i + WRITE)).forEach(batch::add);
            client.updateBatch(connection.remoteCollection(), batch, written).forEach(out::add);
        }
        return out;
    }

    /** Deletes items by key in one request (keys Directus does not have are ignored). */
    void delete(List<String> ids) {
        if (ids.isEmpty()) return;
        ArrayNode keys = SyncJson.JSON.createArrayNode();
        ids.forEach(id -> keys.add(ValueConverter.typedKey(id)));
        client.deleteMany(connection.remoteCollection(), keys);
    }

    String pk() {
        return pk;
    }
}
