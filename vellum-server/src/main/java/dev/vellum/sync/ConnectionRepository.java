package dev.vellum.sync;

import dev.vellum.storage.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** SQL for connections, their run lease (one run per connection at a time) and their incremental markers. */
final class ConnectionRepository {
    private static final String COLUMNS = "id, project_id, collection, url, token, remote_collection, id_field, slug_field, mapping,"
            + " remote_fields, options, pull_marker, push_seq, hook_key, created_at, updated_at";

    void insert(Tx tx, Connection c) throws SQLException {
        tx.update("INSERT INTO sync_connections (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                c.id(), c.projectId(), c.collection(), c.url(), c.sealedToken(), c.remoteCollection(), c.idField(), c.slugField(),
                SyncJson.mapping(c.mapping()).toString(), SyncJson.remoteFields(c.remoteFields()).toString(),
                SyncJson.options(c.options()).toString(), c.pullMarker(), c.pushSeq(), c.hookKey(), c.createdAt(), c.updatedAt());
    }

    /** Writes the configuration (not the markers, which runs own). */
    void update(Tx tx, Connection c) throws SQLException {
        tx.update("UPDATE sync_connections SET url = ?, token = ?, remote_collection = ?, id_field = ?, slug_field = ?, mapping = ?,"
                        + " remote_fields = ?, options = ?, updated_at = ? WHERE id = ?",
                c.url(), c.sealedToken(), c.remoteCollection(), c.idField(), c.slugField(), SyncJson.mapping(c.mapping()).toString(),
                SyncJson.remoteFields(c.remoteFields()).toString(), SyncJson.options(c.options()).toString(), c.updatedAt(), c.id());
    }

    void markers(Tx tx, String id, String pullMarker, long pushSeq) throws SQLException {
        tx.update("UPDATE sync_connections SET pull_marker = ?, push_seq = ? WHERE id = ?", pullMarker, pushSeq, id);
    }

    Optional<Connection> find(Tx tx, String projectId, String id) throws SQLException {
        return tx.one("SELECT " + COLUMNS + " FROM sync_connections WHERE project_id = ? AND id = ?", ConnectionRepository::map, projectId, id);
    }

    Optional<Connection> find(Tx tx, String id) throws SQLException {
        return tx.one("SELECT " + COLUMNS + " FROM sync_connections WHERE id = ?", ConnectionRepository::map, id);
    }

    Optional<Connection> forCollection(Tx tx, String projectId, String collection) throws SQLException {
        return tx.one("SELECT " + COLUMNS + " FROM sync_connections WHERE project_id = ? AND collection = ?", ConnectionRepository::map,
                projectId, collection);
    }

    List<Connection> list(Tx tx, String projectId) throws SQLException {
        return tx.list("SELECT " + COLUMNS + " FROM sync_connections WHERE project_id = ? ORDER BY created_at, id", ConnectionRepository::map,
                projectId);
    }

    /** Every connection with a schedule or live updates (the automatic-sync chore looks at these). */
    List<Connection> automatic(Tx tx) throws SQLException {
        return tx.list("SELECT " + COLUMNS + " FROM sync_connections ORDER BY id", ConnectionRepository::map).stream()
                .filter(c -> c.options().scheduleMinutes() != null || c.options().live()).toList();
    }

    boolean delete(Tx tx, String projectId, String id) throws SQLException {
        return tx.update("DELETE FROM sync_connections WHERE project_id = ? AND id = ?", projectId, id) == 1;
    }

    /** Takes the connection's run lease if it is free, expired (a node that died mid-run), or this run's own (resumed). */
    boolean lease(Tx tx, String id, String owner, String now, String until) throws SQLException {
        return tx.update("UPDATE sync_connections SET lease_owner = ?, lease_until = ? WHERE id = ?"
                + " AND (lease_until IS NULL OR lease_until < ? OR lease_owner = ?)", owner, until, id, now, owner) == 1;
    }

    boolean leased(Tx tx, String id, String now) throws SQLException {
        return tx.count("SELECT COUNT(*) FROM sync_connections WHERE id = ? AND lease_until >= ?", id, now) > 0;
    }

    void renew(Tx tx, String id, String owner, String until) throws SQLException {
        tx.update("UPDATE sync_connections SET lease_until = ? WHERE id = ? AND lease_owner = ?", until, id, owner);
    }

    void release(Tx tx, String id, String owner) throws SQLException {
        tx.update("UPDATE sync_connections SET lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?", id, owner);
    }

    /** Claims a scheduled run: moves next_run_at on if it is due; true when this caller claimed it. */
    boolean claimScheduled(Tx tx, String id, String now, String next) throws SQLException {
        return tx.update("UPDATE sync_connections SET next_run_at = ? WHERE id = ? AND (next_run_at IS NULL OR next_run_at <= ?)",
                next, id, now) == 1;
    }

    private static Connection map(ResultSet rs) throws SQLException {
        return new Connection(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8), SyncJson.mapping(SyncJson.parse(rs.getString(9))),
                SyncJson.remoteFields(SyncJson.parse(rs.getString(10))), SyncJson.options(SyncJson.parse(rs.getString(11))),
                rs.getString(12), rs.getLong(13), rs.getString(14), rs.getString(15), rs.getString(16));
    }
}
