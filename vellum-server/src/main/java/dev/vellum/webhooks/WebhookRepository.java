package dev.vellum.webhooks;

import dev.vellum.storage.Dialect;
import dev.vellum.storage.Tx;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * SQL for webhooks, and the leases by which one node at a time delivers to an endpoint. A lease is
 * taken with FOR UPDATE SKIP LOCKED on PostgreSQL (nodes never wait for each other); on SQLite the
 * single writer serialises the same statements.
 */
final class WebhookRepository {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "id, project_id, url, events, collections, description, secret, status, status_reason,"
            + " status_changed_at, cursor, created_at, updated_at";

    public void insert(Tx tx, Webhook w) throws SQLException {
        tx.update("INSERT INTO webhooks (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                w.id(), w.projectId(), w.url(), json(w.events().patterns()), w.collections().isEmpty() ? null : json(w.collections()),
                w.description(), w.sealedSecret(), w.status().wire(), w.statusReason(), w.statusChangedAt(), w.cursor(),
                w.createdAt(), w.updatedAt());
    }

    /** Writes the settable parts: url, events, collections, description, secret, status. */
    public void update(Tx tx, Webhook w) throws SQLException {
        tx.update("UPDATE webhooks SET url = ?, events = ?, collections = ?, description = ?, secret = ?, status = ?, status_reason = ?,"
                        + " status_changed_at = ?, updated_at = ? WHERE id = ?",
                w.url(), json(w.events().patterns()), w.collections().isEmpty() ? null : json(w.collections()), w.description(),
                w.sealedSecret(), w.status().wire(), w.statusReason(), w.statusChangedAt(), w.updatedAt(), w.id());
    }

    public Optional<Webhook> find(Tx tx, String projectId, String id) throws SQLException {
        return tx.one("SELECT " + COLUMNS + " FROM webhooks WHERE project_id = ? AND id = ?", WebhookRepository::map, projectId, id);
    }

    public Optional<Webhook> find(Tx tx, String id) throws SQLException {
        return tx.one("SELECT " + COLUMNS + " FROM webhooks WHERE id = ?", WebhookRepository::map, id);
    }

    public List<Webhook> list(Tx tx, String projectId) throws SQLException {
        return tx.list("SELECT " + COLUMNS + " FROM webhooks WHERE project_id = ? ORDER BY created_at, id", WebhookRepository::map, projectId);
    }

    public boolean delete(Tx tx, String projectId, String id) throws SQLException {
        return tx.update("DELETE FROM webhooks WHERE project_id = ? AND id = ?", projectId, id) == 1;
    }

    public long pending(Tx tx, String id) throws SQLException {
        return tx.count("SELECT COUNT(*) FROM webhook_deliveries WHERE webhook_id = ? AND status = 'pending'", id);
    }

    // --- the delivery queue --------------------------------------------------------------------

    /**
     * Leases up to {@code limit} active webhooks that have work: changes past their cursor, a pending
     * delivery that is due, or an expired lease (its node died mid-run, so its queue state is unknown).
     */
    private static final String DUE = "SELECT w.id FROM webhooks w JOIN projects p ON p.id = w.project_id"
            + " WHERE w.status = 'active' AND (w.lease_until IS NULL OR w.lease_until < ?)"
            + " AND (w.cursor < p.change_seq OR w.retry_at <= ? OR w.lease_owner IS NOT NULL) ORDER BY w.id LIMIT ?";

    /** Whether any webhook is active, in any project. */
    public boolean anyActive(Tx tx) throws SQLException {
        return !tx.list("SELECT id FROM webhooks WHERE status = 'active' LIMIT 1", rs -> rs.getString(1)).isEmpty();
    }

    /** Whether {@link #leaseDue} would find an endpoint now (a read: no lock, no write). */
    public boolean anyDue(Tx tx, String now) throws SQLException {
        return !tx.list(DUE, rs -> rs.getString(1), now, now, 1L).isEmpty();
    }

    public List<String> leaseDue(Tx tx, String owner, String now, String until, int limit) throws SQLException {
        String skipLocked = tx.dialect() == Dialect.POSTGRES ? " FOR UPDATE OF w SKIP LOCKED" : "";
        List<String> ids = tx.list(DUE + skipLocked, rs -> rs.getString(1), now, now, (long) limit);
        List<Object[]> rows = new ArrayList<>();
        for (String id : ids) rows.add(new Object[] {owner, until, id});
        tx.batch("UPDATE webhooks SET lease_owner = ?, lease_until = ? WHERE id = ?", rows);
        return ids;
    }

    /** Extends a lease this node holds; false when it no longer holds it. */
    public boolean renew(Tx tx, String id, String owner, String until) throws SQLException {
        return tx.update("UPDATE webhooks SET lease_until = ? WHERE id = ? AND lease_owner = ?", until, id, owner) == 1;
    }

    /**
     * Gives a lease up and notes when the endpoint's oldest pending delivery is due. The row is
     * locked first, so a delivery queued meanwhile by another transaction is seen.
     *
     * @return that due time, or empty when nothing is pending
     */
    public Optional<String> release(Tx tx, String id, String owner) throws SQLException {
        lock(tx, id);
        Optional<String> due = tx.one("SELECT next_attempt_at FROM webhook_deliveries WHERE webhook_id = ? AND status = 'pending'"
                + " ORDER BY position LIMIT 1", rs -> rs.getString(1), id);
        tx.update("UPDATE webhooks SET lease_owner = NULL, lease_until = NULL, retry_at = ? WHERE id = ? AND lease_owner = ?",
                due.orElse(null), id, owner);
        return due;
    }

    /** Reserves {@code count} consecutive positions for new deliveries; returns the first. Locks the row. */
    public long reservePositions(Tx tx, String id, int count) throws SQLException {
        long last = tx.one("UPDATE webhooks SET next_position = next_position + ? WHERE id = ? RETURNING next_position",
                rs -> rs.getLong(1), (long) count, id).orElseThrow(() -> new SQLException("no webhook " + id));
        return last - count + 1;
    }

    public void advanceCursor(Tx tx, String id, long cursor) throws SQLException {
        tx.update("UPDATE webhooks SET cursor = ? WHERE id = ? AND cursor < ?", cursor, id, cursor);
    }

    /** A delivery was queued from outside the lease (re-send): make the endpoint due if it was idle. */
    public void due(Tx tx, String id, String at) throws SQLException {
        tx.update("UPDATE webhooks SET retry_at = COALESCE(retry_at, ?) WHERE id = ?", at, id);
    }

    public void disable(Tx tx, String id, String reason, String now) throws SQLException {
        tx.update("UPDATE webhooks SET status = 'disabled', status_reason = ?, status_changed_at = ?, updated_at = ? WHERE id = ?",
                reason, now, now, id);
    }

    /**
     * On a single node (SQLite) every lease left in the database belongs to a process that is gone:
     * expire them now (the owner stays set, which marks the endpoint for a fresh look).
     */
    public void expireLeases(Tx tx) throws SQLException {
        tx.update("UPDATE webhooks SET lease_until = NULL WHERE lease_owner IS NOT NULL");
    }

    private static void lock(Tx tx, String id) throws SQLException {
        if (tx.dialect() == Dialect.POSTGRES) tx.one("SELECT id FROM webhooks WHERE id = ? FOR UPDATE", rs -> 1, id);
    }

    private static Webhook map(ResultSet rs) throws SQLException {
        String collections = rs.getString("collections");
        return new Webhook(rs.getString("id"), rs.getString("project_id"), rs.getString("url"),
                new EventFilter(strings(rs.getString("events"))), collections == null ? List.of() : strings(collections),
                rs.getString("description"), rs.getString("secret"), Webhook.Status.parse(rs.getString("status")),
                rs.getString("status_reason"), rs.getString("status_changed_at"), rs.getLong("cursor"),
                rs.getString("created_at"), rs.getString("updated_at"));
    }

    static String json(List<String> values) throws SQLException {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new SQLException("cannot serialise list", e);
        }
    }

    static List<String> strings(String json) throws SQLException {
        try {
            List<String> out = new ArrayList<>();
            for (JsonNode n : JSON.readTree(json)) out.add(n.asText());
            return out;
        } catch (JsonProcessingException e) {
            throw new SQLException("corrupt list column", e);
        }
    }
}
