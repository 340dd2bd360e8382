package dev.vellum.automation;

import dev.vellum.storage.Tx;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** SQL for inbound hooks, the event ids they have processed (replay protection) and their request log. */
final class InboundHookRepository {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "id, project_id, collection_id, upsert_key, mapping, scheme, secret, description, created_at, updated_at";
    private static final String LOG_COLUMNS = "id, hook_id, received_at, event_id, status, outcome, code, detail, entry_id, duration_ms, body_excerpt";

    public void insert(Tx tx, InboundHook h) throws SQLException {
        tx.update("INSERT INTO inbound_hooks (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", h.id(), h.projectId(),
                h.collection(), h.upsertKey(), h.mapping().toString(), h.scheme().wire(), h.sealedSecret(), h.description(),
                h.createdAt(), h.updatedAt());
    }

    public void update(Tx tx, InboundHook h) throws SQLException {
        tx.update("UPDATE inbound_hooks SET collection_id = ?, upsert_key = ?, mapping = ?, scheme = ?, secret = ?, description = ?,"
                        + " updated_at = ? WHERE id = ?", h.collection(), h.upsertKey(), h.mapping().toString(), h.scheme().wire(),
                h.sealedSecret(), h.description(), h.updatedAt(), h.id());
    }

    public Optional<InboundHook> find(Tx tx, String id) throws SQLException {
        return tx.one("SELECT " + COLUMNS + " FROM inbound_hooks WHERE id = ?", InboundHookRepository::map, id);
    }

    public List<InboundHook> list(Tx tx, String projectId) throws SQLException {
        return tx.list("SELECT " + COLUMNS + " FROM inbound_hooks WHERE project_id = ? ORDER BY created_at, id",
                InboundHookRepository::map, projectId);
    }

    public boolean delete(Tx tx, String projectId, String id) throws SQLException {
        return tx.update("DELETE FROM inbound_hooks WHERE project_id = ? AND id = ?", projectId, id) == 1;
    }

    /** Records that an event id was processed; false when it had been already (a replay). */
    public boolean claim(Tx tx, String hookId, String eventId, String now) throws SQLException {
        return tx.update("INSERT INTO inbound_receipts (hook_id, event_id, received_at) VALUES (?, ?, ?)"
                + " ON CONFLICT (hook_id, event_id) DO NOTHING", hookId, eventId, now) == 1;
    }

    public boolean claimed(Tx tx, String hookId, String eventId) throws SQLException {
        return tx.count("SELECT COUNT(*) FROM inbound_receipts WHERE hook_id = ? AND event_id = ?", hookId, eventId) > 0;
    }

    /** The entry an event id was processed into, for answering its replays. */
    public Optional<String> entryOf(Tx tx, String hookId, String eventId) throws SQLException {
        return tx.one("SELECT entry_id FROM inbound_log WHERE hook_id = ? AND event_id = ? AND entry_id IS NOT NULL"
                + " AND outcome <> 'duplicate' ORDER BY id LIMIT 1", rs -> rs.getString(1), hookId, eventId);
    }

    public void log(Tx tx, InboundLogEntry e) throws SQLException {
        tx.update("INSERT INTO inbound_log (" + LOG_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", e.id(), e.hookId(),
                e.receivedAt(), e.eventId(), e.status(), e.outcome(), e.code(), e.detail(), e.entryId(), e.durationMs(), e.bodyExcerpt());
    }

    /** The log, newest first, before log id {@code before} (null: from the newest). */
    public List<InboundLogEntry> logPage(Tx tx, String hookId, String before, int limit) throws SQLException {
        return tx.list("SELECT " + LOG_COLUMNS + " FROM inbound_log WHERE hook_id = ? AND id < ? ORDER BY id DESC LIMIT ?",
                rs -> new InboundLogEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getLong(10), rs.getString(11)),
                hookId, before == null ? "~" : before, (long) limit);
    }

    /** Forgets log rows and processed event ids older than {@code cutoff}. */
    public int expire(Tx tx, String cutoff) throws SQLException {
        return tx.update("DELETE FROM inbound_log WHERE received_at < ?", cutoff)
                + tx.update("DELETE FROM inbound_receipts WHERE received_at < ?", cutoff);
    }

    private static InboundHook map(ResultSet rs) throws SQLException {
        try {
            return new InboundHook(rs.getString("id"), rs.getString("project_id"), rs.getString("collection_id"),
                    rs.getString("upsert_key"), (ObjectNode) JSON.readTree(rs.getString("mapping")),
                    SignatureScheme.parse(rs.getString("scheme")).orElseThrow(), rs.getString("secret"), rs.getString("description"),
                    rs.getString("created_at"), rs.getString("updated_at"));
        } catch (JsonProcessingException e) {
            throw new SQLException("corrupt inbound hook mapping", e);
        }
    }
}
