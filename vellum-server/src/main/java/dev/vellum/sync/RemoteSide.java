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
    private static final int LOOKUP = 100;
    private static final int WRITE = 500;

    private final DirectusClient client;
    private final Connection connection;
    private final String fields;
    private final String pk;

    RemoteSide(DirectusClient client, Connection connection, ItemCodec codec) {
        this.client = client;
        this.connection = connection;
        this.fields = codec.remoteFields();
        this.pk = codec.primaryKey();
    }

    DirectusClient client() {
        return client;
    }

    /** Every item (when {@code since} is null) or those created or updated after {@code since}, in key order. */
    List<JsonNode> changedSince(String since) {
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
        return scan(filter);
    }

    private List<JsonNode> scan(ObjectNode filter) {
        List<JsonNode> out = new ArrayList<>();
        JsonNode after = null;
        while (true) {
            ArrayNode and = SyncJson.JSON.createArrayNode();
            if (filter != null) and.add(filter);
            if (after != null) and.addObject().putObject(pk).set("_gt", after);
            Map<String, String> q = new LinkedHashMap<>();
            q.put("fields", fields);
            q.put("sort", pk);
            q.put("limit", Integer.toString(PAGE));
            if (!and.isEmpty()) q.put("filter", SyncJson.JSON.createObjectNode().set("_and", and).toString());
            JsonNode page = client.items(connection.remoteCollection(), q);
            page.forEach(out::add);
            if (page.size() < PAGE) return out;
            after = page.get(page.size() - 1).get(pk);
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
            client.create(connection.remoteCollection(), batch, fields).forEach(out::add);
        }
        return out;
    }

    JsonNode createOne(ObjectNode item) {
        return client.create(connection.remoteCollection(), SyncJson.JSON.createArrayNode().add(item), fields).get(0);
    }

    /** Updates one item; missing (Directus answers 204 for a PATCH of an id it does not have) when it is gone. */
    JsonNode update(String id, ObjectNode data) {
        return client.update(connection.remoteCollection(), id, data, fields);
    }

    /** Bulk update: each item carries its primary key; the updated items. */
    List<JsonNode> updateBatch(List<ObjectNode> items) {
        List<JsonNode> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i += WRITE) {
            ArrayNode batch = SyncJson.JSON.createArrayNode();
            items.subList(i, Math.min(items.size(), i + WRITE)).forEach(batch::add);
            client.updateBatch(connection.remoteCollection(), batch, fields).forEach(out::add);
        }
        return out;
    }

    void delete(String id) {
        client.delete(connection.remoteCollection(), id);
    }

    String pk() {
        return pk;
    }
}
