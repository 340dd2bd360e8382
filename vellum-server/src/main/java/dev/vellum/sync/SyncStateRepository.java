package dev.vellum.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.storage.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SQL for per-item sync state and for conflicts. */
final class SyncStateRepository {
    private static final String ITEM = "connection_id, entry_id, remote_id, slug, remote_marker, vellum_version, base, synced_at";
    private static final String CONFLICT = "id, connection_id, entry_id, remote_id, slug, fields, base, vellum, directus, status,"
            + " resolution, created_at, resolved_at";
    private static final int CHUNK = 500;

    /** Inserts or replaces the state of each item (by entry, and by remote id: a relink drops the old row). */
    void save(Tx tx, List<SyncItem> items) throws SQLException {
        if (items.isEmpty()) return;
        List<Object[]> drop = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        for (SyncItem i : items) {
            drop.add(new Object[] {i.connectionId(), i.entryId(), i.remoteId()});
            rows.add(new Object[] {i.connectionId(), i.entryId(), i.remoteId(), i.slug(), i.remoteMarker(), i.vellumVersion(),
                    i.base().toString(), i.syncedAt()});
        }
        tx.batch("DELETE FROM sync_items WHERE connection_id = ? AND (entry_id = ? OR remote_id = ?)", drop);
        tx.batch("INSERT INTO sync_items (" + ITEM + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }

    void forgetAll(Tx tx, String connectionId) throws SQLException {
        tx.update("DELETE FROM sync_items WHERE connection_id = ?", connectionId);
        tx.update("DELETE FROM sync_conflicts WHERE connection_id = ? AND status = 'open'", connectionId);
    }

    void forgetEntry(Tx tx, String connectionId, String entryId) throws SQLException {
        tx.update("DELETE FROM sync_items WHERE connection_id = ? AND entry_id = ?", connectionId, entryId);
    }

    Map<String, SyncItem> byRemote(Tx tx, String connectionId, List<String> remoteIds) throws SQLException {
        Map<String, SyncItem> out = new HashMap<>();
        for (List<String> chunk : chunks(remoteIds)) {
            for (SyncItem i : tx.list("SELECT " + ITEM + " FROM sync_items WHERE connection_id = ? AND remote_id IN (" + marks(chunk) + ")",
                    SyncStateRepository::item, params(connectionId, chunk))) {
                out.put(i.remoteId(), i);
            }
        }
        return out;
    }

    Map<String, SyncItem> byEntry(Tx tx, String connectionId, List<String> entryIds) throws SQLException {
        Map<String, SyncItem> out = new HashMap<>();
        for (List<String> chunk : chunks(entryIds)) {
            for (SyncItem i : tx.list("SELECT " + ITEM + " FROM sync_items WHERE connection_id = ? AND entry_id IN (" + marks(chunk) + ")",
                    SyncStateRepository::item, params(connectionId, chunk))) {
                out.put(i.entryId(), i);
            }
        }
        return out;
    }

    List<SyncItem> all(Tx tx, String connectionId) throws SQLException {
        return tx.list("SELECT " + ITEM + " FROM sync_items WHERE connection_id = ?", SyncStateRepository::item, connectionId);
    }

    /** Linked Directus key of a Vellum entry, through any connection of the collection (references resolve through these). */
    Optional<String> remoteOf(Tx tx, String projectId, String collection, String entryId) throws SQLException {
        return tx.one("SELECT i.remote_id FROM sync_items i JOIN sync_connections c ON c.id = i.connection_id"
                + " WHERE c.project_id = ? AND c.collection = ? AND i.entry_id = ?", rs -> rs.getString(1), projectId, collection, entryId);
    }

    /** Every link of the collection's connection(s): {entry id, Directus key} pairs. */
    List<String[]> links(Tx tx, String projectId, String collection) throws SQLException {
        return tx.list("SELECT i.entry_id, i.remote_id FROM sync_items i JOIN sync_connections c ON c.id = i.connection_id"
                + " WHERE c.project_id = ? AND c.collection = ?", rs -> new String[] {rs.getString(1), rs.getString(2)}, projectId, collection);
    }

    Optional<String> entryOf(Tx tx, String projectId, String collection, String remoteId) throws SQLException {
        return tx.one("SELECT i.entry_id FROM sync_items i JOIN sync_connections c ON c.id = i.connection_id"
                + " WHERE c.project_id = ? AND c.collection = ? AND i.remote_id = ?", rs -> rs.getString(1), projectId, collection, remoteId);
    }

    // --- conflicts ------------------------------------------------------------------------------

    void insertConflict(Tx tx, Conflict c) throws SQLException {
        tx.update("INSERT INTO sync_conflicts (" + CONFLICT + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", c.id(), c.connectionId(),
                c.entryId(), c.remoteId(), c.slug(), SyncJson.JSON.valueToTree(c.fields()).toString(), c.base().toString(),
                c.vellum().toString(), c.directus().toString(), c.status(), c.resolution(), c.createdAt(), c.resolvedAt());
    }

    /** Open conflicts of a connection, by entry id (a run leaves these items alone). */
    Map<String, Conflict> openConflicts(Tx tx, String connectionId) throws SQLException {
        Map<String, Conflict> out = new HashMap<>();
        for (Conflict c : conflicts(tx, connectionId, "open")) out.put(c.entryId(), c);
        return out;
    }

    List<Conflict> conflicts(Tx tx, String connectionId, String status) throws SQLException {
        return tx.list("SELECT " + CONFLICT + " FROM sync_conflicts WHERE connection_id = ? AND status = ? ORDER BY created_at, id",
                SyncStateRepository::conflict, connectionId, status);
    }

    Optional<Conflict> conflict(Tx tx, String connectionId, String id) throws SQLException {
        return tx.one("SELECT " + CONFLICT + " FROM sync_conflicts WHERE connection_id = ? AND id = ?", SyncStateRepository::conflict,
                connectionId, id);
    }

    void resolve(Tx tx, String id, String resolution, String at) throws SQLException {
        tx.update("UPDATE sync_conflicts SET status = 'resolved', resolution = ?, resolved_at = ? WHERE id = ?", resolution, at, id);
    }

    private static SyncItem item(ResultSet rs) throws SQLException {
        return new SyncItem(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getLong(6),
                (ObjectNode) SyncJson.parse(rs.getString(7)), rs.getString(8));
    }

    private static Conflict conflict(ResultSet rs) throws SQLException {
        List<String> fields = new ArrayList<>();
        SyncJson.parse(rs.getString(6)).forEach(f -> fields.add(f.asText()));
        return new Conflict(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), fields,
                (ObjectNode) SyncJson.parse(rs.getString(7)), (ObjectNode) SyncJson.parse(rs.getString(8)),
                (ObjectNode) SyncJson.parse(rs.getString(9)), rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13));
    }

    private static List<List<String>> chunks(List<String> ids) {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += CHUNK) out.add(ids.subList(i, Math.min(ids.size(), i + CHUNK)));
        return out;
    }

    private static String marks(List<String> chunk) {
        return String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
    }

    private static Object[] params(String first, List<String> rest) {
        Object[] p = new Object[rest.size() + 1];
        p[0] = first;
        for (int i = 0; i < rest.size(); i++) p[i + 1] = rest.get(i);
        return p;
    }
}
